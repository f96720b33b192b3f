// WB's own lost-orders estimate per card from the stocks report per product
// (POST /api/v2/stocks-report/products/products, marketplace-apis.md §6.2.6), shown beside Sovani's.
// WB codes special values into the numbers: lostOrders*/lostBuyouts* -2 means zero and any other
// negative "not computed"; {days, hours} durations carry codes in `hours` (-1 infinite, -2 zero, -3 not
// computed). A code is never stored as a number: "not computed" is null, zero is 0.
// Pure: validates one record and throws a RecordError naming the field so the caller quarantines it.
import Decimal from "decimal.js";
import { z } from "zod";
import { idString, parseRecord } from "../records";

const duration = z.object({ days: z.number(), hours: z.number() }).nullish();

const productSchema = z.object({
  nmID: idString,
  metrics: z
    .object({
      avgOrders: z.number().nullish(),
      saleRate: duration,
      lostOrdersCount: z.number().nullish(),
      lostOrdersSum: z.number().nullish(),
      lostBuyoutsCount: z.number().nullish(),
      lostBuyoutsSum: z.number().nullish(),
    })
    .passthrough(),
});

export interface WbLostOrdersEstimate {
  /** nmID */
  sku: string;
  lostOrdersQty: string | null;
  lostOrdersSum: string | null;
  lostBuyoutsQty: string | null;
  lostBuyoutsSum: string | null;
  /** avgOrders: average orders per day over the period */
  avgDailyQty: string | null;
  /** saleRate: days the current stock lasts */
  daysOfCover: string | null;
}

/** A lost-sales figure as text with `scale` decimals: -2 is zero, any other negative (or none) is null. */
export function wbLostValue(v: number | null | undefined, scale: number): string | null {
  if (v === null || v === undefined || !Number.isFinite(v)) return null;
  if (v === -2) return new Decimal(0).toFixed(scale);
  if (v < 0) return null;
  return new Decimal(v).toDecimalPlaces(scale).toFixed(scale);
}

/** A {days, hours} duration in days: hours -2 is zero, other negative codes (infinite, not computed) null. */
export function wbDurationDays(v: { days: number; hours: number } | null | undefined): string | null {
  if (!v) return null;
  if (v.hours === -2) return new Decimal(0).toFixed(3);
  if (v.hours < 0 || v.days < 0) return null;
  return new Decimal(v.days).plus(new Decimal(v.hours).div(24)).toDecimalPlaces(3).toFixed(3);
}

export function mapWbLostOrders(raw: unknown): WbLostOrdersEstimate {
  const { nmID, metrics: m } = parseRecord(productSchema, raw);
  const avg = m.avgOrders;
  return {
    sku: nmID,
    lostOrdersQty: wbLostValue(m.lostOrdersCount, 3),
    lostOrdersSum: wbLostValue(m.lostOrdersSum, 2),
    lostBuyoutsQty: wbLostValue(m.lostBuyoutsCount, 3),
    lostBuyoutsSum: wbLostValue(m.lostBuyoutsSum, 2),
    avgDailyQty:
      avg === null || avg === undefined || !Number.isFinite(avg) || avg < 0
        ? null
        : new Decimal(avg).toDecimalPlaces(3).toFixed(3),
    daysOfCover: wbDurationDays(m.saleRate),
  };
}
