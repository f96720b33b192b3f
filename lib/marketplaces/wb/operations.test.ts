// Every sellerOperName of the reference (marketplace-apis.md §1.8.1) read by one hand-made line: its
// parts worked out by hand, and the payout invariant (parts sum to ±forPay less the fee fields).
import { describe, expect, it } from "vitest";
import Decimal from "decimal.js";
import { WB_OPERATIONS, normaliseWbOperation } from "./operations";
import { wbFinanceLineFact } from "./mappers";
import type { FinanceLineFact } from "../lines";

/** the list as the reference spells it (both spellings where it gives two) */
const REFERENCE_NAMES = [
  "Продажа",
  "Возврат",
  "Логистика",
  "Логистика сторно",
  "Коррекция логистики",
  "Хранение",
  "Пересчет хранения",
  "Платная приемка",
  "Обработка товара",
  "Пересчет платной приемки",
  "Сторно платной приёмки",
  "Штраф",
  "Удержание",
  "Удержания",
  "Коррекция продаж",
  "Корректная продажа",
  "Корректный возврат",
  "Сторно продаж",
  "Сторно возвратов",
  "Компенсация ущерба",
  "Компенсация потерянного товара",
  "Компенсация брака",
  "Частичная компенсация брака",
  "Компенсация подмененного товара",
  "Оплата брака",
  "Оплата потерянного товара",
  "Добровольная компенсация при возврате",
  "Авансовая оплата за товар без движения",
  "Возмещение издержек по перевозке/по складским операциям с товаром",
  "Возмещение за выдачу и возврат товаров на ПВЗ",
  "Корректировка эквайринга",
  "Коррекция эквайринга",
  "Компенсация скидки по программе лояльности",
  "Стоимость участия в программе лояльности",
  "Услуга платной доставки",
  "Бронирование товара через самовывоз",
];

const FEE_FIELDS = [
  "deliveryService",
  "rebillLogisticCost",
  "paidStorage",
  "paidAcceptance",
  "penalty",
  "deduction",
  "additionalPayment",
  "cashbackAmount",
  "cashbackDiscount",
  "cashbackCommissionChange",
  "installmentCofinancingAmount",
] as const;

function line(sellerOperName: string, fields: Record<string, unknown>): Record<string, unknown> {
  return {
    reportId: 401937265,
    rrdId: 1000,
    rrDate: "2026-11-24",
    nmId: 213456789,
    vendorCode: "TSH-BLK-M",
    deliveryMethod: "FBW, (МГТ)",
    officeName: "Склад WB",
    srid: "52.abc.0.0",
    sellerOperName,
    docTypeName: "",
    quantity: 0,
    ...fields,
  };
}

const n = (v: unknown) => new Decimal(v === undefined || v === null || v === "" ? 0 : String(v));

/**
 * The payout of a line computed straight from its fields, independently of the mapper: goodsSign x
 * forPay less the fee fields (the loyalty fields by the rule stated in operations.ts).
 */
function payoutOf(raw: Record<string, unknown>, goodsSign: number): Decimal {
  return n(raw.forPay)
    .times(goodsSign)
    .minus(n(raw.deliveryService))
    .minus(n(raw.rebillLogisticCost))
    .minus(n(raw.paidStorage))
    .minus(n(raw.paidAcceptance))
    .minus(n(raw.penalty))
    .minus(n(raw.deduction))
    .plus(n(raw.additionalPayment))
    .minus(n(raw.cashbackAmount))
    .plus(n(raw.cashbackDiscount))
    .plus(n(raw.cashbackCommissionChange))
    .minus(n(raw.installmentCofinancingAmount));
}

const partsOf = (f: FinanceLineFact) => Object.fromEntries(f.parts.map((p) => [p.line, p.amount.toFixed(2)]));
const sumOf = (f: FinanceLineFact) => f.parts.reduce((s, p) => s.plus(p.amount), new Decimal(0));

// rpwd 1000, forPay 800, acquiring 20: the gap 200 = commission 180 + acquiring 20
const GOODS = { retailPriceWithDisc: "1000", forPay: "800", acquiringFee: "20", quantity: 1 };

interface Case {
  name: string;
  fields: Record<string, unknown>;
  parts: Record<string, string>;
  settles: "sale" | "return" | null;
  qty: number;
  /** how forPay enters the payout */
  goodsSign: number;
}

/**
 * One unit of GOODS moved: a sale (+1: the rpwd-forPay gap split into commission and acquiring) or a
 * return (-1: the sale's parts negated on the returns line, forPay subtracted).
 */
const goods = (name: string, sign: 1 | -1): Case => ({
  name,
  fields: { ...GOODS, docTypeName: sign > 0 ? "Продажа" : "Возврат" },
  parts:
    sign > 0
      ? { sales: "1000.00", commission: "-180.00", acquiring: "-20.00" }
      : { returns: "-1000.00", commission: "180.00", acquiring: "20.00" },
  settles: sign > 0 ? "sale" : "return",
  qty: 1,
  goodsSign: sign,
});
const sale = (name: string) => goods(name, 1);
const goodsReturn = (name: string) => goods(name, -1);
/** a line that moves no goods: it settles no order line and counts no units */
const fee = (name: string, fields: Case["fields"], parts: Case["parts"], goodsSign = 1): Case => ({
  name,
  fields,
  parts,
  settles: null,
  qty: 0,
  goodsSign,
});

const CASES: Case[] = [
  sale("Продажа"),
  goodsReturn("Возврат"),
  fee(
    "Логистика",
    { deliveryService: "79.20", bonusTypeName: "К клиенту при продаже", deliveryAmount: 1 },
    { logistics: "-79.20" },
  ),
  fee("Логистика сторно", { deliveryService: "-79.20" }, { logistics: "79.20" }),
  fee(
    "Коррекция логистики",
    { deliveryService: "15.5", bonusTypeName: "К клиенту при продаже" },
    { logistics: "-15.50" },
  ),
  fee("Хранение", { nmId: 0, srid: "", paidStorage: "287.14" }, { storage: "-287.14" }),
  fee("Пересчет хранения", { nmId: 0, paidStorage: "-12.40" }, { storage: "12.40" }),
  fee("Платная приемка", { nmId: 0, paidAcceptance: "7500" }, { acceptance: "-7500.00" }),
  fee("Обработка товара", { paidAcceptance: "35" }, { acceptance: "-35.00" }),
  fee("Пересчет платной приемки", { paidAcceptance: "-120" }, { acceptance: "120.00" }),
  fee("Сторно платной приёмки", { paidAcceptance: "-300" }, { acceptance: "300.00" }),
  fee(
    "Штраф",
    { penalty: "500", bonusTypeName: "Штраф МП. Невыполненный заказ (отмена клиентом после недовоза)" },
    { penalties: "-500.00" },
  ),
  fee(
    "Удержание",
    { nmId: 0, deduction: "2100", bonusTypeName: "Оказание услуг «ВБ.Продвижение», документ №88990011" },
    { advertising: "-2100.00" },
  ),
  fee("Удержания", { nmId: 0, deduction: "90", bonusTypeName: "Прочие удержания" }, { deductions_other: "-90.00" }),
  {
    // a correction lowering a sale: amounts as sent, read like a sale; units were counted already
    name: "Коррекция продаж",
    fields: { docTypeName: "Продажа", retailPriceWithDisc: "-100", forPay: "-85", acquiringFee: "-2", quantity: 1 },
    parts: { sales: "-100.00", commission: "13.00", acquiring: "2.00" },
    settles: "sale",
    qty: 0,
    goodsSign: 1,
  },
  sale("Корректная продажа"),
  goodsReturn("Корректный возврат"),
  {
    // reverses a sale: the sale's parts negated, still on the sales line, one unit taken back
    name: "Сторно продаж",
    fields: { ...GOODS, docTypeName: "Возврат" },
    parts: { sales: "-1000.00", commission: "180.00", acquiring: "20.00" },
    settles: "sale",
    qty: -1,
    goodsSign: -1,
  },
  {
    // reverses a return: the return's parts negated, still on the returns line
    name: "Сторно возвратов",
    fields: { ...GOODS, docTypeName: "Продажа" },
    parts: { returns: "1000.00", commission: "-180.00", acquiring: "-20.00" },
    settles: "return",
    qty: -1,
    goodsSign: 1,
  },
  fee("Компенсация ущерба", { forPay: "450", retailPriceWithDisc: "450", quantity: 1 }, { compensations: "450.00" }),
  fee("Компенсация потерянного товара", { forPay: "1200.5" }, { compensations: "1200.50" }),
  fee("Компенсация брака", { forPay: "300" }, { compensations: "300.00" }),
  fee("Частичная компенсация брака", { forPay: "99.99" }, { compensations: "99.99" }),
  fee("Компенсация подмененного товара", { forPay: "640" }, { compensations: "640.00" }),
  fee("Оплата брака", { forPay: "210" }, { compensations: "210.00" }),
  fee("Оплата потерянного товара", { forPay: "875" }, { compensations: "875.00" }),
  // with a return logistics charge on the same line: both kept
  fee(
    "Добровольная компенсация при возврате",
    { forPay: "150", deliveryService: "50" },
    { compensations: "150.00", logistics: "-50.00" },
  ),
  fee("Авансовая оплата за товар без движения", { forPay: "5000" }, { compensations: "5000.00" }),
  fee(
    "Возмещение издержек по перевозке/по складским операциям с товаром",
    { rebillLogisticCost: "64.3" },
    { logistics: "-64.30" },
  ),
  fee("Возмещение за выдачу и возврат товаров на ПВЗ", { deliveryService: "20" }, { logistics: "-20.00" }),
  fee("Корректировка эквайринга", { forPay: "-12.5" }, { acquiring: "-12.50" }),
  // a "Возврат" document's forPay is subtracted by WB's arithmetic
  fee("Коррекция эквайринга", { forPay: "3.1", docTypeName: "Возврат" }, { acquiring: "-3.10" }, -1),
  fee("Компенсация скидки по программе лояльности", { forPay: "120", cashbackDiscount: "40" }, { loyalty: "160.00" }),
  fee("Стоимость участия в программе лояльности", { cashbackAmount: "75" }, { loyalty: "-75.00" }),
  fee("Услуга платной доставки", { deliveryService: "199" }, { logistics: "-199.00" }),
  fee("Бронирование товара через самовывоз", { deliveryService: "30" }, { logistics: "-30.00" }),
];

describe("WB_OPERATIONS", () => {
  it("covers every sellerOperName of the reference, and nothing the tests do not read", () => {
    const keys = Object.keys(WB_OPERATIONS).sort();
    expect(keys).toEqual([...new Set(REFERENCE_NAMES.map(normaliseWbOperation))].sort());
    expect(CASES.map((c) => c.name).sort()).toEqual([...REFERENCE_NAMES].sort());
  });

  it("normalises names: trim, case, ё", () => {
    expect(normaliseWbOperation("  Сторно платной ПРИЁМКИ ")).toBe("сторно платной приемки");
    const f = wbFinanceLineFact(line("  СТОРНО ПЛАТНОЙ ПРИЁМКИ ", { paidAcceptance: "-300" }), "Europe/Moscow");
    expect(f.warnings).toEqual([]);
    expect(partsOf(f)).toEqual({ acceptance: "300.00" });
  });

  for (const c of CASES) {
    it(`reads "${c.name}"`, () => {
      const raw = line(c.name, c.fields);
      const f = wbFinanceLineFact(raw, "Europe/Moscow");
      expect(f.warnings).toEqual([]);
      expect(partsOf(f)).toEqual(c.parts);
      expect(f.settles).toBe(c.settles);
      expect(f.qty).toBe(c.qty);
      expect(sumOf(f).toFixed(2)).toBe(payoutOf(raw, c.goodsSign).toFixed(2));
    });
  }

  it("reads the fee fields on a sale line too, acquiring taken out of the gap once", () => {
    const raw = line("Продажа", {
      ...GOODS,
      docTypeName: "Продажа",
      deliveryService: "79.2",
      rebillLogisticCost: "10",
      paidStorage: "3",
      paidAcceptance: "2",
      penalty: "1",
      deduction: "4",
      additionalPayment: "12",
      cashbackAmount: "30",
      cashbackDiscount: "10",
      cashbackCommissionChange: "5",
      installmentCofinancingAmount: "7",
    });
    const f = wbFinanceLineFact(raw, "Europe/Moscow");
    // commission: -180 + additionalPayment 12; loyalty: -30 + 10 + 5 - 7
    expect(partsOf(f)).toEqual({
      sales: "1000.00",
      commission: "-168.00",
      acquiring: "-20.00",
      logistics: "-89.20",
      storage: "-3.00",
      acceptance: "-2.00",
      penalties: "-1.00",
      deductions_other: "-4.00",
      loyalty: "-22.00",
    });
    // 800 - 79.2 - 10 - 3 - 2 - 1 - 4 + 12 - 22 = 690.80
    expect(sumOf(f).toFixed(2)).toBe("690.80");
    expect(sumOf(f).toFixed(2)).toBe(payoutOf(raw, 1).toFixed(2));
  });

  it("a storno of a sale with fee fields reverses the goods and keeps the fees as sent", () => {
    const raw = line("Сторно продаж", {
      ...GOODS,
      quantity: 2,
      docTypeName: "Возврат",
      deliveryService: "-40",
    });
    const f = wbFinanceLineFact(raw, "Europe/Moscow");
    expect(f.settles).toBe("sale");
    expect(f.qty).toBe(-2);
    expect(partsOf(f)).toEqual({ sales: "-1000.00", commission: "180.00", acquiring: "20.00", logistics: "40.00" });
    expect(sumOf(f).toFixed(2)).toBe("-760.00");
    expect(sumOf(f).toFixed(2)).toBe(payoutOf(raw, -1).toFixed(2));
  });

  it("keeps an unknown operation's goods money as deductions_other, with a warning", () => {
    const raw = line("Новая операция WB", { forPay: "50", deliveryService: "10", docTypeName: "" });
    const f = wbFinanceLineFact(raw, "Europe/Moscow");
    expect(f.warnings).toEqual(['unknown WB operation "Новая операция WB"']);
    expect(partsOf(f)).toEqual({ deductions_other: "50.00", logistics: "-10.00" });
    expect(f.settles).toBeNull();
    expect(f.qty).toBe(0);
    expect(f.sourceType).toBe("Новая операция WB");
    expect(sumOf(f).toFixed(2)).toBe(payoutOf(raw, 1).toFixed(2));
    const back = wbFinanceLineFact(line("Новая операция WB", { forPay: "50", docTypeName: "Возврат" }), "UTC");
    expect(partsOf(back)).toEqual({ deductions_other: "-50.00" });
  });

  it("keeps forPay found on a fee line, with a warning", () => {
    const f = wbFinanceLineFact(line("Логистика", { forPay: "7", deliveryService: "79.2" }), "Europe/Moscow");
    expect(partsOf(f)).toEqual({ deductions_other: "7.00", logistics: "-79.20" });
    expect(f.warnings).toHaveLength(1);
  });

  it("classifies deductions by bonusTypeName; loan repayments stay deductions_other, named", () => {
    const read = (bonusTypeName: string) =>
      wbFinanceLineFact(line("Удержание", { nmId: 0, deduction: "100", bonusTypeName }), "Europe/Moscow");
    for (const ad of [
      "Оказание услуг «ВБ.Продвижение», документ №88990011",
      "Оказание услуг «WB Продвижение»",
      "ВБ.Медиа",
      "Продвижение через блогеров",
      "ВБ.Бренд-зона",
    ])
      expect(partsOf(read(ad))).toEqual({ advertising: "-100.00" });
    for (const loan of ["Погашение задолженности", "Перевод на баланс заёмщика"]) {
      const f = read(loan);
      expect(partsOf(f)).toEqual({ deductions_other: "-100.00" });
      expect(f.sourceType).toBe(`Удержание: ${loan} (financing)`);
    }
    expect(read("Прочие удержания").sourceType).toBe("Удержание: Прочие удержания");
  });

  it("leaves zero parts out and fee-free lines empty", () => {
    const f = wbFinanceLineFact(line("Хранение", { paidStorage: "0", forPay: "0" }), "Europe/Moscow");
    expect(f.parts).toEqual([]);
  });

  it("sums every fee field from the one rule", () => {
    // each fee field alone, 10 roubles: its line and sign
    const expected: Record<(typeof FEE_FIELDS)[number], [string, string]> = {
      deliveryService: ["logistics", "-10.00"],
      rebillLogisticCost: ["logistics", "-10.00"],
      paidStorage: ["storage", "-10.00"],
      paidAcceptance: ["acceptance", "-10.00"],
      penalty: ["penalties", "-10.00"],
      deduction: ["deductions_other", "-10.00"],
      additionalPayment: ["commission", "10.00"],
      cashbackAmount: ["loyalty", "-10.00"],
      cashbackDiscount: ["loyalty", "10.00"],
      cashbackCommissionChange: ["loyalty", "10.00"],
      installmentCofinancingAmount: ["loyalty", "-10.00"],
    };
    for (const field of FEE_FIELDS) {
      const f = wbFinanceLineFact(line("Удержание", { [field]: "10" }), "Europe/Moscow");
      const [pnl, amount] = expected[field];
      expect(partsOf(f), field).toEqual({ [pnl]: amount });
    }
  });
});
