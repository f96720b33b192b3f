// WB detailed finance report (sales-reports/detailed): how each `sellerOperName` is read. One explicit
// table, keyed by the normalised name, covering every value the reference (marketplace-apis.md
// §1.8.1) lists; a name not in it is kept (its goods money as deductions_other) and reported.
//
// A line carries two kinds of money:
// - goods money (retailPriceWithDisc, forPay, acquiringFee): read according to the operation (below);
// - fee fields (deliveryService, rebillLogisticCost, paidStorage, paidAcceptance, penalty, deduction,
//   additionalPayment, cashback*, installmentCofinancingAmount): read the same way on EVERY line,
//   whatever its operation (wbFeeParts).
// Whatever the reading, the parts of a line sum to its payout: ±forPay less the fee fields, which is
// what WB's own report arithmetic (bankPaymentSum) adds up.
import Decimal from "decimal.js";
import type { FinanceLinePart } from "../lines";
import type { PnlLine } from "@/lib/domain/pnl-lines";

/** How a line's goods money (retailPriceWithDisc / forPay / acquiringFee) is read. */
export type WbGoodsReading =
  /** a sale: sales = +rpwd, the forPay gap split into commission and acquiring; settles "sale", +qty */
  | "sale"
  /** a return, the mirror of a sale (amounts come positive, subtracted); settles "return", +qty */
  | "return"
  /** reverses an earlier sale: the sale's parts negated, on the sales line; settles "sale", -qty */
  | "sale_storno"
  /** reverses an earlier return: the return's parts negated, on the returns line; settles "return", -qty */
  | "return_storno"
  /** corrects a sale's amounts, read like a sale with the signs as sent; settles "sale", qty 0 */
  | "sale_correction"
  /** a compensation WB pays: forPay -> compensations; settles nothing, qty 0 */
  | "compensation"
  /** a loyalty programme line: forPay -> loyalty; settles nothing */
  | "loyalty"
  /** an acquiring correction: forPay -> acquiring; settles nothing */
  | "acquiring_correction"
  /** a service line whose money is only in the fee fields (logistics, storage, fines, deductions) */
  | "fee";

export interface WbOperation {
  /** the name as the reference spells it */
  name: string;
  goods: WbGoodsReading;
}

/** trim, lower-case, ё -> е, inner whitespace collapsed */
export function normaliseWbOperation(name: string): string {
  return name.trim().toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ");
}

const OPERATIONS: [string, WbGoodsReading][] = [
  ["Продажа", "sale"],
  ["Возврат", "return"],
  ["Логистика", "fee"],
  ["Логистика сторно", "fee"],
  ["Коррекция логистики", "fee"],
  ["Хранение", "fee"],
  ["Пересчет хранения", "fee"],
  ["Платная приемка", "fee"],
  ["Обработка товара", "fee"],
  ["Пересчет платной приемки", "fee"],
  ["Сторно платной приёмки", "fee"],
  ["Штраф", "fee"],
  ["Удержание", "fee"],
  ["Удержания", "fee"],
  ["Коррекция продаж", "sale_correction"],
  // a sale or return registered by a correction: real units, read like the original kind
  ["Корректная продажа", "sale"],
  ["Корректный возврат", "return"],
  ["Сторно продаж", "sale_storno"],
  ["Сторно возвратов", "return_storno"],
  ["Компенсация ущерба", "compensation"],
  ["Компенсация потерянного товара", "compensation"],
  ["Компенсация брака", "compensation"],
  ["Частичная компенсация брака", "compensation"],
  ["Компенсация подмененного товара", "compensation"],
  ["Оплата брака", "compensation"],
  ["Оплата потерянного товара", "compensation"],
  ["Добровольная компенсация при возврате", "compensation"],
  // WB pays in advance for goods that did not move: money to the seller, not a sale
  ["Авансовая оплата за товар без движения", "compensation"],
  // the seller reimburses WB's transport/warehouse costs: the charge is in rebillLogisticCost
  ["Возмещение издержек по перевозке/по складским операциям с товаром", "fee"],
  // pickup-point service charged to the seller: the charge is in the fee fields
  ["Возмещение за выдачу и возврат товаров на ПВЗ", "fee"],
  ["Корректировка эквайринга", "acquiring_correction"],
  ["Коррекция эквайринга", "acquiring_correction"],
  ["Компенсация скидки по программе лояльности", "loyalty"],
  ["Стоимость участия в программе лояльности", "loyalty"],
  // paid delivery and pick-up booking are services: their charge is in deliveryService
  ["Услуга платной доставки", "fee"],
  ["Бронирование товара через самовывоз", "fee"],
];

/** sellerOperName (normalised) -> how its goods money is read */
export const WB_OPERATIONS: Record<string, WbOperation> = Object.fromEntries(
  OPERATIONS.map(([name, goods]) => [normaliseWbOperation(name), { name, goods }]),
);

export function wbOperation(sellerOperName: string): WbOperation | undefined {
  return WB_OPERATIONS[normaliseWbOperation(sellerOperName)];
}

/** The money of one finance line, parsed (fields absent count as 0). */
export interface WbLineMoney {
  /** "Продажа", "Возврат" or "" */
  docTypeName: string;
  quantity: number | null;
  retailPriceWithDisc: Decimal;
  forPay: Decimal;
  acquiringFee: Decimal;
  deliveryService: Decimal;
  rebillLogisticCost: Decimal;
  paidStorage: Decimal;
  paidAcceptance: Decimal;
  penalty: Decimal;
  deduction: Decimal;
  additionalPayment: Decimal;
  cashbackAmount: Decimal;
  cashbackDiscount: Decimal;
  cashbackCommissionChange: Decimal;
  installmentCofinancingAmount: Decimal;
}

export interface WbGoodsReadingResult {
  settles: "sale" | "return" | null;
  qty: number;
  parts: FinanceLinePart[];
  warnings: string[];
}

/**
 * Deductions by purpose (bonusTypeName): WB's own advertising (ВБ.Продвижение / WB Продвижение,
 * ВБ.Медиа, bloggers, Бренд-зона) -> advertising; loan repayments are financing, kept in
 * deductions_other (so payout still reconciles) but named; everything else deductions_other.
 */
export function wbDeductionPurpose(bonusTypeName: string): "advertising" | "financing" | "other" {
  const b = normaliseWbOperation(bonusTypeName);
  if (/погашение задолженности|погашение по займу|перевод на баланс заемщика/.test(b)) return "financing";
  if (/продвижени|(вб|wb)\s*\.?\s*медиа|блогер|бренд-зон/.test(b)) return "advertising";
  return "other";
}

/**
 * The direction of goods money on lines whose operation does not fix it (corrections, compensations,
 * loyalty, acquiring corrections, unknown operations): WB's report adds forPay of "Продажа" documents
 * and subtracts that of "Возврат" documents, so a "Возврат" document's amounts are negated.
 */
function docSign(docTypeName: string): Decimal {
  return new Decimal(normaliseWbOperation(docTypeName) === "возврат" ? -1 : 1);
}

/** sale-shaped parts of goods money, multiplied by sign: sales/returns, commission, acquiring */
function goodsParts(goodsLine: "sales" | "returns", sign: Decimal, m: WbLineMoney): FinanceLinePart[] {
  // forPay = rpwd - commission - acquiring: the gap holds both, acquiring is taken out once
  const commission = m.retailPriceWithDisc.minus(m.forPay).minus(m.acquiringFee);
  return [
    { line: goodsLine, amount: m.retailPriceWithDisc.times(sign) },
    { line: "commission", amount: commission.neg().times(sign) },
    { line: "acquiring", amount: m.acquiringFee.neg().times(sign) },
  ];
}

/**
 * How an operation reads the goods money of a line. An unknown operation (undefined) keeps its forPay
 * as deductions_other with a warning: never dropped, never thrown.
 */
export function wbGoodsParts(
  op: WbOperation | undefined,
  sellerOperName: string,
  m: WbLineMoney,
): WbGoodsReadingResult {
  const units = Math.abs(m.quantity ?? 1);
  const plus = new Decimal(1);
  const minus = new Decimal(-1);
  const payout = (line: PnlLine): FinanceLinePart[] => [{ line, amount: m.forPay.times(docSign(m.docTypeName)) }];
  if (!op) {
    return {
      settles: null,
      qty: 0,
      parts: payout("deductions_other"),
      warnings: [`unknown WB operation "${sellerOperName}"`],
    };
  }
  switch (op.goods) {
    case "sale":
      return { settles: "sale", qty: units, parts: goodsParts("sales", plus, m), warnings: [] };
    case "return":
      return { settles: "return", qty: units, parts: goodsParts("returns", minus, m), warnings: [] };
    case "sale_storno":
      return { settles: "sale", qty: -units, parts: goodsParts("sales", minus, m), warnings: [] };
    case "return_storno":
      return { settles: "return", qty: -units, parts: goodsParts("returns", plus, m), warnings: [] };
    case "sale_correction":
      // amounts only: the units were counted by the sale line it corrects
      return { settles: "sale", qty: 0, parts: goodsParts("sales", docSign(m.docTypeName), m), warnings: [] };
    case "compensation":
      return { settles: null, qty: 0, parts: payout("compensations"), warnings: [] };
    case "loyalty":
      return { settles: null, qty: 0, parts: payout("loyalty"), warnings: [] };
    case "acquiring_correction":
      return { settles: null, qty: 0, parts: payout("acquiring"), warnings: [] };
    case "fee": {
      // a service line should carry no goods money; if it does, keep it (payout must reconcile)
      const warnings = m.forPay.isZero()
        ? []
        : [`WB operation "${sellerOperName}" carries forPay ${m.forPay.toString()}: kept as deductions_other`];
      return { settles: null, qty: 0, parts: m.forPay.isZero() ? [] : payout("deductions_other"), warnings };
    }
  }
}

/**
 * Loyalty, cashback and instalment programme amounts, signed from the seller's view. The reference
 * (§1.8.1) names the fields ("loyalty programme amounts", "instalment co-financing discount") but not
 * their signs. Our reading, kept here and nowhere else: cashbackAmount is what the seller funds
 * (a charge), cashbackDiscount is what WB pays back for the discount (income), cashbackCommissionChange
 * is the commission change in the seller's favour (income), installmentCofinancingAmount is the
 * seller's co-financing of instalments (a charge). Negative values flip accordingly (no abs()).
 */
export function wbLoyaltyAmount(m: WbLineMoney): Decimal {
  return m.cashbackAmount
    .neg()
    .plus(m.cashbackDiscount)
    .plus(m.cashbackCommissionChange)
    .minus(m.installmentCofinancingAmount);
}

/**
 * Fee fields, read on every line whatever its operation. WB sends them as positive charges; a storno
 * or correction may send a negative value, which becomes income (negated, never abs()).
 * additionalPayment is a commission correction (reference §1.8.1), signed as sent.
 */
export function wbFeeParts(m: WbLineMoney, bonusTypeName: string): FinanceLinePart[] {
  const purpose = wbDeductionPurpose(bonusTypeName);
  return [
    { line: "logistics", amount: m.deliveryService.plus(m.rebillLogisticCost).neg() },
    { line: "storage", amount: m.paidStorage.neg() },
    { line: "acceptance", amount: m.paidAcceptance.neg() },
    { line: "penalties", amount: m.penalty.neg() },
    { line: purpose === "advertising" ? "advertising" : "deductions_other", amount: m.deduction.neg() },
    { line: "commission", amount: m.additionalPayment },
    { line: "loyalty", amount: wbLoyaltyAmount(m) },
  ];
}

/** Parts of one line summed per P&L line, zero parts left out, in the order first seen. */
export function sumParts(parts: FinanceLinePart[]): FinanceLinePart[] {
  const byLine = new Map<PnlLine, Decimal>();
  for (const p of parts) byLine.set(p.line, (byLine.get(p.line) ?? new Decimal(0)).plus(p.amount));
  return [...byLine].filter(([, amount]) => !amount.isZero()).map(([line, amount]) => ({ line, amount }));
}
