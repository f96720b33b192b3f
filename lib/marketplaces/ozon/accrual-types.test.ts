// Ozon accruals and postings as line facts. Expected numbers are worked by hand from the reference
// (marketplace-apis.md §2.4.1 by-day example, §2.6.1 FBO example); every accrual checks that its
// facts' parts sum to its total_amount.
import { describe, expect, it } from "vitest";
import Decimal from "decimal.js";
import { OZON_ACCRUAL_TYPES } from "./accrual-types";
import { ozonAccrualFacts, ozonPostingLines } from "./mappers";
import { RecordError } from "../records";
import type { FinanceLineFact } from "../lines";
import { FBO_DELIVERED_AND_CANCELLED as FBO_POSTINGS, postingAccrual } from "../contracts/ozon/fixtures";

const rub = (amount: string) => ({ amount, currency: "RUB" });

/** An accrual of the by-day list dated 2026-11-24: its id, category, unit and total, then its own part. */
const accrual = (id: number, category: string, unit: string, total: string, part: Record<string, unknown>) => ({
  accrual_id: id,
  date: "2026-11-24",
  accrued_category: category,
  unit_number: unit,
  total_amount: rub(total),
  ...part,
});

// the reference's by-day example, verbatim (the posting part as the contract fixture holds it)
const POSTING = accrual(90801122334, "POSTING", "39127055501-0021-1", "1400.40", { posting: postingAccrual.posting });
const ITEM = accrual(90801122400, "ITEM", "39127055501-0021-1", "-48.09", {
  item_fees: { fees: [{ sku: 1488301234, fees: [{ type_id: 1, accrued: rub("-48.09") }] }] },
});
const NON_ITEM = accrual(90801129911, "NON_ITEM", "ADV-2026-117702", "-1870.00", {
  non_item_fee: { type_id: 41, accrued: rub("-1870.00") },
});

function product(
  sku: number,
  sale: string,
  commission: string,
  delivery: string[],
  extra: Record<string, unknown> = {},
  loyalty: { bonus?: string; coinvestment?: string } = {},
) {
  return {
    sku,
    ...extra,
    commission: {
      sale_amount: rub(sale),
      commission: rub(commission),
      bonus: rub(loyalty.bonus ?? "0"),
      coinvestment: rub(loyalty.coinvestment ?? "0"),
    },
    delivery: { services: delivery.map((a, i) => ({ type_id: i === 0 ? 32 : 28, accrued: rub(a) })) },
  };
}
function posting(id: number, totalAmount: string, products: unknown[], schema = "FBO") {
  return {
    ...accrual(id, "POSTING", "39200000001-0001-1", totalAmount, { posting: { delivery_schema: schema, products } }),
    date: "2026-11-26",
  };
}

const byKey = (facts: FinanceLineFact[]) => Object.fromEntries(facts.map((f) => [f.key, f]));
const parts = (f: FinanceLineFact) => Object.fromEntries(f.parts.map((p) => [p.line, p.amount.toFixed(2)]));

/** the payout invariant: all parts of an accrual's facts sum to its total_amount */
function expectReconciles(raw: { total_amount: { amount: string } }, facts: FinanceLineFact[]) {
  const sum = facts.flatMap((f) => f.parts).reduce((s, p) => s.plus(p.amount), new Decimal(0));
  expect(sum.toFixed(2)).toBe(new Decimal(raw.total_amount.amount).toFixed(2));
}

describe("OZON_ACCRUAL_TYPES", () => {
  // every id the reference names, with the line written by hand
  const EXPECTED: Record<number, string> = {
    69: "commission",
    1: "acquiring",
    32: "logistics",
    29: "logistics",
    28: "logistics",
    59: "logistics",
    45: "logistics",
    62: "logistics",
    124: "logistics",
    46: "storage",
    41: "advertising",
    54: "advertising",
    75: "advertising",
    33: "advertising",
    49: "advertising",
    87: "advertising",
    51: "deductions_other",
    52: "deductions_other",
    89: "penalties",
    90: "penalties",
    91: "penalties",
    92: "penalties",
    93: "penalties",
    94: "penalties",
  };

  it("lists exactly the ids the reference names", () => {
    expect(
      Object.keys(OZON_ACCRUAL_TYPES)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual(
      Object.keys(EXPECTED)
        .map(Number)
        .sort((a, b) => a - b),
    );
  });

  for (const [id, line] of Object.entries(EXPECTED)) {
    it(`reads type ${id} as ${line}, as a NON_ITEM and as an ITEM fee`, () => {
      const nonItem = accrual(5000 + Number(id), "NON_ITEM", "X", "-10.50", {
        non_item_fee: { type_id: Number(id), accrued: rub("-10.50") },
      });
      const a = ozonAccrualFacts(nonItem);
      expect(a.unknownTypeIds).toEqual([]);
      expect(a.facts).toHaveLength(1);
      expect(a.facts[0]).toMatchObject({ key: String(5000 + Number(id)), sku: null, orderKey: null, warnings: [] });
      expect(parts(a.facts[0])).toEqual({ [line]: "-10.50" });
      expectReconciles(nonItem, a.facts);

      const item = accrual(6000 + Number(id), "ITEM", "39127055501-0021-1", "-3.20", {
        item_fees: { fees: [{ sku: 77, fees: [{ type_id: Number(id), accrued: rub("-3.20") }] }] },
      });
      const b = ozonAccrualFacts(item);
      expect(b.facts).toHaveLength(1);
      expect(b.facts[0]).toMatchObject({ key: `${6000 + Number(id)}/77`, sku: "77", settles: null, qty: 0 });
      expect(parts(b.facts[0])).toEqual({ [line]: "-3.20" });
      expectReconciles(item, b.facts);
    });
  }
});

describe("ozonAccrualFacts", () => {
  it("reads the reference's POSTING example: 1990 - 437.80 - 112.30 - 39.50 = 1400.40", () => {
    const { facts, unknownTypeIds } = ozonAccrualFacts(POSTING);
    expect(unknownTypeIds).toEqual([]);
    expect(facts).toHaveLength(1);
    expect(facts[0]).toMatchObject({
      key: "90801122334/1488301234",
      d: "2026-11-24",
      reportId: null,
      orderKey: "39127055501-0021-1",
      sku: "1488301234",
      warehouse: null,
      channel: "FBO",
      settles: "sale",
      qty: 1,
      sourceType: "POSTING:32,28",
      warnings: [],
    });
    expect(parts(facts[0])).toEqual({ sales: "1990.00", commission: "-437.80", logistics: "-151.80" });
    expectReconciles(POSTING, facts);
  });

  it("reads the reference's ITEM and NON_ITEM examples", () => {
    const item = ozonAccrualFacts(ITEM).facts;
    expect(item).toHaveLength(1);
    // every field of both facts is checked in ozon.contract.test.ts; here the line each reaches and the sum
    expect(item[0]).toMatchObject({ key: "90801122400/1488301234", sku: "1488301234", sourceType: "ITEM:1" });
    expect(parts(item[0])).toEqual({ acquiring: "-48.09" });
    expectReconciles(ITEM, item);
    const nonItem = ozonAccrualFacts(NON_ITEM).facts;
    expect(nonItem).toHaveLength(1);
    expect(nonItem[0]).toMatchObject({ key: "90801129911", sku: null, orderKey: null, sourceType: "NON_ITEM:41" });
    expect(parts(nonItem[0])).toEqual({ advertising: "-1870.00" });
    expectReconciles(NON_ITEM, nonItem);
  });

  it("reads a product's quantity", () => {
    // 3 x 590 = 1770; commission -389.40; delivery -90 -30: total 1260.60
    const raw = posting(1, "1260.60", [product(55, "1770", "-389.40", ["-90", "-30"], { quantity: 3 })]);
    const [f] = ozonAccrualFacts(raw).facts;
    expect(f).toMatchObject({ key: "1/55", settles: "sale", qty: 3 });
    expect(parts(f)).toEqual({ sales: "1770.00", commission: "-389.40", logistics: "-120.00" });
    expectReconciles(raw, [f]);
  });

  it("counts one unit per entry when quantity is absent, one fact per SKU", () => {
    // two entries of SKU 55 (590 each) and one of SKU 66 (1200), FBS
    // 590 - 129.80 - 50 = 410.20 twice; 1200 - 264 - 60.20 = 875.80; 410.20 x 2 + 875.80 = 1696.20
    const raw = posting(
      2,
      "1696.20",
      [
        product(55, "590", "-129.80", ["-40", "-10"]),
        product(55, "590", "-129.80", ["-40", "-10"]),
        product(66, "1200", "-264", ["-60.20"]),
      ],
      "FBS",
    );
    const { facts } = ozonAccrualFacts(raw);
    const f = byKey(facts);
    expect(Object.keys(f)).toEqual(["2/55", "2/66"]);
    expect(f["2/55"]).toMatchObject({ sku: "55", settles: "sale", qty: 2, channel: "FBS" });
    expect(parts(f["2/55"])).toEqual({ sales: "1180.00", commission: "-259.60", logistics: "-100.00" });
    expect(f["2/66"]).toMatchObject({ sku: "66", settles: "sale", qty: 1, orderKey: "39200000001-0001-1" });
    expect(parts(f["2/66"])).toEqual({ sales: "1200.00", commission: "-264.00", logistics: "-60.20" });
    expectReconciles(raw, facts);
  });

  it("reads a negative sale_amount as a return, the commission refunded", () => {
    // -1990 + 437.80 = -1552.20
    const raw = posting(3, "-1552.20", [product(55, "-1990", "437.80", [])]);
    const { facts } = ozonAccrualFacts(raw);
    expect(facts).toHaveLength(1);
    expect(facts[0]).toMatchObject({ key: "3/55", settles: "return", qty: 1 });
    expect(parts(facts[0])).toEqual({ returns: "-1990.00", commission: "437.80" });
    expectReconciles(raw, facts);
  });

  it("reads bonus and coinvestment as loyalty", () => {
    // 1990 - 437.80 - 151.80 - 120 (coinvestment) + 50 (bonus) = 1330.40
    const raw = posting(4, "1330.40", [
      product(55, "1990", "-437.80", ["-112.30", "-39.50"], {}, { bonus: "50", coinvestment: "-120" }),
    ]);
    const { facts } = ozonAccrualFacts(raw);
    expect(parts(facts[0])).toEqual({
      sales: "1990.00",
      commission: "-437.80",
      loyalty: "-70.00",
      logistics: "-151.80",
    });
    expectReconciles(raw, facts);
  });

  it("falls back on delivery.total_accrued when services are not itemised", () => {
    const p = { ...product(55, "1000", "-200", []), delivery: { total_accrued: rub("-75") } };
    const raw = posting(5, "725", [p]);
    const { facts } = ozonAccrualFacts(raw);
    expect(parts(facts[0])).toEqual({ sales: "1000.00", commission: "-200.00", logistics: "-75.00" });
    expectReconciles(raw, facts);
  });

  it("keeps a residual as a store-level deductions_other part, with a warning", () => {
    // parts 1400.40, total 1390.40 (e.g. container fees not itemised): residual -10
    const raw = { ...POSTING, total_amount: rub("1390.40"), container_fees: { anything: 1 } };
    const { facts } = ozonAccrualFacts(raw);
    const f = byKey(facts);
    expect(Object.keys(f)).toEqual(["90801122334/1488301234", "90801122334"]);
    const store = f["90801122334"];
    expect(store).toMatchObject({ sku: null, settles: null, qty: 0, orderKey: "39127055501-0021-1" });
    expect(store.sourceType).toBe("POSTING:residual");
    expect(parts(store)).toEqual({ deductions_other: "-10.00" });
    expect(store.warnings).toEqual([
      "Ozon accrual 90801122334: total_amount 1390.4 differs from its parts by -10: kept as deductions_other",
    ]);
    expectReconciles(raw, facts);
  });

  it("keeps an accrual it cannot split (UNSPECIFIED) whole as a residual", () => {
    const raw = { accrual_id: 7, date: "2026-11-24", accrued_category: "UNSPECIFIED", total_amount: rub("15") };
    const { facts } = ozonAccrualFacts(raw);
    expect(facts).toHaveLength(1);
    expect(facts[0]).toMatchObject({ key: "7", sku: null });
    expect(parts(facts[0])).toEqual({ deductions_other: "15.00" });
    expect(facts[0].warnings).toHaveLength(1);
    expectReconciles(raw, facts);
  });

  it("keeps unknown type ids as deductions_other and reports them", () => {
    const nonItem = { ...NON_ITEM, non_item_fee: { type_id: 999, accrued: rub("-1870.00") } };
    const a = ozonAccrualFacts(nonItem);
    expect(a.unknownTypeIds).toEqual([999]);
    expect(parts(a.facts[0])).toEqual({ deductions_other: "-1870.00" });
    expect(a.facts[0].warnings).toEqual(["unknown Ozon accrual type 999: kept as deductions_other"]);
    expect(a.facts[0].sourceType).toBe("NON_ITEM:999");
    expectReconciles(nonItem, a.facts);

    const item = {
      ...ITEM,
      total_amount: rub("-60.09"),
      item_fees: {
        fees: [
          { sku: 1488301234, fees: [{ type_id: 1, accrued: rub("-48.09") }] },
          { sku: 99, fees: [{ type_id: 998, accrued: rub("-12") }] },
        ],
      },
    };
    const b = ozonAccrualFacts(item);
    expect(b.unknownTypeIds).toEqual([998]);
    const f = byKey(b.facts);
    expect(parts(f["90801122400/1488301234"])).toEqual({ acquiring: "-48.09" });
    expect(parts(f["90801122400/99"])).toEqual({ deductions_other: "-12.00" });
    expectReconciles(item, b.facts);
  });

  it("refuses an accrual it cannot read", () => {
    expect(() => ozonAccrualFacts({ ...POSTING, total_amount: rub("x") })).toThrow(RecordError);
    expect(() => ozonAccrualFacts({ ...POSTING, accrual_id: undefined })).toThrow(/accrual_id/);
  });
});

describe("ozonPostingLines", () => {
  it("reads the reference's FBO example", () => {
    const [delivered] = ozonPostingLines(FBO_POSTINGS[0], "FBO", "Europe/Moscow");
    // every field of this line is checked in ozon.contract.test.ts; here the sale and its open commission
    // (0 at order time: the feed does not say yet)
    expect(delivered).toMatchObject({
      key: "39127012767-0187-1/1488301234",
      kind: "sale",
      qty: 1,
      feedCommission: null,
    });
    expect(delivered.amount.toFixed(2)).toBe("2290.00");
    const [cancelled] = ozonPostingLines(FBO_POSTINGS[1], "FBO", "Europe/Moscow");
    expect(cancelled).toMatchObject({
      key: "39133300451-0012-1/1488305678",
      kind: "cancellation",
      qty: 2,
      warehouse: { code: "channel:FBO", name: "Ozon FBO", kind: "FBO" },
    });
    // 2 x 590
    expect(cancelled.amount.toFixed(2)).toBe("1180.00");
  });

  it("one line per SKU; other statuses are orders; a stated commission is kept", () => {
    const raw = {
      ...FBO_POSTINGS[0],
      status: "delivering",
      // 21:30 UTC is the next day in Moscow
      in_process_at: "2026-11-24T21:30:00Z",
      products: [
        { sku: 11, offer_id: "A", quantity: 3, price: rub("100.50") },
        { sku: 22, offer_id: "B", quantity: 1, price: rub("999") },
      ],
      financial_data: {
        products: [
          { product_id: 11, commission: { amount: -66.33 } },
          { product_id: 22, commission: { amount: 0 } },
        ],
      },
    };
    const lines = ozonPostingLines(raw, "FBS", "Europe/Moscow");
    expect(
      lines.map((l) => [l.key, l.kind, l.d, l.qty, l.amount.toFixed(2), l.feedCommission?.toFixed(2) ?? null]),
    ).toEqual([
      ["39127012767-0187-1/11", "order", "2026-11-25", 3, "301.50", "66.33"],
      ["39127012767-0187-1/22", "order", "2026-11-25", 1, "999.00", null],
    ]);
    expect(lines[0].channel).toBe("FBS");
  });

  it("refuses a posting it cannot read", () => {
    expect(() => ozonPostingLines({ ...FBO_POSTINGS[0], posting_number: "" }, "FBO", "UTC")).toThrow(RecordError);
  });
});
