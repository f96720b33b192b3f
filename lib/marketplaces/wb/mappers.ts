// WB records -> normalised facts. Pure functions: each validates one record (zod) and either returns
// the normalised value or throws a RecordError naming what is wrong, so the caller can quarantine it.
import { z } from "zod";
import { parseMoney } from "@/lib/domain/money";
import { toBusinessDate, zonedWallTimeToInstant } from "@/lib/domain/dates";
import type Decimal from "decimal.js";
import { RecordError, businessDayOfInstant, idString, money, wallTimeToMs, parseRecord } from "../records";
import type { FinanceLineFact, OrderLineFact, WarehouseRef } from "../lines";
import { type WbLineMoney, sumParts, wbDeductionPurpose, wbFeeParts, wbGoodsParts, wbOperation } from "./operations";

/** WB's FBO warehouses are masked: all of them are one virtual warehouse */
export const WB_FBO_WAREHOUSE = { code: "-999999", name: "Склад WB", kind: "FBO" as const };
function sellerWarehouse(name: string): WarehouseRef {
  return { code: `name:${name}`, name, kind: "FBS" };
}

/** WB statistics timestamps carry no offset and are Moscow time */
export function wbWallTimeToDay(wall: string, timeZone: string): string {
  const ms = /(Z|[+-]\d{2}:?\d{2})$/.test(wall)
    ? Date.parse(wall)
    : wallTimeToMs(wall, "Europe/Moscow", zonedWallTimeToInstant);
  if (Number.isNaN(ms)) throw new RecordError(`not a time: ${wall}`);
  return businessDayOfInstant(ms, timeZone, toBusinessDate);
}

/** A WB statistics time as sent: Moscow wall time, an offset optional. */
const wall = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);

/** The fields every row of WB's statistics feeds (sales, orders) carries: times, card, warehouse, price. */
export const wbStatisticsRowSchema = z.object({
  date: wall,
  lastChangeDate: wall,
  nmId: idString,
  supplierArticle: z.string().nullish(),
  warehouseName: z.string().nullish(),
  warehouseType: z.string().nullish(),
  priceWithDisc: money,
});

const saleSchema = wbStatisticsRowSchema.extend({
  saleID: z.string().min(2),
  srid: z.string().optional(),
  brand: z.string().nullish(),
  subject: z.string().nullish(),
  forPay: money,
  finishedPrice: money,
});

const stockSchema = z.object({
  nmId: idString,
  chrtId: idString.nullish(),
  warehouseId: z.union([z.number(), z.string()]).nullish(),
  warehouseName: z.string().nullish(),
  quantity: z.number().int().min(0),
  inWayToClient: z.number().int().min(0).nullish(),
  inWayFromClient: z.number().int().min(0).nullish(),
});

export interface WbStock {
  key: string;
  nmId: string;
  warehouse: WarehouseRef;
  onHand: number;
  /** inbound to WB: the stocks report does not say (0) */
  inTransit: number;
  toClient: number;
  fromClient: number;
}

export function mapWbStock(raw: unknown): WbStock {
  const r = parseRecord(stockSchema, raw);
  const masked = r.warehouseId === undefined || r.warehouseId === null || String(r.warehouseId) === "-999999";
  const warehouse = masked
    ? WB_FBO_WAREHOUSE
    : { code: String(r.warehouseId), name: r.warehouseName ?? String(r.warehouseId), kind: "FBO" as const };
  return {
    key: `${r.nmId}|${r.chrtId ?? ""}|${warehouse.code}`,
    nmId: r.nmId,
    warehouse,
    onHand: r.quantity,
    inTransit: 0,
    toClient: r.inWayToClient ?? 0,
    fromClient: r.inWayFromClient ?? 0,
  };
}

const feedbackSchema = z.object({
  id: z.string().min(1),
  text: z.string().nullish(),
  pros: z.string().nullish(),
  cons: z.string().nullish(),
  productValuation: z.number().int().min(1).max(5),
  createdDate: z.string().refine((v) => !Number.isNaN(Date.parse(v)), "not a date"),
  answer: z.object({ text: z.string().nullish(), state: z.string().nullish() }).nullish(),
  productDetails: z.object({
    nmId: idString,
    productName: z.string().nullish(),
    supplierArticle: z.string().nullish(),
  }),
  photoLinks: z.array(z.unknown()).nullish(),
  video: z.unknown().nullish(),
  orderStatus: z.string().nullish(),
  parentFeedbackId: z.string().nullish(),
  userName: z.string().nullish(),
});

export interface NormalizedReview {
  key: string;
  skuExternalId: string;
  parentReviewId: string | null;
  createdAt: Date;
  rating: number;
  hasMedia: boolean;
  text: string;
  productName: string | null;
  /** the buyer's name as shown with the review (WB userName; Ozon sends none) */
  buyerName: string | null;
  orderStatus: string | null;
  replyStatus: "unanswered" | "pending" | "answered" | "rejected";
}

export function mapWbFeedback(raw: unknown): NormalizedReview {
  const r = parseRecord(feedbackSchema, raw);
  const state = r.answer?.state;
  const replyStatus = !r.answer
    ? "unanswered"
    : state === "wbRu"
      ? "answered"
      : state === "rejected"
        ? "rejected"
        : "pending";
  return {
    key: r.id,
    skuExternalId: r.productDetails.nmId,
    parentReviewId: r.parentFeedbackId ?? null,
    createdAt: new Date(r.createdDate),
    rating: r.productValuation,
    hasMedia: (r.photoLinks?.length ?? 0) > 0 || (r.video !== null && r.video !== undefined),
    text: [r.text, r.pros, r.cons].filter((p): p is string => Boolean(p && p.trim())).join("\n"),
    productName: r.productDetails.productName ?? null,
    buyerName: r.userName?.trim() || null,
    orderStatus: r.orderStatus ?? null,
    replyStatus,
  };
}

const cardSchema = z.object({
  nmID: idString,
  vendorCode: z.string().nullish(),
  brand: z.string().nullish(),
  subjectName: z.string().nullish(),
  title: z.string().nullish(),
});

export interface NormalizedSku {
  externalId: string;
  productId?: string | null;
  article: string | null;
  name: string | null;
  brand: string | null;
  category: string | null;
}

export function mapWbCard(raw: unknown): NormalizedSku {
  const r = parseRecord(cardSchema, raw);
  return {
    externalId: r.nmID,
    article: r.vendorCode ?? null,
    name: r.title ?? null,
    brand: r.brand ?? null,
    category: r.subjectName ?? null,
  };
}

// ---------------------------------------------------------------------------------------------------
// Line-level facts (issue 18): one raw record -> one OrderLineFact / FinanceLineFact.

const financeLineSchema = z.object({
  rrdId: idString,
  nmId: idString.nullish(),
  vendorCode: z.string().nullish(),
  docTypeName: z.string().nullish(),
  sellerOperName: z.string().nullish(),
  bonusTypeName: z.string().nullish(),
  officeName: z.string().nullish(),
  deliveryMethod: z.string().nullish(),
  currency: z.string().nullish(),
  retailPriceWithDisc: money,
  forPay: money,
  acquiringFee: money,
  deliveryService: money,
  rebillLogisticCost: money,
  paidStorage: money,
  paidAcceptance: money,
  penalty: money,
  deduction: money,
  additionalPayment: money,
  reportId: idString.nullish(),
  srid: z.string().nullish(),
  saleDt: z.string().nullish(),
  orderDt: z.string().nullish(),
  rrDate: z.string().regex(/^\d{4}-\d{2}-\d{2}/),
  quantity: z.number().int().nullish(),
  cashbackAmount: money,
  cashbackDiscount: money,
  cashbackCommissionChange: money,
  installmentCofinancingAmount: money,
  deliveryAmount: z.number().int().nullish(),
  returnAmount: z.number().int().nullish(),
});

function moneyField(v: unknown, field: string): Decimal {
  try {
    return parseMoney(v);
  } catch {
    throw new RecordError(`${field}: not a money amount: ${JSON.stringify(v)}`);
  }
}

/**
 * One line of the detailed finance report as a FinanceLineFact: goods money read by its
 * sellerOperName (WB_OPERATIONS), fee fields read on every line; its parts sum to the line's payout.
 * `timeZone` is not needed today (rrDate is already WB's business day) and kept for symmetry.
 */
export function wbFinanceLineFact(raw: unknown, timeZone: string): FinanceLineFact {
  void timeZone;
  const r = parseRecord(financeLineSchema, raw);
  const m: WbLineMoney = {
    docTypeName: r.docTypeName ?? "",
    quantity: r.quantity ?? null,
    retailPriceWithDisc: moneyField(r.retailPriceWithDisc, "retailPriceWithDisc"),
    forPay: moneyField(r.forPay, "forPay"),
    acquiringFee: moneyField(r.acquiringFee, "acquiringFee"),
    deliveryService: moneyField(r.deliveryService, "deliveryService"),
    rebillLogisticCost: moneyField(r.rebillLogisticCost, "rebillLogisticCost"),
    paidStorage: moneyField(r.paidStorage, "paidStorage"),
    paidAcceptance: moneyField(r.paidAcceptance, "paidAcceptance"),
    penalty: moneyField(r.penalty, "penalty"),
    deduction: moneyField(r.deduction, "deduction"),
    additionalPayment: moneyField(r.additionalPayment, "additionalPayment"),
    cashbackAmount: moneyField(r.cashbackAmount, "cashbackAmount"),
    cashbackDiscount: moneyField(r.cashbackDiscount, "cashbackDiscount"),
    cashbackCommissionChange: moneyField(r.cashbackCommissionChange, "cashbackCommissionChange"),
    installmentCofinancingAmount: moneyField(r.installmentCofinancingAmount, "installmentCofinancingAmount"),
  };
  const operation = (r.sellerOperName ?? "").trim();
  const bonus = (r.bonusTypeName ?? "").trim();
  const goods = wbGoodsParts(wbOperation(operation), operation, m);
  const financing = !m.deduction.isZero() && wbDeductionPurpose(bonus) === "financing";
  const sku = r.nmId && r.nmId !== "0" ? r.nmId : null;
  const method = (r.deliveryMethod ?? "").trim();
  const fbs = /^(FBS|DBS)/i.test(method);
  const located = method !== "" || sku !== null;
  return {
    key: r.rrdId,
    d: r.rrDate.slice(0, 10),
    reportId: r.reportId ?? null,
    orderKey: r.srid ? r.srid : null,
    sku,
    article: r.vendorCode || null,
    warehouse: !located ? null : fbs && r.officeName ? sellerWarehouse(r.officeName) : WB_FBO_WAREHOUSE,
    channel: !located ? null : fbs ? "FBS" : "FBO",
    settles: goods.settles,
    qty: goods.qty,
    sourceType: `${operation}${bonus ? `: ${bonus}` : ""}${financing ? " (financing)" : ""}`,
    parts: sumParts([...goods.parts, ...wbFeeParts(m, bonus)]),
    warnings: goods.warnings,
  };
}

/**
 * One row of the sales feed (/supplier/sales) as an OrderLineFact. Direction from the saleID prefix
 * (S sale, R return); any other prefix, or a row without srid, is refused (the caller quarantines it).
 * Money is taken as absolute values; feedCommission is null while the feed has not filled forPay in.
 */
export function wbSaleLineFact(raw: unknown, timeZone: string): OrderLineFact {
  const r = parseRecord(saleSchema, raw);
  const prefix = r.saleID[0];
  if (prefix !== "S" && prefix !== "R") throw new RecordError(`saleID: unknown prefix: ${r.saleID}`);
  if (!r.srid || r.srid.trim() === "") throw new RecordError("srid: missing");
  const fbs = r.warehouseType === "Склад продавца";
  // the feed's sign is not promised (R rows are seen negative): direction from the prefix, amounts absolute
  const priceWithDisc = moneyField(r.priceWithDisc, "priceWithDisc").abs();
  const forPay = moneyField(r.forPay, "forPay").abs();
  return {
    key: r.saleID,
    orderKey: r.srid,
    d: wbWallTimeToDay(r.date, timeZone),
    kind: prefix === "S" ? "sale" : "return",
    sku: r.nmId,
    article: r.supplierArticle ?? null,
    warehouse: fbs && r.warehouseName ? sellerWarehouse(r.warehouseName) : WB_FBO_WAREHOUSE,
    channel: fbs ? "FBS" : "FBO",
    qty: 1,
    amount: priceWithDisc,
    feedCommission: forPay.isZero() ? null : priceWithDisc.minus(forPay),
    version: r.lastChangeDate.slice(0, 26),
  };
}

const reportSum = money;
const reportHeaderSchema = z.object({
  reportId: idString,
  dateFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}/),
  dateTo: z.string().regex(/^\d{4}-\d{2}-\d{2}/),
  createDate: z.string().nullish(),
  currency: z.string().nullish(),
  reportType: z.number().int().nullish(),
  retailAmountSum: reportSum,
  forPaySum: reportSum,
  deliveryServiceSum: reportSum,
  paidStorageSum: reportSum,
  paidAcceptanceSum: reportSum,
  deductionSum: reportSum,
  penaltySum: reportSum,
  additionalPaymentSum: reportSum,
  cashbackAmountSum: reportSum,
  cashbackDiscountSum: reportSum,
  cashbackCommissionChangeSum: reportSum,
  bankPaymentSum: z.union([z.number(), z.string().trim().min(1)]),
});

export interface WbReportHeader {
  reportId: string;
  dateFrom: string;
  dateTo: string;
  createDate: string | null;
  currency: string | null;
  reportType: number | null;
  retailAmountSum: Decimal;
  forPaySum: Decimal;
  deliveryServiceSum: Decimal;
  paidStorageSum: Decimal;
  paidAcceptanceSum: Decimal;
  deductionSum: Decimal;
  penaltySum: Decimal;
  additionalPaymentSum: Decimal;
  cashbackAmountSum: Decimal;
  cashbackDiscountSum: Decimal;
  cashbackCommissionChangeSum: Decimal;
  /** "total to be paid" for the report: the payout the lines must reconcile to */
  bankPaymentSum: Decimal;
}

/** One header of POST /api/finance/v1/sales-reports/list; sums accepted as numbers or strings. */
export function wbReportHeader(raw: unknown): WbReportHeader {
  const r = parseRecord(reportHeaderSchema, raw);
  return {
    reportId: r.reportId,
    dateFrom: r.dateFrom.slice(0, 10),
    dateTo: r.dateTo.slice(0, 10),
    createDate: r.createDate || null,
    currency: r.currency || null,
    reportType: r.reportType ?? null,
    retailAmountSum: moneyField(r.retailAmountSum, "retailAmountSum"),
    forPaySum: moneyField(r.forPaySum, "forPaySum"),
    deliveryServiceSum: moneyField(r.deliveryServiceSum, "deliveryServiceSum"),
    paidStorageSum: moneyField(r.paidStorageSum, "paidStorageSum"),
    paidAcceptanceSum: moneyField(r.paidAcceptanceSum, "paidAcceptanceSum"),
    deductionSum: moneyField(r.deductionSum, "deductionSum"),
    penaltySum: moneyField(r.penaltySum, "penaltySum"),
    additionalPaymentSum: moneyField(r.additionalPaymentSum, "additionalPaymentSum"),
    cashbackAmountSum: moneyField(r.cashbackAmountSum, "cashbackAmountSum"),
    cashbackDiscountSum: moneyField(r.cashbackDiscountSum, "cashbackDiscountSum"),
    cashbackCommissionChangeSum: moneyField(r.cashbackCommissionChangeSum, "cashbackCommissionChangeSum"),
    bankPaymentSum: moneyField(r.bankPaymentSum, "bankPaymentSum"),
  };
}
