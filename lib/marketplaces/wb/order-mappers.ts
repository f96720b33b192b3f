// WB orders as order lines, from either source behind the one wb_orders source: the statistics orders
// feed (/api/v1/supplier/orders, one row per unit, incremental by lastChangeDate) and its successor the
// order feed (/api/analytics/v1/order-feed, last 31 days, statuses). Both are keyed by srid and map to
// the same OrderLineFact, so a row read from either replaces the other by its version (UTC instant of
// the row's last change). Pure: each validates one record and throws a RecordError to quarantine it.
import { z } from "zod";
import type Decimal from "decimal.js";
import { parseMoney } from "@/lib/domain/money";
import { toBusinessDate, zonedWallTimeToInstant } from "@/lib/domain/dates";
import { RecordError, businessDayOfInstant, idString, money, wallTimeToMs, parseRecord } from "../records";
import { normaliseDistrict, type OrderLineFact, type WarehouseRef } from "../lines";
import { WB_FBO_WAREHOUSE, wbStatisticsRowSchema } from "./mappers";

/** UTC ms of a WB statistics time: Moscow wall time unless it carries an offset */
function wbInstantMs(value: string, field: string): number {
  const ms = /(Z|[+-]\d{2}:?\d{2})$/.test(value)
    ? Date.parse(value)
    : wallTimeToMs(value, "Europe/Moscow", zonedWallTimeToInstant);
  if (Number.isNaN(ms)) throw new RecordError(`${field}: not a time: ${value}`);
  return ms;
}

function price(v: unknown, field: string): Decimal {
  try {
    return parseMoney(v).abs();
  } catch {
    throw new RecordError(`${field}: not a money amount: ${JSON.stringify(v)}`);
  }
}

/** Seller (FBS/DBS) warehouses are known to WB's order feeds by name only: the same code as the sales feed's. */
export function wbSellerWarehouse(name: string): WarehouseRef {
  return { code: `name:${name}`, name, kind: "FBS" };
}

const orderSchema = wbStatisticsRowSchema.extend({
  srid: z.string().min(1),
  countryName: z.string().nullish(),
  oblastOkrugName: z.string().nullish(),
  regionName: z.string().nullish(),
  isCancel: z.boolean(),
});

/**
 * A row of /api/v1/supplier/orders (one unit): an "order" line, or a "cancellation" once isCancel
 * flips (the row comes again with a newer lastChangeDate). Amount: priceWithDisc (the seller's price
 * after the seller's discount, the basis the sales feed uses too).
 */
export function wbOrderLineFact(raw: unknown, timeZone: string): OrderLineFact {
  const r = parseRecord(orderSchema, raw);
  const orderedMs = wbInstantMs(r.date, "date");
  const fbs = r.warehouseType === "Склад продавца";
  return {
    key: r.srid,
    orderKey: r.srid,
    d: businessDayOfInstant(orderedMs, timeZone, toBusinessDate),
    kind: r.isCancel ? "cancellation" : "order",
    sku: r.nmId,
    article: r.supplierArticle ?? null,
    warehouse: fbs && r.warehouseName ? wbSellerWarehouse(r.warehouseName) : WB_FBO_WAREHOUSE,
    channel: fbs ? "FBS" : "FBO",
    qty: 1,
    amount: price(r.priceWithDisc, "priceWithDisc"),
    feedCommission: null,
    version: new Date(wbInstantMs(r.lastChangeDate, "lastChangeDate")).toISOString(),
    orderedAt: new Date(orderedMs).toISOString(),
    outcome: r.isCancel ? "cancel" : null,
    buyerRegion: r.regionName?.trim() || null,
    buyerDistrict: normaliseDistrict(r.oblastOkrugName, r.countryName),
  };
}

const instant = z.string().refine((v) => !Number.isNaN(Date.parse(v)), "not a date-time");
const feedSchema = z.object({
  srid: z.string().min(1),
  nmId: idString,
  createdAt: instant,
  updatedAt: instant,
  status: z.string().min(1),
  warehouseName: z.string().nullish(),
  isMp: z.boolean().nullish(),
  destinationCity: z.string().nullish(),
  destinationDistrict: z.string().nullish(),
  sellerPrice: money,
});

const FEED_OUTCOMES: Record<string, OrderLineFact["outcome"]> = {
  created: null,
  buyout: "buyout",
  cancel: "cancel",
  return: "return",
  returnDefective: "return",
};

/**
 * A row of the order feed: the same line as the statistics orders row with the same srid. Its status
 * says the fate (buyout, return, cancel); an unknown status counts as open (WB adds enum values).
 * Amount: sellerPrice (after the seller's discount, before WB Club).
 */
export function wbOrderFeedLineFact(raw: unknown, timeZone: string): OrderLineFact {
  const r = parseRecord(feedSchema, raw);
  const orderedMs = Date.parse(r.createdAt);
  const outcome = FEED_OUTCOMES[r.status] ?? null;
  const fbs = r.isMp === true;
  return {
    key: r.srid,
    orderKey: r.srid,
    d: businessDayOfInstant(orderedMs, timeZone, toBusinessDate),
    kind: outcome === "cancel" ? "cancellation" : "order",
    sku: r.nmId,
    article: null,
    warehouse: fbs && r.warehouseName ? wbSellerWarehouse(r.warehouseName) : WB_FBO_WAREHOUSE,
    channel: fbs ? "FBS" : "FBO",
    qty: 1,
    amount: price(r.sellerPrice, "sellerPrice"),
    feedCommission: null,
    version: new Date(Date.parse(r.updatedAt)).toISOString(),
    orderedAt: new Date(orderedMs).toISOString(),
    outcome,
    buyerRegion: r.destinationCity?.trim() || null,
    buyerDistrict: normaliseDistrict(r.destinationDistrict),
  };
}

const sellerStockSchema = z.object({
  nmId: idString,
  chrtId: idString.nullish(),
  warehouseId: idString.nullish(),
  warehouseName: z.string().min(1),
  regionName: z.string().nullish(),
  quantity: z.number().int().min(0),
});

/**
 * A row of the seller-warehouse (FBS) stocks report: stock on the seller's own warehouse, which WB's
 * order feeds name only by name, so it is the same warehouse as the orders' (code `name:<name>`).
 */
export function mapWbSellerStock(raw: unknown) {
  const r = parseRecord(sellerStockSchema, raw);
  const warehouse = { ...wbSellerWarehouse(r.warehouseName), region: r.regionName?.trim() || null };
  return {
    key: `FBS|${r.nmId}|${r.chrtId ?? ""}|${warehouse.code}`,
    sku: r.nmId,
    warehouse,
    onHand: r.quantity,
    inTransit: 0,
  };
}
