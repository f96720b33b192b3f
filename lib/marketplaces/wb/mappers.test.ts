import { describe, expect, it } from "vitest";
import Decimal from "decimal.js";
import { WB_FBO_WAREHOUSE, wbFinanceLineFact, wbReportHeader, wbSaleLineFact, wbWallTimeToDay } from "./mappers";
import { RecordError } from "../records";
import type { FinanceLineFact } from "../lines";
import { WB_SALE_ROW } from "../contracts/wb/fixtures";

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
      srid: "63.b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6.0.0",
    };
    const r = wbSaleLineFact(
      { ...base, saleID: "R21914455102", priceWithDisc: -2994, forPay: -2275.4, finishedPrice: -2335 },
      "Europe/Moscow",
    );
    expect(r.kind).toBe("return");
    expect(r.amount.toString()).toBe("2994");
    // |-2994| - |-2275.4|
    expect(r.feedCommission?.toString()).toBe("718.6");
    expect(r.warehouse.code).toBe("-999999");
    // the same row with positive amounts reads the same: the sign never decides the direction
    const positive = wbSaleLineFact(
      { ...base, saleID: "R21914455102", priceWithDisc: 2994, forPay: 2275.4, finishedPrice: 2335 },
      "Europe/Moscow",
    );
    expect([positive.kind, positive.amount.toString(), positive.feedCommission?.toString()]).toEqual([
      "return",
      "2994",
      "718.6",
    ]);
    const s = wbSaleLineFact({ ...base, saleID: "S1", priceWithDisc: -10, forPay: -8, finishedPrice: 9 }, "UTC");
    expect([s.kind, s.amount.toString()]).toEqual(["sale", "10"]);
    expect(() =>
      wbSaleLineFact(
        { ...base, saleID: "S1", nmId: "x", priceWithDisc: 1, forPay: 1, finishedPrice: 1 },
        "Europe/Moscow",
      ),
    ).toThrow(/nmId/);
  });

  it("dates a sale by its Moscow wall time in the business time zone", () => {
    const row = {
      saleID: "S21908776512",
      srid: "52.r3d0f4c1a6b9e4f22a1c0d8e7b6a5f4c3.0.0",
      lastChangeDate: "2026-11-11T02:05:00",
      nmId: 213456789,
      priceWithDisc: 1369.5,
      forPay: 1095.6,
      finishedPrice: 1000,
    };
    // 01:30 Moscow is 23:30 the day before in Berlin (winter, UTC+1)
    expect(wbSaleLineFact({ ...row, date: "2026-11-11T01:30:00" }, "Europe/Moscow").d).toBe("2026-11-11");
    expect(wbSaleLineFact({ ...row, date: "2026-11-11T01:30:00" }, "Europe/Berlin").d).toBe("2026-11-10");
    expect(wbSaleLineFact({ ...row, date: "2026-11-10T23:59:59" }, "Europe/Moscow").d).toBe("2026-11-10");
  });
});

// The reference's example response of sales-reports/detailed (§1.8.1), verbatim; every line is of one daily report
const REPORT_HEADER = {
  reportId: 401937265,
  dateFrom: "2026-11-24",
  dateTo: "2026-11-24",
  createDate: "2026-11-25",
  currency: "RUB",
  reportType: 1,
  rrDate: "2026-11-24",
};
const REPORT_EXAMPLE = [
  {
    ...REPORT_HEADER,
    rrdId: 3320198877,
    giId: 28760331,
    subjectName: "Футболки",
    nmId: 213456789,
    brandName: "NordLine",
    vendorCode: "TSH-BLK-M",
    title: "Футболка базовая хлопок",
    techSize: "M",
    sku: "2041234567012",
    docTypeName: "Продажа",
    sellerOperName: "Продажа",
    quantity: 1,
    retailPrice: "2490",
    retailAmount: "1000",
    retailPriceWithDisc: "1369.5",
    salePercent: 45,
    commissionPercent: 24.5,
    kvwBase: 20.42,
    kvw: 20.42,
    spp: 27,
    ppvzSalesCommission: "199.73",
    vw: "158.10",
    vwNds: "31.62",
    forPay: "1095.60",
    acquiringFee: "20.98",
    acquiringPercent: 2.1,
    acquiringBank: "Вайлдберриз Банк",
    deliveryService: "0",
    penalty: "0",
    additionalPayment: "0",
    paidStorage: "0",
    deduction: "0",
    paidAcceptance: "0",
    rebillLogisticCost: "0",
    officeName: "Склад WB",
    country: "Россия",
    deliveryMethod: "FBW, (МГТ)",
    orderDt: "2026-11-24T13:52:07Z",
    saleDt: "2026-11-24T18:02:11Z",
    srid: "52.r3d0f4c1a6b9e4f22a1c0d8e7b6a5f4c3.0.0",
    orderUid: "9082736451029384756",
    isB2b: false,
    bonusTypeName: "",
  },
  {
    ...REPORT_HEADER,
    rrdId: 3320198878,
    nmId: 213456789,
    vendorCode: "TSH-BLK-M",
    techSize: "M",
    sku: "2041234567012",
    subjectName: "Футболки",
    brandName: "NordLine",
    title: "Футболка базовая хлопок",
    docTypeName: "",
    sellerOperName: "Логистика",
    quantity: 0,
    deliveryAmount: 1,
    returnAmount: 0,
    retailAmount: "0",
    forPay: "0",
    deliveryService: "79.20",
    penalty: "0",
    paidStorage: "0",
    deduction: "0",
    bonusTypeName: "К клиенту при продаже",
    officeName: "Склад WB",
    deliveryMethod: "FBW, (МГТ)",
    srid: "52.r3d0f4c1a6b9e4f22a1c0d8e7b6a5f4c3.0.0",
  },
  {
    ...REPORT_HEADER,
    rrdId: 3320198901,
    nmId: 0,
    vendorCode: "",
    sku: "",
    subjectName: "",
    docTypeName: "",
    sellerOperName: "Хранение",
    quantity: 0,
    retailAmount: "0",
    forPay: "0",
    deliveryService: "0",
    paidStorage: "287.14",
    deduction: "0",
    penalty: "0",
    bonusTypeName: "",
    srid: "",
  },
  {
    ...REPORT_HEADER,
    rrdId: 3320198902,
    nmId: 0,
    vendorCode: "",
    sku: "",
    docTypeName: "",
    sellerOperName: "Удержание",
    quantity: 0,
    retailAmount: "0",
    forPay: "0",
    deliveryService: "0",
    paidStorage: "0",
    deduction: "2100",
    penalty: "0",
    bonusTypeName: "Оказание услуг «ВБ.Продвижение», документ №88990011",
    srid: "",
  },
];

// The reference's example response of supplier/sales (§1.6), verbatim
const SALES_EXAMPLE = [
  WB_SALE_ROW,
  {
    date: "2026-11-25T11:47:30",
    lastChangeDate: "2026-11-25T12:05:19",
    warehouseName: "Склад WB РФ",
    warehouseType: "Склад WB",
    countryName: "Россия",
    oblastOkrugName: "Северо-Западный федеральный округ",
    regionName: "Санкт-Петербург",
    supplierArticle: "HOOD-GRY-XL",
    nmId: 224455667,
    barcode: "2042233445566",
    category: "Одежда",
    subject: "Худи",
    brand: "NordLine",
    techSize: "XL",
    incomeID: 28790455,
    isSupply: false,
    isRealization: true,
    totalPrice: -4990,
    discountPercent: 40,
    spp: 22,
    paymentSaleAmount: 0,
    forPay: -2275.4,
    finishedPrice: -2335,
    priceWithDisc: -2994,
    saleID: "R21914455102",
    sticker: "30877990011",
    gNumber: "6677889900112233445",
    srid: "63.b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6.0.0",
  },
  {
    date: "2026-11-25T12:20:03",
    lastChangeDate: "2026-11-25T12:41:56",
    warehouseName: "Склад WB РФ",
    warehouseType: "Склад WB",
    countryName: "Казахстан",
    oblastOkrugName: "",
    regionName: "Алматы",
    supplierArticle: "CAP-BLK-OS",
    nmId: 231122334,
    barcode: "2043344556677",
    category: "Аксессуары",
    subject: "Бейсболки",
    brand: "NordLine",
    techSize: "0",
    incomeID: 28770099,
    isSupply: false,
    isRealization: true,
    totalPrice: 890,
    discountPercent: 30,
    spp: 20,
    paymentSaleAmount: 0,
    forPay: 0,
    finishedPrice: 0,
    priceWithDisc: 0,
    saleID: "S21913400777",
    sticker: "30918290022",
    gNumber: "8899001122334455667",
    srid: "81.d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5.0.0",
  },
];

const parts = (f: FinanceLineFact) => Object.fromEntries(f.parts.map((p) => [p.line, p.amount.toFixed(2)]));
const total = (f: FinanceLineFact) => f.parts.reduce((s, p) => s.plus(p.amount), new Decimal(0)).toFixed(2);

describe("WB line facts", () => {
  it("reads the reference's example report lines as worked by hand", () => {
    const [sale, logistics, storage, deduction] = REPORT_EXAMPLE.map((l) => wbFinanceLineFact(l, "Europe/Moscow"));
    // 1369.50 - 1095.60 = 273.90 gap = acquiring 20.98 + commission 252.92
    expect(parts(sale)).toEqual({ sales: "1369.50", commission: "-252.92", acquiring: "-20.98" });
    expect(total(sale)).toBe("1095.60");
    expect(sale).toMatchObject({
      key: "3320198877",
      d: "2026-11-24",
      reportId: "401937265",
      orderKey: "52.r3d0f4c1a6b9e4f22a1c0d8e7b6a5f4c3.0.0",
      sku: "213456789",
      article: "TSH-BLK-M",
      warehouse: WB_FBO_WAREHOUSE,
      channel: "FBO",
      settles: "sale",
      qty: 1,
      sourceType: "Продажа",
      warnings: [],
    });
    expect(parts(logistics)).toEqual({ logistics: "-79.20" });
    expect(logistics).toMatchObject({
      settles: null,
      qty: 0,
      orderKey: "52.r3d0f4c1a6b9e4f22a1c0d8e7b6a5f4c3.0.0",
      sku: "213456789",
      sourceType: "Логистика: К клиенту при продаже",
    });
    expect(parts(storage)).toEqual({ storage: "-287.14" });
    expect(storage).toMatchObject({ sku: null, orderKey: null, warehouse: null, channel: null, settles: null });
    expect(parts(deduction)).toEqual({ advertising: "-2100.00" });
    expect(deduction.sourceType).toBe("Удержание: Оказание услуг «ВБ.Продвижение», документ №88990011");
    // the day's payout: 1095.60 - 79.20 - 287.14 - 2100 = -1370.74
    const day = [sale, logistics, storage, deduction]
      .flatMap((f) => f.parts)
      .reduce((s, p) => s.plus(p.amount), new Decimal(0));
    expect(day.toFixed(2)).toBe("-1370.74");
  });

  it("refuses a finance line it cannot read", () => {
    expect(() => wbFinanceLineFact({ rrdId: 2, rrDate: "2026-11-24", forPay: "12.3.4" }, "UTC")).toThrow(RecordError);
    expect(() => wbFinanceLineFact({ rrdId: 2, rrDate: "2026-11-24", cashbackAmount: "x" }, "UTC")).toThrow(
      /cashbackAmount/,
    );
    expect(() => wbFinanceLineFact({ rrdId: 2 }, "UTC")).toThrow(/rrDate/);
  });

  it("reads an FBS line's seller warehouse", () => {
    const f = wbFinanceLineFact(
      { ...REPORT_EXAMPLE[1], deliveryMethod: "FBS, (МГТ)", officeName: "Склад продавца Казань" },
      "Europe/Moscow",
    );
    expect(f.channel).toBe("FBS");
    expect(f.warehouse).toEqual({ code: "name:Склад продавца Казань", name: "Склад продавца Казань", kind: "FBS" });
  });

  it("reads the reference's sales feed: S sale, R return, money filled in late", () => {
    const [s, r, empty] = SALES_EXAMPLE.map((row) => wbSaleLineFact(row, "Europe/Moscow"));
    // every field of the sale is checked in wb.contract.test.ts; here its kind and money
    expect(s).toMatchObject({ key: "S21908776512", kind: "sale", d: "2026-11-24", qty: 1 });
    expect(s.amount.toFixed(2)).toBe("1369.50");
    // 1369.50 - 1095.60
    expect(s.feedCommission?.toFixed(2)).toBe("273.90");
    expect(r).toMatchObject({ key: "R21914455102", kind: "return", d: "2026-11-25", qty: 1 });
    expect(r.amount.toFixed(2)).toBe("2994.00");
    // |-2994| - |-2275.4|
    expect(r.feedCommission?.toFixed(2)).toBe("718.60");
    expect(empty.kind).toBe("sale");
    expect(empty.amount.toFixed(2)).toBe("0.00");
    expect(empty.feedCommission).toBeNull();
  });

  it("refuses a sales row of an unknown prefix or without srid", () => {
    expect(() => wbSaleLineFact({ ...SALES_EXAMPLE[0], saleID: "D21908776512" }, "Europe/Moscow")).toThrow(RecordError);
    expect(() => wbSaleLineFact({ ...SALES_EXAMPLE[0], saleID: "D21908776512" }, "Europe/Moscow")).toThrow(/prefix/);
    const { srid: _srid, ...noSrid } = SALES_EXAMPLE[0];
    void _srid;
    expect(() => wbSaleLineFact(noSrid, "Europe/Moscow")).toThrow(/srid/);
    expect(() => wbSaleLineFact({ ...SALES_EXAMPLE[0], srid: "" }, "Europe/Moscow")).toThrow(/srid/);
  });

  it("reads a report header, sums as strings or numbers", () => {
    const h = wbReportHeader({
      reportId: 401937265,
      sellerFinanceName: "ООО Нордлайн",
      dateFrom: "2026-11-17",
      dateTo: "2026-11-23",
      createDate: "2026-11-24",
      currency: "RUB",
      reportType: 1,
      retailAmountSum: "152000.50",
      forPaySum: 118000.25,
      avgSalePercent: 38,
      deliveryServiceSum: "9120.40",
      paidStorageSum: "2010",
      paidAcceptanceSum: 0,
      deductionSum: "2100",
      penaltySum: "500",
      additionalPaymentSum: "0",
      cashbackAmountSum: "0",
      cashbackDiscountSum: "0",
      cashbackCommissionChangeSum: "0",
      paymentSchedule: "",
      bankPaymentSum: "104269.85",
    });
    expect(h.reportId).toBe("401937265");
    expect(h.dateFrom).toBe("2026-11-17");
    expect(h.dateTo).toBe("2026-11-23");
    expect(h.createDate).toBe("2026-11-24");
    expect(h.bankPaymentSum.toFixed(2)).toBe("104269.85");
    expect(h.forPaySum.toFixed(2)).toBe("118000.25");
    expect(h.paidAcceptanceSum.toFixed(2)).toBe("0.00");
    expect(h.deliveryServiceSum.toFixed(2)).toBe("9120.40");
    expect(
      wbReportHeader({
        reportId: "7",
        dateFrom: "2026-11-17",
        dateTo: "2026-11-23",
        bankPaymentSum: 1,
      }).bankPaymentSum.toString(),
    ).toBe("1");
    expect(() => wbReportHeader({ reportId: 1, dateFrom: "2026-11-17", dateTo: "2026-11-23" })).toThrow(
      /bankPaymentSum/,
    );
    expect(() =>
      wbReportHeader({ reportId: 1, dateFrom: "2026-11-17", dateTo: "2026-11-23", bankPaymentSum: "1,2,3" }),
    ).toThrow(/bankPaymentSum/);
  });
});
