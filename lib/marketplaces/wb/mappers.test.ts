import { describe, expect, it } from "vitest";
import Decimal from "decimal.js";
import { classifyWbDeduction, mapWbFinanceLine, mapWbSale, wbFinanceCashflows, wbWallTimeToDay } from "./mappers";

describe("WB mapping", () => {
  it("reads WB wall times as Moscow time, whatever the business time zone", () => {
    expect(wbWallTimeToDay("2026-11-10T23:15:00", "Europe/Moscow")).toBe("2026-11-10");
    expect(wbWallTimeToDay("2026-11-10T23:59:59", "Europe/Moscow")).toBe("2026-11-10");
    expect(wbWallTimeToDay("2026-11-11T00:00:00", "Europe/Moscow")).toBe("2026-11-11");
    // 01:30 Moscow is 23:30 the day before in Berlin (winter, UTC+1)
    expect(wbWallTimeToDay("2026-11-11T01:30:00", "Europe/Berlin")).toBe("2026-11-10");
    expect(wbWallTimeToDay("2026-11-11T02:00:00", "Europe/Berlin")).toBe("2026-11-11");
    expect(wbWallTimeToDay("2026-11-10T20:15:00Z", "Europe/Moscow")).toBe("2026-11-10");
    expect(wbWallTimeToDay("2026-11-10T21:00:00Z", "Europe/Moscow")).toBe("2026-11-11");
  });

  it("takes a sale's direction from the saleID prefix and money as absolute values", () => {
    const base = {
      date: "2026-11-25T11:47:30",
      lastChangeDate: "2026-11-25T12:05:19",
      nmId: 224455667,
      warehouseType: "Склад WB",
      warehouseName: "Склад WB РФ",
    };
    const r = mapWbSale(
      { ...base, saleID: "R21914455102", priceWithDisc: -2994, forPay: -2275.4, finishedPrice: -2335 },
      "Europe/Moscow",
    );
    expect(r.kind).toBe("return");
    expect(r.priceWithDisc.toString()).toBe("2994");
    expect(r.forPay.toString()).toBe("2275.4");
    expect(r.warehouse.code).toBe("-999999");
    expect(() =>
      mapWbSale({ ...base, saleID: "S1", nmId: "x", priceWithDisc: 1, forPay: 1, finishedPrice: 1 }, "Europe/Moscow"),
    ).toThrow(/nmId/);
  });

  it("classifies deductions and signs cash flows from the seller's view", () => {
    expect(classifyWbDeduction("Оказание услуг «ВБ.Продвижение», документ №88990011")).toBe("advertising");
    expect(classifyWbDeduction("Продвижение через блогеров")).toBe("advertising");
    expect(classifyWbDeduction("Погашение задолженности")).toBe("financing");
    expect(classifyWbDeduction("Перевод на баланс заёмщика")).toBe("financing");
    expect(classifyWbDeduction("ВБ.Бренд-зона")).toBe("deduction_other");
    const storage = mapWbFinanceLine({
      rrdId: 3320198901,
      rrDate: "2026-11-24",
      nmId: 0,
      sellerOperName: "Хранение",
      paidStorage: "287.14",
    });
    expect(storage.nmId).toBeNull();
    expect(wbFinanceCashflows(storage).map((f) => [f.type, f.amount.toString()])).toEqual([["storage", "-287.14"]]);
    const sale = mapWbFinanceLine({
      rrdId: 1,
      rrDate: "2026-11-24",
      nmId: 213456789,
      docTypeName: "Продажа",
      quantity: 1,
      retailPriceWithDisc: "1369.5",
      forPay: "1095.60",
      acquiringFee: "20.98",
      deliveryService: "0",
    });
    const flows = Object.fromEntries(wbFinanceCashflows(sale).map((f) => [f.type, f.amount]));
    expect(flows.sale_payout).toEqual(new Decimal("1095.60"));
    expect(flows.acquiring).toEqual(new Decimal("-20.98"));
    expect(() => mapWbFinanceLine({ rrdId: 2, rrDate: "2026-11-24", forPay: "12.3.4" })).toThrow(/forPay/);
  });
});
