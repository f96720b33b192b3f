// Ozon records -> normalised facts. Pure: each validates one record and returns the normalised value
// or throws (the caller quarantines it). Accrual type ids map to P&L lines in accrual-types.ts.
import { z } from "zod";
import Decimal from "decimal.js";
import { parseMoney } from "@/lib/domain/money";
import { toBusinessDate } from "@/lib/domain/dates";
import { RecordError, businessDayOfInstant, idString, moneyObject, zodReason, parseRecord } from "../records";
import type { NormalizedReview, NormalizedSku } from "../wb/mappers";
import type { FinanceLineFact, FinanceLinePart, OrderLineFact, WarehouseRef } from "../lines";
import type { PnlLine } from "@/lib/domain/pnl-lines";
import { ozonAccrualType } from "./accrual-types";

/** A posting that names no warehouse: one virtual warehouse per delivery channel */
function channelWarehouse(channel: "FBO" | "FBS"): WarehouseRef {
  return { code: `channel:${channel}`, name: `Ozon ${channel}`, kind: channel };
}
function channelOf(schema: string | null | undefined): "FBO" | "FBS" {
  return schema && /^FBO/i.test(schema) ? "FBO" : schema ? "FBS" : "FBO";
}

const amount = (v: z.infer<typeof moneyObject>, field: string): Decimal => {
  if (!v) return new Decimal(0);
  try {
    return parseMoney(v.amount);
  } catch {
    throw new RecordError(`${field}: not a money amount: ${JSON.stringify(v.amount)}`);
  }
};

const fee = z.object({ type_id: z.number().int(), accrued: moneyObject });

const productInfoSchema = z.object({
  id: idString,
  sku: idString,
  offer_id: z.string().nullish(),
  name: z.string().nullish(),
});

export function mapOzonProduct(raw: unknown): NormalizedSku {
  const r = parseRecord(productInfoSchema, raw);
  return {
    externalId: r.sku,
    productId: r.id,
    article: r.offer_id ?? null,
    name: r.name ?? null,
    brand: null,
    category: null,
  };
}

const fboStockSchema = z.object({
  sku: idString,
  warehouse_id: idString,
  warehouse_name: z.string().nullish(),
  cluster_name: z.string().nullish(),
  available_stock_count: z.number().int().min(0),
  transit_stock_count: z.number().int().min(0).nullish(),
  return_from_customer_stock_count: z.number().int().min(0).nullish(),
});
const fbsStockSchema = z.object({
  sku: idString,
  warehouse_id: idString,
  warehouse_name: z.string().nullish(),
  present: z.number().int(),
  reserved: z.number().int().nullish(),
  free_stock: z.number().int().nullish(),
});

export interface OzonStock {
  key: string;
  sku: string;
  warehouse: WarehouseRef & { region?: string | null };
  onHand: number;
  /** inbound: units in supplies on their way to Ozon */
  inTransit: number;
  /** returns from buyers in progress */
  fromClient: number;
}

export function mapOzonFboStock(raw: unknown): OzonStock {
  const r = parseRecord(fboStockSchema, raw);
  return {
    key: `FBO|${r.sku}|${r.warehouse_id}`,
    sku: r.sku,
    warehouse: {
      code: r.warehouse_id,
      name: r.warehouse_name ?? r.warehouse_id,
      kind: "FBO",
      region: r.cluster_name ?? null,
    },
    onHand: r.available_stock_count,
    inTransit: r.transit_stock_count ?? 0,
    fromClient: r.return_from_customer_stock_count ?? 0,
  };
}

export function mapOzonFbsStock(raw: unknown): OzonStock {
  const r = parseRecord(fbsStockSchema, raw);
  return {
    key: `FBS|${r.sku}|${r.warehouse_id}`,
    sku: r.sku,
    warehouse: { code: r.warehouse_id, name: r.warehouse_name ?? r.warehouse_id, kind: "FBS" },
    onHand: r.free_stock ?? r.present - (r.reserved ?? 0),
    inTransit: 0,
    fromClient: 0,
  };
}

const reviewSchema = z.object({
  id: z.string().min(1),
  sku: idString,
  text: z.string().nullish(),
  published_at: z.string().refine((v) => !Number.isNaN(Date.parse(v)), "not a date"),
  rating: z.number().int().min(1).max(5),
  status: z.string().nullish(),
  comments_amount: z.number().int().nullish(),
  photos_amount: z.number().int().nullish(),
  videos_amount: z.number().int().nullish(),
  order_status: z.string().nullish(),
});

export function mapOzonReview(raw: unknown): NormalizedReview {
  const r = parseRecord(reviewSchema, raw);
  return {
    key: r.id,
    skuExternalId: r.sku,
    parentReviewId: null,
    createdAt: new Date(r.published_at),
    rating: r.rating,
    hasMedia: (r.photos_amount ?? 0) + (r.videos_amount ?? 0) > 0,
    text: r.text ?? "",
    productName: null,
    buyerName: null,
    orderStatus: r.order_status ?? null,
    replyStatus: (r.comments_amount ?? 0) > 0 ? "answered" : "unanswered",
  };
}

const periodSchema = z.object({ id: idString, begin: z.string().nullish(), end: z.string() });
const cashFlowSchema = z.object({ period: periodSchema });
const paymentSchema = z.object({
  payment: z.union([z.number(), z.string().trim().min(1)]),
  currency_code: z.string().nullish(),
});
// the spec's schema has `details` and `details.payments` as objects; its own example has `payments` as
// an array, and practitioners see `details` as an array of periods: every one of these shapes is read
const detailSchema = z.object({
  period: z.object({ id: idString }).nullish(),
  payments: z.union([z.array(paymentSchema), paymentSchema]).nullish(),
});

export interface OzonPayout {
  key: string;
  /** the period's first day (its last when Ozon states no beginning) */
  from: string;
  /** the period's last day */
  d: string;
  amount: Decimal;
}

/** what a period's details say was paid, or why they cannot be read */
export type OzonPaid = { amount: Decimal } | { problem: string };

/**
 * What was paid per period (`details[].payments[].payment`), by period id. A detail without a period id
 * belongs to the page's only period. A period whose payments cannot be read keeps the reason, so that
 * period alone is quarantined; details that name no period throw for the whole page.
 */
export function readOzonPayoutDetails(details: unknown, cashFlows: unknown[]): Map<string, OzonPaid> {
  const list = Array.isArray(details) ? details : details == null ? [] : [details];
  const paid = new Map<string, OzonPaid>();
  for (const raw of list) {
    const period = z.object({ period: z.object({ id: idString }).nullish() }).safeParse(raw);
    let periodId = period.success ? period.data.period?.id : undefined;
    if (periodId === undefined) {
      const only = cashFlows.length === 1 ? cashFlowSchema.safeParse(cashFlows[0]) : undefined;
      if (!only?.success) throw new RecordError("details: no period id, and the page holds more than one period");
      periodId = only.data.period.id;
    }
    paid.set(periodId, paidOf(raw, periodId));
  }
  return paid;
}

function paidOf(raw: unknown, periodId: string): OzonPaid {
  const parsed = detailSchema.safeParse(raw);
  if (!parsed.success) return { problem: `details of period ${periodId}: ${zodReason(parsed.error)}` };
  const payments = parsed.data.payments;
  if (payments == null) return { problem: `details of period ${periodId}: no payments` };
  const list = Array.isArray(payments) ? payments : [payments];
  if (new Set(list.map((p) => p.currency_code ?? "")).size > 1)
    return { problem: `details of period ${periodId}: payments in several currencies` };
  let amount = new Decimal(0);
  for (const p of list) {
    try {
      amount = amount.plus(parseMoney(p.payment));
    } catch {
      return { problem: `details of period ${periodId}: not a money amount: ${JSON.stringify(p.payment)}` };
    }
  }
  return { amount };
}

/** One payout period: the amount paid for it, dated on its last day as Ozon states it. */
export function mapOzonPayout(raw: unknown, paid: Map<string, OzonPaid>, timeZone: string): OzonPayout {
  const { id, begin, end } = parseRecord(cashFlowSchema, raw).period;
  const detail = paid.get(id);
  if (!detail) throw new RecordError(`period ${id}: no payment details for it`);
  if ("problem" in detail) throw new RecordError(detail.problem);
  // the period's last calendar day as Ozon states it (not shifted by time zone)
  const d = /^\d{4}-\d{2}-\d{2}/.test(end) ? end.slice(0, 10) : toBusinessDate(new Date(end), timeZone);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new RecordError(`period ${id}: not a date: ${end}`);
  const from = begin && /^\d{4}-\d{2}-\d{2}/.test(begin) ? begin.slice(0, 10) : d;
  return { key: id, from, d, amount: detail.amount };
}

// ---------------------------------------------------------------------------------------------------
// Line-level facts (issue 18): one raw record -> FinanceLineFacts / OrderLineFacts.

const accrualFactSchema = z.object({
  accrual_id: idString,
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  accrued_category: z.string(),
  unit_number: z.string().nullish(),
  total_amount: moneyObject,
  posting: z
    .object({
      posting_number: z.string().nullish(),
      delivery_schema: z.string().nullish(),
      products: z.array(
        z.object({
          sku: idString,
          // absent in the reference's by-day example (one entry per unit); read when present
          quantity: z.number().int().min(0).nullish(),
          commission: z
            .object({
              sale_amount: moneyObject,
              commission: moneyObject,
              bonus: moneyObject,
              coinvestment: moneyObject,
            })
            .nullish(),
          delivery: z.object({ services: z.array(fee).nullish(), total_accrued: moneyObject }).nullish(),
        }),
      ),
    })
    .nullish(),
  item_fees: z.object({ fees: z.array(z.object({ sku: idString, fees: z.array(fee) })) }).nullish(),
  // an empty object beside total_amount is allowed by the schema (every field optional): the total
  // then reaches the residual
  non_item_fee: z.object({ type_id: z.number().int().nullish(), accrued: moneyObject }).nullish(),
});

interface FactDraft {
  sku: string | null;
  parts: FinanceLinePart[];
  settles: "sale" | "return" | null;
  qty: number;
  typeIds: string[];
  warnings: string[];
}

/**
 * One accrual of /v1/finance/accrual/by-day as FinanceLineFacts: one per SKU it names (key
 * `${accrual_id}/${sku}`) and one store-level fact (key `${accrual_id}`) for NON_ITEM fees and for any
 * residual. The parts of all its facts always sum to the accrual's total_amount: what the parts do not
 * explain is kept as a store-level deductions_other part, with a warning.
 *
 * POSTING products: sale_amount > 0 -> sales (settles "sale"), < 0 -> returns (settles "return"),
 * qty = product quantity, else 1 (one entry per unit); commission.commission is signed from the
 * seller's view as sent (-437.80 in the reference's example, whose total 1400.40 = 1990 - 437.80 -
 * 112.30 - 39.50), so it is taken as is; delivery services -> logistics. bonus and coinvestment are
 * read as signed amounts inside total_amount (every accrual amount is signed, + to the seller) and
 * go to loyalty: they are the seller's and Ozon's shares of points/co-financed discounts; if that
 * reading is wrong the residual shows it. ITEM fees per SKU and NON_ITEM fees by OZON_ACCRUAL_TYPES.
 * The undocumented `container_fees` key is not read: its money reaches the residual.
 */
export function ozonAccrualFacts(raw: unknown): { facts: FinanceLineFact[]; unknownTypeIds: number[] } {
  const r = parseRecord(accrualFactSchema, raw);
  const unknownTypeIds: number[] = [];
  const drafts = new Map<string, FactDraft>();
  const draft = (sku: string | null): FactDraft => {
    const k = sku ?? "";
    let f = drafts.get(k);
    if (!f) {
      f = { sku, parts: [], settles: null, qty: 0, typeIds: [], warnings: [] };
      drafts.set(k, f);
    }
    return f;
  };
  const byType = (f: FactDraft, typeId: number, value: Decimal) => {
    const type = ozonAccrualType(typeId);
    if (!f.typeIds.includes(String(typeId))) f.typeIds.push(String(typeId));
    if (!type) {
      if (!unknownTypeIds.includes(typeId)) unknownTypeIds.push(typeId);
      f.warnings.push(`unknown Ozon accrual type ${typeId}: kept as deductions_other`);
    }
    f.parts.push({ line: type?.line ?? "deductions_other", amount: value });
  };

  let channel: "FBO" | "FBS" | null = null;
  let orderKey: string | null = null;
  if (r.posting) {
    channel = r.posting.delivery_schema ? channelOf(r.posting.delivery_schema) : null;
    orderKey = r.unit_number || r.posting.posting_number || null;
    for (const p of r.posting.products) {
      const f = draft(p.sku);
      const c = p.commission;
      const sale = amount(c?.sale_amount, "sale_amount");
      const units = p.quantity ?? 1;
      if (!sale.isZero()) {
        const settles = sale.gt(0) ? "sale" : "return";
        if (f.settles && f.settles !== settles)
          f.warnings.push(`posting accrual holds both a sale and a return of SKU ${p.sku}`);
        f.settles ??= settles;
        f.qty += units;
        f.parts.push({ line: sale.gt(0) ? "sales" : "returns", amount: sale });
      }
      f.parts.push({ line: "commission", amount: amount(c?.commission, "commission") });
      f.parts.push({
        line: "loyalty",
        amount: amount(c?.bonus, "bonus").plus(amount(c?.coinvestment, "coinvestment")),
      });
      const services = p.delivery?.services ?? [];
      if (services.length > 0) {
        for (const s of services) {
          f.parts.push({ line: "logistics", amount: amount(s.accrued, `delivery service ${s.type_id}`) });
          if (!f.typeIds.includes(String(s.type_id))) f.typeIds.push(String(s.type_id));
        }
      } else {
        f.parts.push({ line: "logistics", amount: amount(p.delivery?.total_accrued, "delivery.total_accrued") });
      }
    }
  } else if (r.item_fees) {
    orderKey = r.unit_number || null;
    for (const item of r.item_fees.fees) {
      const f = draft(item.sku);
      for (const x of item.fees) byType(f, x.type_id, amount(x.accrued, `fee ${x.type_id}`));
    }
  } else if (r.non_item_fee && r.non_item_fee.type_id != null) {
    byType(draft(null), r.non_item_fee.type_id, amount(r.non_item_fee.accrued, "non_item_fee.accrued"));
  }

  if (r.total_amount) {
    const total = amount(r.total_amount, "total_amount");
    let explained = new Decimal(0);
    for (const f of drafts.values()) for (const p of f.parts) explained = explained.plus(p.amount);
    const residual = total.minus(explained);
    if (!residual.isZero()) {
      const f = draft(null);
      f.parts.push({ line: "deductions_other", amount: residual });
      f.typeIds.push("residual");
      f.warnings.push(
        `Ozon accrual ${r.accrual_id}: total_amount ${total.toString()} differs from its parts by ${residual.toString()}: kept as deductions_other`,
      );
    }
  }

  const facts: FinanceLineFact[] = [];
  for (const f of drafts.values()) {
    const parts = sumLineParts(f.parts);
    if (parts.length === 0 && f.settles === null && f.warnings.length === 0) continue;
    facts.push({
      key: f.sku === null ? r.accrual_id : `${r.accrual_id}/${f.sku}`,
      d: r.date,
      reportId: null,
      orderKey,
      sku: f.sku,
      article: null,
      warehouse: null,
      channel,
      settles: f.settles,
      qty: f.qty,
      sourceType: f.typeIds.length ? `${r.accrued_category}:${f.typeIds.join(",")}` : r.accrued_category,
      parts,
      warnings: f.warnings,
    });
  }
  // the store-level fact last
  facts.sort((a, b) => Number(a.sku === null) - Number(b.sku === null));
  return { facts, unknownTypeIds };
}

function sumLineParts(parts: FinanceLinePart[]): FinanceLinePart[] {
  const byLine = new Map<PnlLine, Decimal>();
  for (const p of parts) byLine.set(p.line, (byLine.get(p.line) ?? new Decimal(0)).plus(p.amount));
  return [...byLine].filter(([, v]) => !v.isZero()).map(([line, v]) => ({ line, amount: v }));
}

const postingSchema = z.object({
  posting_number: z.string().min(1),
  status: z.string(),
  in_process_at: z.string().refine((v) => !Number.isNaN(Date.parse(v)), "not a date"),
  products: z.array(
    z.object({
      sku: idString,
      offer_id: z.string().nullish(),
      quantity: z.number().int().min(0),
      price: z.union([moneyObject, z.string(), z.number()]),
    }),
  ),
  // v3 FBO names the warehouse `warehouse_name`, v4 FBS `warehouse`
  analytics_data: z
    .object({
      warehouse_id: idString.nullish(),
      warehouse_name: z.string().nullish(),
      warehouse: z.string().nullish(),
      region: z.string().nullish(),
      city: z.string().nullish(),
    })
    .nullish(),
  delivery_method: z.object({ warehouse_id: idString.nullish(), warehouse: z.string().nullish() }).nullish(),
  financial_data: z
    .object({
      cluster_to: z.string().nullish(),
      products: z
        .array(
          z.object({
            product_id: idString,
            commission: z.object({ amount: z.union([z.number(), z.string()]) }).nullish(),
          }),
        )
        .nullish(),
    })
    .nullish(),
});

/** a money value Ozon sends as a number, a string or { amount, currency } */
function moneyValue(v: unknown, field: string): Decimal {
  const value = typeof v === "object" && v !== null && "amount" in v ? (v as { amount: unknown }).amount : v;
  try {
    return parseMoney(value);
  } catch {
    throw new RecordError(`${field}: not a money amount: ${JSON.stringify(value)}`);
  }
}

/**
 * One posting of the FBO/FBS list as OrderLineFacts, one per SKU (key `${posting_number}/${sku}`):
 * delivered -> "sale", cancelled -> "cancellation", any other status -> "order"; amount = price x
 * quantity; feedCommission from financial_data when non-zero (it is often 0 at order time), else null.
 * The warehouse: FBS delivery_method's (else analytics_data.warehouse), FBO analytics_data's, else
 * the channel's virtual warehouse.
 */
export function ozonPostingLines(raw: unknown, channel: "FBO" | "FBS", timeZone: string): OrderLineFact[] {
  const r = parseRecord(postingSchema, raw);
  const whId =
    channel === "FBS"
      ? (r.delivery_method?.warehouse_id ?? r.analytics_data?.warehouse_id)
      : r.analytics_data?.warehouse_id;
  const whName =
    channel === "FBS"
      ? (r.delivery_method?.warehouse ?? r.analytics_data?.warehouse)
      : r.analytics_data?.warehouse_name;
  const warehouse: WarehouseRef = whId
    ? { code: whId, name: whName ?? whId, kind: channel }
    : channelWarehouse(channel);
  const d = businessDayOfInstant(Date.parse(r.in_process_at), timeZone, toBusinessDate);
  const kind = r.status === "delivered" ? "sale" : r.status === "cancelled" ? "cancellation" : "order";
  const commissions = new Map<string, Decimal>();
  for (const p of r.financial_data?.products ?? []) {
    const c = p.commission ? moneyValue(p.commission.amount, "financial_data commission").abs() : new Decimal(0);
    commissions.set(p.product_id, (commissions.get(p.product_id) ?? new Decimal(0)).plus(c));
  }
  const lines = new Map<string, OrderLineFact>();
  for (const x of r.products) {
    const value = moneyValue(x.price, "price").times(x.quantity);
    const existing = lines.get(x.sku);
    if (existing) {
      existing.qty += x.quantity;
      existing.amount = existing.amount.plus(value);
      continue;
    }
    const commission = commissions.get(x.sku) ?? new Decimal(0);
    lines.set(x.sku, {
      key: `${r.posting_number}/${x.sku}`,
      orderKey: r.posting_number,
      d,
      kind,
      sku: x.sku,
      article: x.offer_id ?? null,
      warehouse,
      channel,
      qty: x.quantity,
      amount: value,
      feedCommission: commission.isZero() ? null : commission,
      version: null,
      // every posting line is an order placed at in_process_at; delivered = bought out. A posting
      // cancelled because it was split is not demand: its parts come as postings of their own
      orderedAt:
        r.status === "cancelled_from_split_pending" ? null : new Date(Date.parse(r.in_process_at)).toISOString(),
      outcome: kind === "sale" ? "buyout" : kind === "cancellation" ? "cancel" : null,
      // the buyer's region, else city, else the delivery cluster Ozon names (financial_data.cluster_to)
      buyerRegion:
        r.analytics_data?.region?.trim() ||
        r.analytics_data?.city?.trim() ||
        r.financial_data?.cluster_to?.trim() ||
        null,
      buyerDistrict: null,
    });
  }
  return [...lines.values()];
}
