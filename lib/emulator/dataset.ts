// The emulator's world: a deterministic WB + Ozon dataset built from a seed, and the truth it implies.
// Deliberately self-contained: it imports nothing from lib/marketplaces or lib/services and from lib/domain
// only the names of the P&L lines (the vocabulary the truth is reported in, not a rule that maps to them),
// so a mapping bug in ingestion cannot hide behind the same bug here. All money is integer kopecks.
//
// The world is a list of events, each with the moment the marketplace publishes it (a WB sale row and
// its later versions, a WB finance line, an Ozon posting, its delivery and its accruals). A clock decides
// what is published: the server serves, and `truthAt(now)` counts, only what the clock has reached.
// Behaviour follows ../shared/marketplace-apis.md (WB §1.4–§1.8.1, Ozon §2.4, §2.6); where the reference
// is silent or unsure, the comment at that spot says what we chose.
import { PNL_LINES } from "@/lib/domain/pnl-lines";
import { Random } from "./random";

export interface DatasetOptions {
  seed: number;
  skus: number;
  days: number;
  warehouses: number;
  /** last business day of the data (Moscow); default: yesterday */
  endDate?: string;
  /** add records that fail validation (they are not part of the truth) */
  malformed?: boolean;
}

// ---------- time helpers (Moscow is UTC+3 all year) ----------
const MSK_OFFSET_MS = 3 * 3600_000;
const DAY_MS = 86_400_000;
export function addDaysIso(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
/** wall time in Moscow, no offset, as WB sends it */
function mskWall(day: string, secondOfDay: number): string {
  const ms = Date.parse(`${day}T00:00:00Z`) + secondOfDay * 1000;
  return new Date(ms).toISOString().slice(0, 19);
}
/** the UTC instant (ms) of a Moscow day and second */
export function mskMs(day: string, secondOfDay = 0): number {
  return Date.parse(`${day}T00:00:00Z`) + secondOfDay * 1000 - MSK_OFFSET_MS;
}
function mskToUtcIso(day: string, secondOfDay: number): string {
  return new Date(mskMs(day, secondOfDay)).toISOString();
}
function mskDayOfUtc(iso: string): string {
  return new Date(Date.parse(iso) + MSK_OFFSET_MS).toISOString().slice(0, 10);
}
/** Moscow wall time ("YYYY-MM-DDTHH:MM:SS") of an instant */
export function mskWallOfMs(ms: number): string {
  return new Date(ms + MSK_OFFSET_MS).toISOString().slice(0, 19);
}
export function rub(k: number): number {
  return k / 100;
}
export function rubStr(k: number): string {
  if (k === 0) return "0.00";
  const sign = k < 0 ? "-" : "";
  const a = Math.abs(k);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, "0")}`;
}
/** a second of the day, sometimes within minutes of Moscow midnight to exercise the day boundary */
function secondOfDay(rng: Random): number {
  if (rng.chance(0.15)) return rng.chance(0.5) ? 86_400 - rng.int(1, 600) : rng.int(0, 600);
  return rng.int(600, 86_400 - 601);
}
/** the Monday of the (Monday–Sunday) week of a day */
export function mondayOf(day: string): string {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDaysIso(day, -((dow + 6) % 7));
}
/** WB publishes the daily finance of day D the next day after 05:00 Moscow (§1.8: "~1 day lag") */
export function wbFinancePublishMs(rrDate: string): number {
  return mskMs(addDaysIso(rrDate, 1), 5 * 3600);
}
/** weekly report id: deterministic from its Monday */
export function wbReportId(monday: string): number {
  return 401_000_000 + (Number(monday.replaceAll("-", "")) % 1_000_000);
}

// ---------- the P&L vocabulary: the line names of lib/domain/pnl-lines.ts (names only, no rule) ----------
export const PNL_LINE_NAMES = PNL_LINES;
export type PnlLineName = (typeof PNL_LINE_NAMES)[number];
/** signed kopecks per line from the seller's view: income +, costs − */
export type PnlLines = Record<PnlLineName, number>;
type PnlPart = Partial<PnlLines>;
export function emptyPnlLines(): PnlLines {
  return Object.fromEntries(PNL_LINE_NAMES.map((n) => [n, 0])) as PnlLines;
}
function addPart(into: PnlLines, part: PnlPart) {
  for (const key in part) into[key as PnlLineName] += part[key as PnlLineName]!;
}
export function sumPnl(lines: PnlPart): number {
  let s = 0;
  for (const key in lines) s += lines[key as PnlLineName]!;
  return s;
}

// ---------- truth ----------
/** stock now: on hand, inbound to the marketplace, on the way to buyers and back from them */
export interface StockTruth {
  onHand: number;
  inTransit: number;
  toClient: number;
  fromClient: number;
}
export interface ReviewTruth {
  sku: string;
  rating: number;
  hasMedia: boolean;
  replyStatus: "unanswered" | "pending" | "answered" | "rejected";
  parentReviewId: string | null;
}
export interface SettledDaySkuTruth {
  unitsSold: number;
  unitsReturned: number;
  lines: PnlLines;
}
export interface OrderLineTruth {
  /** WB srid; Ozon posting_number */
  orderKey: string;
  /** external sku id (WB nmId, Ozon sku) */
  sku: string;
  /** WB: the sale/return date (Moscow); Ozon: in_process_at (Moscow), a return: its accrual day */
  day: string;
  kind: "sale" | "return" | "order" | "cancellation";
  qty: number;
  /** its finance line (WB Продажа/Возврат, Ozon POSTING accrual) is published by the clock */
  settled: boolean;
}
export interface MarketplaceTruth {
  /** external sku id -> stock now (not clock-dependent) */
  stock: Map<string, StockTruth>;
  reviews: Map<string, ReviewTruth>;
  skuCount: number;
  /** Ozon accrual type ids missing from the types dictionary, among the published accruals */
  unknownAccrualTypes: string[];
  /** totals per P&L line of every published finance line: those naming a SKU and those without one */
  financeLines: { sku: PnlLines; store: PnlLines };
  /** `${financeDay}|${external sku}` (WB rrDate, Ozon accrual date) */
  settledByDaySku: Map<string, SettledDaySkuTruth>;
  /** order-line key (WB saleID; Ozon `${posting_number}/${sku}`, a return `${posting_number}/${sku}/return`) */
  orderLines: Map<string, OrderLineTruth>;
  /** units over the order lines visible now: sales (WB S rows, Ozon delivered) and returns */
  units: { sold: number; returned: number };
  /**
   * orders per `${order day}|${external sku}|${channel}:${warehouse}|${buyer district}` (warehouse: WB the
   * seller warehouse's name, '' for WB's own; Ozon the warehouse id; district as WB's order feed names it)
   */
  dailyOrders: Map<string, DailyOrdersTruth>;
}
export interface DailyOrdersTruth {
  ordered: number;
  /** kopecks at the seller's price */
  valueK: number;
  cancelled: number;
  boughtOut: number;
  returned: number;
}
export interface WbReportTruth {
  reportId: number;
  dateFrom: string;
  dateTo: string;
  /** the week is over and all its lines are published (the following Monday, 05:00 Moscow) */
  closed: boolean;
  /** kopecks, WB's arithmetic over the lines published so far (the whole week once closed) */
  bankPaymentSum: number;
  byLine: PnlLines;
}
export interface OzonMonthTruth {
  month: string;
  /** the clock is past the month */
  closed: boolean;
  /** kopecks: Σ total_amount of its published accruals */
  total: number;
  byLine: PnlLines;
}
export interface Truth {
  from: string;
  to: string;
  /** the clock the truth was computed for (ISO, UTC) */
  now: string;
  wb: MarketplaceTruth;
  ozon: MarketplaceTruth;
  wbReports: WbReportTruth[];
  ozonMonths: OzonMonthTruth[];
}
/** the part of the truth that does not follow the clock */
interface StaticTruth {
  stock: Map<string, StockTruth>;
  reviews: Map<string, ReviewTruth>;
  skuCount: number;
}
function emptyStatic(): StaticTruth {
  return { stock: new Map(), reviews: new Map(), skuCount: 0 };
}

// ---------- WB ----------
export interface WbSku {
  nmId: number;
  imtId: number;
  chrtId: number;
  barcode: string;
  vendorCode: string;
  brand: string;
  subject: string;
  category: string;
  title: string;
  techSize: string;
  priceK: number;
  discountPercent: number;
}
export interface WbSaleRow {
  /** the newest version of the row, as WB serves it */
  json: Record<string, unknown>;
  lastChangeDate: string;
  /** the first version (money 0, §1.6 "may be 0 for up to 24 h"), served until `lastChangeDate` is reached */
  stale?: Record<string, unknown>;
}
/** money fields of a finance line, kopecks (absent = 0) */
export interface WbMoney {
  retailPrice?: number;
  retailAmount?: number;
  retailPriceWithDisc?: number;
  forPay?: number;
  acquiringFee?: number;
  ppvzSalesCommission?: number;
  vw?: number;
  vwNds?: number;
  deliveryService?: number;
  penalty?: number;
  additionalPayment?: number;
  paidStorage?: number;
  deduction?: number;
  paidAcceptance?: number;
  rebillLogisticCost?: number;
  cashbackAmount?: number;
  cashbackDiscount?: number;
  cashbackCommissionChange?: number;
  installmentCofinancingAmount?: number;
}
const WB_MONEY_FIELDS = [
  "retailPrice",
  "retailAmount",
  "retailPriceWithDisc",
  "forPay",
  "acquiringFee",
  "ppvzSalesCommission",
  "vw",
  "vwNds",
  "deliveryService",
  "penalty",
  "additionalPayment",
  "paidStorage",
  "deduction",
  "paidAcceptance",
  "rebillLogisticCost",
  "cashbackAmount",
  "cashbackDiscount",
  "cashbackCommissionChange",
  "installmentCofinancingAmount",
] as const satisfies readonly (keyof WbMoney)[];

/**
 * A line's contribution to its weekly report's bankPaymentSum. The reference (§1.8.1) calls bankPaymentSum
 * "total to be paid" without a formula; our reading of WB's arithmetic: forPay is credited, on lines whose
 * docTypeName is "Возврат" (returns, storno of sales) debited; every charge column is debited
 * (deliveryService, rebillLogisticCost, paidStorage, paidAcceptance, penalty, deduction), additionalPayment
 * is credited as signed. The loyalty columns' signs are not documented either: we treat cashbackAmount and
 * installmentCofinancingAmount as charges to the seller, cashbackDiscount and cashbackCommissionChange as
 * credits to the seller, all outside forPay.
 */
export function wbBankPayment(docTypeName: string, m: WbMoney): number {
  const v = (k: keyof WbMoney) => m[k] ?? 0;
  return (
    (docTypeName === "Возврат" ? -v("forPay") : v("forPay")) -
    v("deliveryService") -
    v("rebillLogisticCost") -
    v("paidStorage") -
    v("paidAcceptance") -
    v("penalty") -
    v("deduction") +
    v("additionalPayment") -
    v("cashbackAmount") +
    v("cashbackDiscount") +
    v("cashbackCommissionChange") -
    v("installmentCofinancingAmount")
  );
}

/** one WB finance line as generated: its JSON and what it means */
export interface WbFinanceLine {
  json: Record<string, unknown>;
  rrDate: string;
  reportId: number;
  /** when WB serves it */
  publishMs: number;
  /** 0: a line without a product */
  nmId: number;
  docTypeName: string;
  money: WbMoney;
  /** its meaning in P&L lines; sums to `bank` (checked by the emulator's tests) */
  pnl: PnlPart;
  unitsSold: number;
  unitsReturned: number;
  bank: number;
}
/** one row of the sales feed as an order line */
interface WbOrderLine {
  saleID: string;
  srid: string;
  nmId: number;
  day: string;
  kind: "sale" | "return";
  /** the first version's lastChangeDate (Moscow wall time): the row exists in the feed from then */
  firstSeenWall: string;
  /** publish moment of its Продажа/Возврат finance line; Infinity when none exists */
  settledMs: number;
  /** a sale: what its order needs (the order moment from the finance line's orderDt, price, warehouse) */
  order?: { orderMs: number; pwd: number; warehouseName: string; fbs: boolean; priceK: number; discount: number };
}
export interface WbReportHeader {
  reportId: number;
  dateFrom: string;
  dateTo: string;
  createDate: string;
  /** when the last of its lines is published: the report is formed then */
  closesMs: number;
  /** kopecks over all its lines */
  sums: Required<WbMoney> & { bank: number; salePercentSum: number; saleLines: number };
}
export interface WbData {
  skus: WbSku[];
  sales: WbSaleRow[];
  /** every finance line ever generated, ordered by rrdId (and so by rrDate) */
  finance: Record<string, unknown>[];
  financeLines: WbFinanceLine[];
  orderLines: WbOrderLine[];
  reports: WbReportHeader[];
  /** orders (statistics orders feed and order feed), see buildWbOrders */
  orders: WbOrder[];
  stocks: Record<string, unknown>[];
  /** FBS stock on the seller's warehouses (stocks-report/seller-warehouses, §6.2.7) */
  sellerStocks: Record<string, unknown>[];
  /** the stocks report per product with WB's lost orders estimate (§6.2.6), one item per card */
  productsReport: Record<string, unknown>[];
  feedbacks: { json: Record<string, unknown>; list: "unanswered" | "answered" | "archive"; createdUnix: number }[];
}

const BRANDS = ["NordLine", "Polar", "Сибирь", "UrbanFox"];
const SUBJECTS: [string, string][] = [
  ["Футболки", "Одежда"],
  ["Худи", "Одежда"],
  ["Кружки", "Дом"],
  ["Бейсболки", "Аксессуары"],
];
const CITIES = ["Казань", "Тверь", "Самара", "Пермь", "Омск"];

type BuildOptions = Required<Omit<DatasetOptions, "endDate">> & { from: string; to: string };

/** every day from `from` to `to`, in order */
function daysOf(range: { from: string; to: string }): string[] {
  const days: string[] = [];
  for (let d = range.from; d <= range.to; d = addDaysIso(d, 1)) days.push(d);
  return days;
}

function buildWb(o: BuildOptions, truth: StaticTruth): WbData {
  const rng = new Random(o.seed * 31 + 1);
  const days = daysOf(o);
  const skus: WbSku[] = [];
  for (let i = 0; i < o.skus; i++) {
    const [subject, category] = SUBJECTS[i % SUBJECTS.length];
    skus.push({
      nmId: 200_000_000 + i * 13 + 7,
      imtId: 180_000_000 + i,
      chrtId: 300_000_000 + i,
      barcode: `204${String(1_000_000_000 + i)}`,
      vendorCode: `WB-ART-${i}`,
      brand: BRANDS[i % BRANDS.length],
      subject,
      category,
      title: `${subject} модель ${i}`,
      techSize: i % 3 === 0 ? "0" : "M",
      priceK: rng.int(500, 6000) * 100,
      discountPercent: rng.pick([0, 10, 25, 45]),
    });
  }
  truth.skuCount = skus.length;
  const fbsNames = CITIES.slice(0, Math.max(0, o.warehouses - 1)).map((c) => `Склад продавца ${c}`);
  const sales: WbSaleRow[] = [];
  const orderLines: WbOrderLine[] = [];
  /** rrDate -> its report and its lines in generation order; lines dated after the data's end do not exist */
  const dayInfo = new Map<
    string,
    { monday: string; sunday: string; reportId: number; createDate: string; publishMs: number; lines: WbFinanceLine[] }
  >();
  let saleCounter = 21_900_000_000;
  let shk = 23_000_000_000;

  /** a finance line; returns it, or null when its rrDate is past the data's end */
  const line = (a: {
    rrDate: string;
    sku: WbSku | null;
    oper: string;
    docTypeName?: "Продажа" | "Возврат" | "";
    quantity?: number;
    money: WbMoney;
    pnl: PnlPart;
    extra?: Record<string, unknown>;
    unitsSold?: number;
    unitsReturned?: number;
  }): WbFinanceLine | null => {
    if (a.rrDate > o.to) return null;
    let day = dayInfo.get(a.rrDate);
    if (!day) {
      const monday = mondayOf(a.rrDate);
      day = {
        monday,
        sunday: addDaysIso(monday, 6),
        reportId: wbReportId(monday),
        createDate: addDaysIso(a.rrDate, 1),
        publishMs: wbFinancePublishMs(a.rrDate),
        lines: [],
      };
      dayInfo.set(a.rrDate, day);
    }
    const s = a.sku;
    const m = a.money;
    const docTypeName = a.docTypeName ?? "";
    const json: Record<string, unknown> = {
      // lines carry their weekly report (Monday–Sunday); createDate is the day the daily report with the
      // line was formed (the reference shows daily reports formed the next day; a weekly report's lines
      // served before the week closes have no other date to show)
      reportId: day.reportId,
      dateFrom: day.monday,
      dateTo: day.sunday,
      createDate: day.createDate,
      currency: "RUB",
      reportType: 1,
      rrDate: a.rrDate,
      rrdId: 0,
      nmId: s ? s.nmId : 0,
      vendorCode: s ? s.vendorCode : "",
      subjectName: s ? s.subject : "",
      brandName: s ? s.brand : "",
      title: s ? s.title : "",
      techSize: s ? s.techSize : "",
      sku: s ? s.barcode : "",
      docTypeName,
      sellerOperName: a.oper,
      quantity: a.quantity ?? 0,
      deliveryAmount: 0,
      returnAmount: 0,
      bonusTypeName: "",
      srid: "",
      retailPrice: rubStr(m.retailPrice ?? 0),
      retailAmount: rubStr(m.retailAmount ?? 0),
      retailPriceWithDisc: rubStr(m.retailPriceWithDisc ?? 0),
      forPay: rubStr(m.forPay ?? 0),
      acquiringFee: rubStr(m.acquiringFee ?? 0),
      ppvzSalesCommission: rubStr(m.ppvzSalesCommission ?? 0),
      vw: rubStr(m.vw ?? 0),
      vwNds: rubStr(m.vwNds ?? 0),
      deliveryService: rubStr(m.deliveryService ?? 0),
      penalty: rubStr(m.penalty ?? 0),
      additionalPayment: rubStr(m.additionalPayment ?? 0),
      paidStorage: rubStr(m.paidStorage ?? 0),
      deduction: rubStr(m.deduction ?? 0),
      paidAcceptance: rubStr(m.paidAcceptance ?? 0),
      rebillLogisticCost: rubStr(m.rebillLogisticCost ?? 0),
      cashbackAmount: rubStr(m.cashbackAmount ?? 0),
      cashbackDiscount: rubStr(m.cashbackDiscount ?? 0),
      cashbackCommissionChange: rubStr(m.cashbackCommissionChange ?? 0),
      installmentCofinancingAmount: rubStr(m.installmentCofinancingAmount ?? 0),
      ...a.extra,
    };
    const l: WbFinanceLine = {
      json,
      rrDate: a.rrDate,
      reportId: day.reportId,
      publishMs: day.publishMs,
      nmId: s ? s.nmId : 0,
      docTypeName,
      money: m,
      pnl: a.pnl,
      unitsSold: a.unitsSold ?? 0,
      unitsReturned: a.unitsReturned ?? 0,
      bank: wbBankPayment(docTypeName, m),
    };
    day.lines.push(l);
    return l;
  };
  /** a line charging one money field, the same amount a cost on one P&L line (a negative amount refunds it) */
  const charge = (
    rrDate: string,
    sku: WbSku | null,
    oper: string,
    field: keyof WbMoney,
    pnlLine: PnlLineName,
    k: number,
    extra?: Record<string, unknown>,
  ) => line({ rrDate, sku, oper, money: { [field]: k }, pnl: { [pnlLine]: -k }, extra });

  let lastSale: { s: WbSku; srid: string } | null = null;
  for (let di = 0; di < days.length; di++) {
    const day = days[di];
    for (const s of skus) {
      const units = rng.chance(0.45) ? rng.int(1, 2) : 0;
      for (let u = 0; u < units; u++) {
        const sec = secondOfDay(rng);
        const fbs = fbsNames.length > 0 && rng.chance(0.2);
        const warehouseName = fbs ? rng.pick(fbsNames) : "Склад WB РФ";
        const pwd = Math.round((s.priceK * (100 - s.discountPercent)) / 100);
        const spp = rng.pick([0, 10, 20, 27]);
        const finished = Math.round((pwd * (100 - spp)) / 100);
        const commissionRate = rng.pick([15, 20, 24.5]);
        const forPay = Math.round((pwd * (100 - commissionRate)) / 100);
        const srid = `${rng.int(10, 99)}.${rng.id(24)}.0.0`;
        const saleID = `S${saleCounter++}`;
        const saleWall = mskWall(day, sec);
        const changeSec = Math.min(sec + rng.int(60, 1800), 86_399);
        const firstChange = mskWall(day, changeSec);
        // §1.6: money may be 0 for up to 24 h; the row re-appears with a newer lastChangeDate
        const fillLater = rng.chance(0.1);
        const fillWall = mskWall(addDaysIso(day, 1), Math.max(0, changeSec - rng.int(0, 3600)));
        const common = {
          date: saleWall,
          warehouseName,
          warehouseType: fbs ? "Склад продавца" : "Склад WB",
          countryName: "Россия",
          oblastOkrugName: "Центральный федеральный округ",
          regionName: "Москва",
          ...wbProductFields(s),
          totalPrice: rub(s.priceK),
          discountPercent: s.discountPercent,
          spp,
          paymentSaleAmount: 0,
          saleID,
          sticker: String(30_918_000_000 + saleCounter),
          gNumber: String(9_082_736_451_000 + saleCounter),
          srid,
        };
        const money = { forPay: rub(forPay), finishedPrice: rub(finished), priceWithDisc: rub(pwd) };
        if (fillLater) {
          sales.push({
            json: { ...common, lastChangeDate: fillWall, ...money },
            lastChangeDate: fillWall,
            stale: { ...common, lastChangeDate: firstChange, forPay: 0, finishedPrice: 0, priceWithDisc: 0 },
          });
        } else {
          sales.push({ json: { ...common, lastChangeDate: firstChange, ...money }, lastChangeDate: firstChange });
        }
        const saleLine: WbOrderLine = {
          saleID,
          srid,
          nmId: s.nmId,
          day,
          kind: "sale",
          firstSeenWall: firstChange,
          settledMs: Infinity,
        };
        orderLines.push(saleLine);
        lastSale = { s, srid };

        // ---- finance: the sale (on the sale day, or the next day for some), its delivery, corrections ----
        const officeName = fbs ? warehouseName : "Склад WB";
        const deliveryMethod = fbs ? "FBS, (МГТ)" : "FBW, (МГТ)";
        const saleDt = mskToUtcIso(day, sec);
        const orderDt = new Date(Date.parse(saleDt) - rng.int(1, 4) * DAY_MS - rng.int(0, 40_000) * 1000)
          .toISOString()
          .replace(/\.\d{3}Z$/, "Z");
        const ids = { officeName, deliveryMethod, srid };
        saleLine.order = {
          orderMs: Date.parse(orderDt),
          pwd,
          warehouseName,
          fbs,
          priceK: s.priceK,
          discount: s.discountPercent,
        };
        // acquiring is INSIDE the retailPriceWithDisc − forPay gap (§3 cashflows: "already inside the forPay
        // gap"); ppvzSalesCommission is the rest of the gap, vw/vwNds its split without VAT / VAT
        const acquiring = Math.round(finished * 0.021);
        const gap = pwd - forPay;
        const commissionNet = gap - acquiring;
        const vw = Math.round(commissionNet / 1.2);
        const saleMoney: WbMoney = {
          retailPrice: s.priceK,
          retailAmount: finished,
          retailPriceWithDisc: pwd,
          forPay,
          acquiringFee: acquiring,
          ppvzSalesCommission: commissionNet,
          vw,
          vwNds: commissionNet - vw,
        };
        const saleExtra = {
          ...ids,
          commissionPercent: commissionRate,
          spp,
          salePercent: s.discountPercent,
          acquiringPercent: 2.1,
          acquiringBank: "Вайлдберриз Банк",
          orderDt,
          saleDt,
          shkId: shk++,
        };
        const salePnl: PnlPart = { sales: pwd, commission: -commissionNet, acquiring: -acquiring };
        /**
         * This sale (or its return) posted again on rrDate: a storno taking back `pnl` and one unit, then
         * the correct line posting them again; each as [sellerOperName, docTypeName].
         */
        const repost = (
          rrDate: string,
          storno: [string, "Продажа" | "Возврат"],
          correct: [string, "Продажа" | "Возврат"],
          pnl: PnlPart,
          units: "unitsSold" | "unitsReturned",
        ) => {
          const taken = Object.fromEntries(Object.entries(pnl).map(([k, v]) => [k, 0 - v])) as PnlPart;
          for (const [[oper, docTypeName], linePnl, n] of [
            [storno, taken, -1],
            [correct, pnl, 1],
          ] as const)
            line({
              rrDate,
              sku: s,
              oper,
              docTypeName,
              quantity: 1,
              money: saleMoney,
              pnl: linePnl,
              extra: saleExtra,
              [units]: n,
            });
        };
        const rr = rng.chance(0.25) ? addDaysIso(day, 1) : day;
        // loyalty programmes on some sale lines (signs: see wbBankPayment)
        const loyalty: WbMoney = {};
        if (rng.chance(0.08)) {
          loyalty.cashbackAmount = Math.round(finished * 0.03);
          if (rng.chance(0.5)) loyalty.cashbackDiscount = Math.round(finished * 0.01);
          if (rng.chance(0.5)) loyalty.cashbackCommissionChange = Math.round(loyalty.cashbackAmount * 0.1);
        }
        if (rng.chance(0.04)) loyalty.installmentCofinancingAmount = Math.round(pwd * 0.02);
        const loyaltyK =
          -(loyalty.cashbackAmount ?? 0) +
          (loyalty.cashbackDiscount ?? 0) +
          (loyalty.cashbackCommissionChange ?? 0) -
          (loyalty.installmentCofinancingAmount ?? 0);
        const sold = line({
          rrDate: rr,
          sku: s,
          oper: "Продажа",
          docTypeName: "Продажа",
          quantity: 1,
          money: { ...saleMoney, ...loyalty },
          pnl: loyaltyK !== 0 ? { ...salePnl, loyalty: loyaltyK } : salePnl,
          extra: saleExtra,
          unitsSold: 1,
        });
        if (sold) saleLine.settledMs = sold.publishMs;
        const logistics = rng.int(4000, 15000);
        const toBuyer = { ...ids, deliveryAmount: 1, bonusTypeName: "К клиенту при продаже" };
        const logisticsLine = charge(rr, s, "Логистика", "deliveryService", "logistics", logistics, toBuyer);
        if (logisticsLine && rng.chance(0.03)) {
          // a charge reversed ("Логистика сторно", negative deliveryService) and charged again
          const rr2 = addDaysIso(rr, rng.int(1, 2));
          const again = rng.int(4000, 15000);
          charge(rr2, s, "Логистика сторно", "deliveryService", "logistics", -logistics, toBuyer);
          charge(rr2, s, "Логистика", "deliveryService", "logistics", again, toBuyer);
        }
        if (logisticsLine && rng.chance(0.05)) {
          const k = rng.chance(0.5) ? rng.int(100, 2000) : -rng.int(100, 2000);
          charge(addDaysIso(rr, 1), s, "Коррекция логистики", "deliveryService", "logistics", k, {
            ...ids,
            bonusTypeName: "К клиенту при продаже",
          });
        }
        if (sold && rng.chance(0.02)) {
          // a price correction of the sale: the reference does not show its shape; we model it as a
          // "Продажа"-typed line with quantity 0 whose retailPriceWithDisc and forPay carry the signed change
          const x = (rng.chance(0.5) ? 1 : -1) * Math.max(100, Math.round(pwd * 0.05));
          const fp = Math.round((x * (100 - commissionRate)) / 100);
          line({
            rrDate: addDaysIso(rr, rng.int(1, 3)),
            sku: s,
            oper: "Коррекция продаж",
            docTypeName: "Продажа",
            money: { retailPriceWithDisc: x, forPay: fp, ppvzSalesCommission: x - fp },
            pnl: { sales: x, commission: -(x - fp) },
            extra: { ...ids, commissionPercent: commissionRate, saleDt, orderDt },
          });
        }
        if (sold && rng.chance(0.02)) {
          // a sale posted again: "Сторно продаж" (we type it "Возврат": it takes the sale back, forPay is
          // debited; unsure, the reference only names it) and "Корректная продажа" re-posting it
          repost(
            addDaysIso(rr, rng.int(2, 4)),
            ["Сторно продаж", "Возврат"],
            ["Корректная продажа", "Продажа"],
            salePnl,
            "unitsSold",
          );
        }

        // ---- a return a few days later: an R row, the return line, its logistics, maybe compensation ----
        const returnDay = addDaysIso(day, rng.int(1, 4));
        if (rng.chance(0.1) && returnDay <= o.to) {
          const rsec = rng.int(600, 80_000);
          const rWall = mskWall(returnDay, rsec);
          const rChange = mskWall(returnDay, Math.min(rsec + 900, 86_399));
          const rID = `R${saleCounter++}`;
          sales.push({
            lastChangeDate: rChange,
            json: {
              ...common,
              date: rWall,
              lastChangeDate: rChange,
              totalPrice: -rub(s.priceK),
              forPay: -rub(forPay),
              finishedPrice: -rub(finished),
              priceWithDisc: -rub(pwd),
              saleID: rID,
            },
          });
          const returnLine: WbOrderLine = {
            saleID: rID,
            srid,
            nmId: s.nmId,
            day: returnDay,
            kind: "return",
            firstSeenWall: rChange,
            settledMs: Infinity,
          };
          orderLines.push(returnLine);
          const returnPnl: PnlPart = { returns: -pwd, commission: commissionNet, acquiring };
          const back = line({
            rrDate: returnDay,
            sku: s,
            oper: "Возврат",
            docTypeName: "Возврат",
            quantity: 1,
            money: saleMoney,
            pnl: returnPnl,
            extra: { ...saleExtra, saleDt: mskToUtcIso(returnDay, rsec) },
            unitsReturned: 1,
          });
          if (back) returnLine.settledMs = back.publishMs;
          const rl = rng.int(3000, 9000);
          charge(returnDay, s, "Логистика", "deliveryService", "logistics", rl, {
            ...ids,
            returnAmount: 1,
            bonusTypeName: "От клиента при возврате",
          });
          if (back && rng.chance(0.2)) {
            const c = Math.round(pwd * 0.1);
            line({
              rrDate: addDaysIso(returnDay, rng.int(0, 1)),
              sku: s,
              oper: "Добровольная компенсация при возврате",
              money: { forPay: c },
              pnl: { compensations: c },
              extra: ids,
            });
          }
          if (back && rng.chance(0.03)) {
            // a return posted again: "Сторно возвратов" (typed "Продажа": forPay credited back; unsure) and
            // "Корректный возврат"
            const again = addDaysIso(returnDay, rng.int(1, 3));
            repost(
              again,
              ["Сторно возвратов", "Продажа"],
              ["Корректный возврат", "Возврат"],
              returnPnl,
              "unitsReturned",
            );
          }
        }
      }
    }
    // ---- store-level lines and the rare ones ----
    const storage = rng.int(5000, 50_000);
    charge(day, null, "Хранение", "paidStorage", "storage", storage);
    if (di > 0 && new Date(`${day}T00:00:00Z`).getUTCDay() === 1) {
      const k = rng.chance(0.5) ? rng.int(100, 3000) : -rng.int(100, 3000);
      charge(day, null, "Пересчет хранения", "paidStorage", "storage", k);
    }
    if (di % 3 === 0) {
      const k = rng.int(50_000, 300_000);
      charge(day, null, "Удержание", "deduction", "advertising", k, {
        bonusTypeName: `Оказание услуг «ВБ.Продвижение», документ №${rng.int(10_000_000, 99_999_999)}`,
      });
    }
    if (di % 7 === 4) {
      const k = rng.int(2000, 20_000);
      charge(day, null, "Платная приемка", "paidAcceptance", "acceptance", k);
    }
    if (di === 1) {
      // a loan repayment: money the seller owes, so it is in bankPaymentSum; P&L keeps it in deductions_other
      charge(day, null, "Удержание", "deduction", "deductions_other", 1_000_000, {
        bonusTypeName: "Погашение задолженности",
      });
      charge(day, null, "Удержание", "deduction", "deductions_other", 12_345, { bonusTypeName: "Прочие удержания" });
      charge(day, null, "Платная приемка", "paidAcceptance", "acceptance", 7_500);
    }
    if (di === 2 && lastSale) {
      charge(day, lastSale.s, "Штраф", "penalty", "penalties", 30_000, {
        bonusTypeName: "Штраф МП. Невыполненный заказ (отмена клиентом после недовоза)",
        srid: lastSale.srid,
      });
      charge(day, null, "Штраф", "penalty", "penalties", 25_000, {
        bonusTypeName: "Платное хранение возвратов на ПВЗ более 3 дней",
      });
      // goods lost at a WB warehouse: a product, but no order, so no srid (our reading)
      line({
        rrDate: day,
        sku: lastSale.s,
        oper: "Компенсация ущерба",
        money: { forPay: 45_000 },
        pnl: { compensations: 45_000 },
      });
    }
    if (di === 3) {
      charge(
        day,
        null,
        "Возмещение издержек по перевозке/по складским операциям с товаром",
        "rebillLogisticCost",
        "logistics",
        3_400,
        { rebillLogisticOrg: "ИП Иванов Иван Иванович(123456789012)" },
      );
    }
  }

  // finance: one rrdId sequence in rrDate order
  let rrd = 3_320_000_000;
  const financeLines: WbFinanceLine[] = [];
  for (const day of days) for (const l of dayInfo.get(day)?.lines ?? []) financeLines.push(l);
  for (const l of financeLines) l.json.rrdId = rrd++;
  // weekly report headers, summed over their lines
  const reportsById = new Map<number, WbReportHeader>();
  for (const l of financeLines) {
    let r = reportsById.get(l.reportId);
    if (!r) {
      const monday = mondayOf(l.rrDate);
      const sums = Object.fromEntries(WB_MONEY_FIELDS.map((f) => [f, 0])) as Required<WbMoney>;
      r = {
        reportId: l.reportId,
        dateFrom: monday,
        dateTo: addDaysIso(monday, 6),
        createDate: addDaysIso(monday, 7),
        closesMs: wbFinancePublishMs(addDaysIso(monday, 6)),
        sums: { ...sums, bank: 0, salePercentSum: 0, saleLines: 0 },
      };
      reportsById.set(l.reportId, r);
    }
    const sign = l.docTypeName === "Возврат" ? -1 : 1;
    for (const f of WB_MONEY_FIELDS) {
      const v = l.money[f] ?? 0;
      // forPay and retailAmount sums are net of returns, as bankPaymentSum is
      r.sums[f] += f === "forPay" || f === "retailAmount" ? sign * v : v;
    }
    r.sums.bank += l.bank;
    if (l.json.sellerOperName === "Продажа") {
      r.sums.salePercentSum += Number(l.json.salePercent ?? 0);
      r.sums.saleLines += 1;
    }
  }
  const finance = financeLines.map((l) => l.json);

  const stocks = skus.map((s) => {
    const item = {
      nmId: s.nmId,
      chrtId: s.chrtId,
      warehouseId: -999999,
      warehouseName: "Склад WB",
      regionName: "Склад WB",
      quantity: rng.int(0, 300),
      inWayToClient: rng.int(0, 20),
      inWayFromClient: rng.int(0, 5),
    };
    // the wb-warehouses report states no inbound supplies
    truth.stock.set(String(s.nmId), {
      onHand: item.quantity,
      inTransit: 0,
      toClient: item.inWayToClient,
      fromClient: item.inWayFromClient,
    });
    return item;
  });

  const feedbacks: WbData["feedbacks"] = [];
  for (const s of skus) {
    const n = rng.int(0, 2);
    let previousId: string | null = null;
    let previous: Record<string, unknown> | null = null;
    for (let i = 0; i < n; i++) {
      const day = rng.pick(days);
      const sec = rng.int(0, 86_399);
      const id = rng.id(20);
      const state = rng.pick(["none", "none", "wbRu", "reviewRequired", "rejected"] as const);
      const answer = state === "none" ? null : { text: "Спасибо за отзыв!", state, editable: false };
      const photos = rng.chance(0.3)
        ? [{ fullSize: `https://feedback.example/${id}/fs.webp`, miniSize: `https://feedback.example/${id}/ms.webp` }]
        : null;
      const video = !photos && rng.chance(0.1) ? { previewImage: "p.webp", link: "v.m3u8", durationSec: 9 } : null;
      const isSupplement = previousId !== null && rng.chance(0.5);
      const json: Record<string, unknown> = {
        id,
        text: rng.chance(0.8) ? "Хорошее качество" : "",
        pros: rng.chance(0.5) ? "Цена" : "",
        cons: "",
        productValuation: rng.int(1, 5),
        createdDate: `${mskWall(day, sec)}+03:00`,
        answer,
        state: answer ? "wbRu" : "none",
        productDetails: {
          imtId: s.imtId,
          nmId: s.nmId,
          productName: s.title,
          supplierArticle: s.vendorCode,
          brandName: s.brand,
          size: s.techSize,
        },
        video,
        wasViewed: true,
        photoLinks: photos,
        userName: "Покупатель",
        orderStatus: "buyout",
        matchingSize: "ok",
        subjectName: s.subject,
        parentFeedbackId: isSupplement ? previousId : null,
        childFeedbackId: null,
      };
      if (isSupplement && previous) previous.childFeedbackId = id;
      const list = !answer ? "unanswered" : rng.chance(0.5) ? "answered" : "archive";
      feedbacks.push({
        json,
        list,
        createdUnix: Math.floor((Date.parse(`${day}T00:00:00Z`) + sec * 1000 - MSK_OFFSET_MS) / 1000),
      });
      truth.reviews.set(id, {
        sku: String(s.nmId),
        rating: json.productValuation as number,
        hasMedia: Boolean(photos || video),
        replyStatus:
          state === "none"
            ? "unanswered"
            : state === "wbRu"
              ? "answered"
              : state === "reviewRequired"
                ? "pending"
                : "rejected",
        parentReviewId: isSupplement ? previousId : null,
      });
      previousId = id;
      previous = json;
    }
  }
  return {
    skus,
    sales: sales.sort((a, b) =>
      a.lastChangeDate < b.lastChangeDate ? -1 : a.lastChangeDate > b.lastChangeDate ? 1 : 0,
    ),
    finance,
    financeLines,
    orderLines,
    reports: [...reportsById.values()].sort((a, b) => (a.dateFrom < b.dateFrom ? -1 : 1)),
    orders: buildWbOrders(o, skus, orderLines, fbsNames),
    stocks,
    sellerStocks: buildWbSellerStocks(o, skus, fbsNames, truth),
    productsReport: buildWbProductsReport(o, skus, stocks),
    feedbacks,
  };
}

/**
 * The stocks report per product (§6.2.6): every field of the reference's item, with WB's special values
 * on some cards: lostOrders* -2 (zero) on the second card, -1 / -3 (not computed) on the third, and
 * officeMissingTime -4 (absent the whole period) where nothing is on hand. Its own random stream: the
 * rest of the world does not move when this report changes.
 */
function buildWbProductsReport(o: BuildOptions, skus: WbSku[], stocks: Record<string, unknown>[]) {
  const rng = new Random(o.seed * 31 + 5);
  return skus.map((s, i) => {
    const stock = stocks[i] as { quantity: number; inWayToClient: number; inWayFromClient: number };
    const orders = rng.int(0, 300);
    const pwd = Math.round((s.priceK * (100 - s.discountPercent)) / 100);
    const lostCount = Math.round(rng.next() * 4000) / 100;
    const buyoutCount = Math.round(orders * 0.8);
    const lost =
      i % 4 === 1
        ? { lostOrdersCount: -2, lostOrdersSum: -2, lostBuyoutsCount: -2, lostBuyoutsSum: -2 }
        : i % 4 === 2
          ? { lostOrdersCount: -1, lostOrdersSum: -3, lostBuyoutsCount: -1, lostBuyoutsSum: -3 }
          : {
              lostOrdersCount: lostCount,
              lostOrdersSum: Math.round(lostCount * pwd) / 100,
              lostBuyoutsCount: Math.round(lostCount * 80) / 100,
              lostBuyoutsSum: Math.round(lostCount * pwd * 0.8) / 100,
            };
    const monthStart = `${o.to.slice(0, 7)}-01`;
    return {
      nmID: s.nmId,
      isDeleted: false,
      subjectName: s.subject,
      name: s.title,
      vendorCode: s.vendorCode,
      brandName: s.brand,
      mainPhoto: `https://basket-12.wbbasket.ru/vol${s.nmId % 10_000}/images/big/1.webp`,
      hasSizes: s.techSize !== "0",
      metrics: {
        ordersCount: orders,
        ordersSum: Math.round((orders * pwd) / 100),
        avgOrders: Math.round((orders / 28) * 100) / 100,
        avgOrdersByMonth: [{ start: monthStart, end: o.to, value: Math.round((orders / 28) * 10) / 10 }],
        buyoutCount,
        buyoutSum: Math.round((buyoutCount * pwd) / 100),
        buyoutPercent: orders === 0 ? 0 : Math.round((buyoutCount / orders) * 100),
        stockCount: stock.quantity,
        stockSum: Math.round((stock.quantity * pwd) / 100),
        saleRate:
          orders === 0 ? { days: 0, hours: -1 } : { days: Math.floor((stock.quantity * 28) / orders), hours: 0 },
        avgStockTurnover: { days: rng.int(1, 60), hours: rng.int(0, 23) },
        toClientCount: stock.inWayToClient,
        fromClientCount: stock.inWayFromClient,
        officeMissingTime:
          stock.quantity === 0 ? { days: 0, hours: -4 } : { days: rng.int(0, 5), hours: rng.int(0, 23) },
        ...lost,
        currentPrice: { minPrice: Math.round(pwd / 100), maxPrice: Math.round(pwd / 100) },
        availability: rng.pick(["deficient", "actual", "balanced", "nonActual", "nonLiquid"]),
      },
    };
  });
}

// ---------- WB orders ----------
/**
 * Buyer districts as the statistics orders feed names them (oblastOkrugName) and as the order feed does
 * (destinationDistrict, no suffix; §6.2.10 item 5), with a region and a city in each. Outside Russia
 * the statistics feed leaves the district empty and the order feed names the country.
 */
const WB_BUYER_PLACES: { country: string; okrug: string; district: string; region: string; city: string }[] = [
  {
    country: "Россия",
    okrug: "Центральный федеральный округ",
    district: "Центральный",
    region: "Москва",
    city: "Москва",
  },
  {
    country: "Россия",
    okrug: "Центральный федеральный округ",
    district: "Центральный",
    region: "Тверская",
    city: "Тверь",
  },
  {
    country: "Россия",
    okrug: "Приволжский федеральный округ",
    district: "Приволжский",
    region: "Республика Татарстан",
    city: "Казань",
  },
  {
    country: "Россия",
    okrug: "Северо-Западный федеральный округ",
    district: "Северо-Западный",
    region: "Санкт-Петербург",
    city: "Санкт-Петербург",
  },
  { country: "Россия", okrug: "Сибирский федеральный округ", district: "Сибирский", region: "Омская", city: "Омск" },
  { country: "Казахстан", okrug: "", district: "Казахстан", region: "Алматы", city: "Алматы" },
];

/** One WB order (one unit, one srid) and the moments its state changes. */
export interface WbOrder {
  srid: string;
  nmId: number;
  /** the moment it was placed (UTC ms) and its Moscow day */
  orderMs: number;
  day: string;
  /** kopecks: seller price after the seller's discount (priceWithDisc = sellerPrice: no WB Club here) */
  pwd: number;
  priceK: number;
  discount: number;
  spp: number;
  warehouseName: string;
  fbs: boolean;
  place: (typeof WB_BUYER_PLACES)[number];
  /** the statistics row exists from this moment (its first lastChangeDate) */
  firstChangeMs: number;
  /** cancelled at (the row comes again with isCancel and a new lastChangeDate); null: never */
  cancelMs: number | null;
  cancelType: "app" | "receipt" | "expire";
  /** bought out: the moment its sales-feed S row appears; null: never within the data */
  buyoutMs: number | null;
  /** returned: the moment its R row appears */
  returnMs: number | null;
  /** publish moment of the finance line that settles its sale; Infinity when none */
  saleSettledMs: number;
  sticker: string;
  gNumber: string;
}

const wallMs = (wall: string) => Date.parse(`${wall}Z`) - MSK_OFFSET_MS;

/**
 * WB orders, from their own random stream so the rest of the world is unchanged: one per unit sold
 * (placed at the orderDt its finance line states; orders placed before the data's first day are not
 * part of it), plus orders cancelled before receipt (the cancellation lands minutes to three days after
 * the order, so a sync can see the order open first), plus orders of the last days still on their way.
 */
function buildWbOrders(o: BuildOptions, skus: WbSku[], lines: WbOrderLine[], fbsNames: string[]): WbOrder[] {
  const rng = new Random(o.seed * 31 + 3);
  const firstMs = mskMs(o.from);
  const bySku = new Map(skus.map((s) => [s.nmId, s]));
  const returns = new Map(lines.filter((l) => l.kind === "return").map((l) => [l.srid, wallMs(l.firstSeenWall)]));
  let counter = 30_000_000;
  const orders: WbOrder[] = [];
  const make = (a: {
    srid?: string;
    s: WbSku;
    orderMs: number;
    pwd: number;
    warehouseName: string;
    fbs: boolean;
    cancelMs?: number | null;
    buyoutMs?: number | null;
    returnMs?: number | null;
    saleSettledMs?: number;
  }) => {
    counter++;
    orders.push({
      srid: a.srid ?? `${rng.int(10, 99)}.o${rng.id(23)}.0.0`,
      nmId: a.s.nmId,
      orderMs: a.orderMs,
      day: mskWallOfMs(a.orderMs).slice(0, 10),
      pwd: a.pwd,
      priceK: a.s.priceK,
      discount: a.s.discountPercent,
      spp: rng.pick([0, 10, 20, 27]),
      warehouseName: a.warehouseName,
      fbs: a.fbs,
      place: rng.pick(WB_BUYER_PLACES),
      firstChangeMs: a.orderMs + rng.int(60, 1800) * 1000,
      cancelMs: a.cancelMs ?? null,
      cancelType: rng.pick(["app", "receipt", "expire"] as const),
      buyoutMs: a.buyoutMs ?? null,
      returnMs: a.returnMs ?? null,
      saleSettledMs: a.saleSettledMs ?? Infinity,
      sticker: String(31_000_000_000 + counter),
      gNumber: String(7_000_000_000_000 + counter),
    });
  };
  for (const l of lines) {
    if (l.kind !== "sale" || !l.order || l.order.orderMs < firstMs) continue;
    make({
      srid: l.srid,
      s: bySku.get(l.nmId)!,
      orderMs: l.order.orderMs,
      pwd: l.order.pwd,
      warehouseName: l.order.warehouseName,
      fbs: l.order.fbs,
      buyoutMs: wallMs(l.firstSeenWall),
      returnMs: returns.get(l.srid) ?? null,
      saleSettledMs: l.settledMs,
    });
  }
  const lastDays = new Set([0, 1, 2, 3].map((n) => addDaysIso(o.to, -n)));
  for (let day = o.from; day <= o.to; day = addDaysIso(day, 1)) {
    for (const s of skus) {
      const cancelled = rng.chance(0.06);
      const open = !cancelled && lastDays.has(day) && rng.chance(0.1);
      if (!cancelled && !open) continue;
      const orderMs = mskMs(day, secondOfDay(rng));
      const fbs = fbsNames.length > 0 && rng.chance(0.2);
      make({
        s,
        orderMs,
        pwd: Math.round((s.priceK * (100 - s.discountPercent)) / 100),
        warehouseName: fbs ? rng.pick(fbsNames) : "Склад WB РФ",
        fbs,
        cancelMs: cancelled ? orderMs + rng.int(1800, 3 * 86_400) * 1000 : null,
      });
    }
  }
  return orders.sort((a, b) => a.orderMs - b.orderMs);
}

/**
 * Seller-warehouse stock, from its own random stream: each SKU on some of the seller's warehouses, some
 * rows with nothing left (a stock-out); real warehouse ids and names (§6.2.7). Adds to the SKU's stock truth.
 */
function buildWbSellerStocks(o: BuildOptions, skus: WbSku[], fbsNames: string[], truth: StaticTruth) {
  const rng = new Random(o.seed * 31 + 4);
  const items: Record<string, unknown>[] = [];
  for (const s of skus) {
    fbsNames.forEach((name, k) => {
      if (!rng.chance(0.6)) return;
      const quantity = rng.chance(0.2) ? 0 : rng.int(1, 60);
      items.push({
        nmId: s.nmId,
        chrtId: s.chrtId,
        warehouseId: 1_148_551 + k,
        warehouseName: name,
        regionName: "Приволжский",
        quantity,
      });
      const t = truth.stock.get(String(s.nmId))!;
      t.onHand += quantity;
    });
  }
  return items;
}

/** The product fields a WB statistics row (sales, orders) carries; `incomeID` 0 for an FBS order. */
function wbProductFields(s: WbSku, incomeID = 28_760_331) {
  return {
    supplierArticle: s.vendorCode,
    nmId: s.nmId,
    barcode: s.barcode,
    category: s.category,
    subject: s.subject,
    brand: s.brand,
    techSize: s.techSize,
    incomeID,
    isSupply: false,
    isRealization: true,
  };
}

/** the statistics orders row of an order as WB serves it at `atMs` (§1.5) */
export function wbOrderRow(order: WbOrder, s: WbSku, atMs: number): Record<string, unknown> {
  const cancelled = order.cancelMs !== null && order.cancelMs <= atMs;
  const finished = Math.round((order.pwd * (100 - order.spp)) / 100);
  return {
    date: mskWallOfMs(order.orderMs),
    lastChangeDate: mskWallOfMs(cancelled ? order.cancelMs! : order.firstChangeMs),
    warehouseName: order.warehouseName,
    warehouseType: order.fbs ? "Склад продавца" : "Склад WB",
    countryName: order.place.country,
    oblastOkrugName: order.place.okrug,
    regionName: order.place.region,
    ...wbProductFields(s, order.fbs ? 0 : 28_760_331),
    totalPrice: rub(order.priceK),
    discountPercent: order.discount,
    spp: order.spp,
    finishedPrice: rub(finished),
    priceWithDisc: rub(order.pwd),
    isCancel: cancelled,
    cancelDate: cancelled ? mskWallOfMs(order.cancelMs!) : "0001-01-01T00:00:00",
    sticker: order.sticker,
    gNumber: order.gNumber,
    srid: order.srid,
  };
}

/** the order's status in the order feed at `atMs` and the moment that status began (§6.2.5) */
export function wbOrderStatusAt(order: WbOrder, atMs: number): { status: string; sinceMs: number } | null {
  if (order.orderMs > atMs) return null;
  if (order.cancelMs !== null && order.cancelMs <= atMs) return { status: "cancel", sinceMs: order.cancelMs };
  if (order.returnMs !== null && order.returnMs <= atMs) return { status: "return", sinceMs: order.returnMs };
  if (order.buyoutMs !== null && order.buyoutMs <= atMs) return { status: "buyout", sinceMs: order.buyoutMs };
  return { status: "created", sinceMs: order.orderMs };
}

/** the order feed row of an order at `atMs` (masked WB warehouse, §6.2.9) */
export function wbOrderFeedRow(order: WbOrder, s: WbSku, atMs: number): Record<string, unknown> | null {
  const state = wbOrderStatusAt(order, atMs);
  if (!state) return null;
  const withOffset = (ms: number) => `${mskWallOfMs(ms)}+03:00`;
  return {
    nmId: s.nmId,
    chrtId: s.chrtId,
    srid: order.srid,
    createdAt: withOffset(order.orderMs),
    updatedAt: withOffset(state.sinceMs),
    status: state.status,
    ...(state.status === "cancel" ? { cancelType: order.cancelType } : {}),
    warehouseName: order.fbs ? order.warehouseName : "Склад WB",
    warehouseRegion: order.fbs ? "Приволжский" : "",
    isMp: order.fbs,
    destinationCity: order.place.city,
    destinationDistrict: order.place.district,
    sellerPrice: rub(order.pwd),
    isB2b: false,
  };
}

// ---------- Ozon ----------
export interface OzonSku {
  sku: number;
  productId: number;
  offerId: string;
  name: string;
  priceK: number;
  barcode: string;
}
export interface OzonPosting {
  schema: "FBO" | "FBS";
  inProcessAt: string;
  inProcessMs: number;
  /** as served once its fate is known (delivered / cancelled); the server shows it in transit before */
  json: Record<string, unknown>;
  cancelled: boolean;
  /** the moment it is delivered (and accrued); null: never within the data */
  deliveredMs: number | null;
}
/** one Ozon accrual as generated: its JSON and what it means */
export interface OzonAccrual {
  json: Record<string, unknown>;
  date: string;
  /** when by-day serves it: the delivery moment for POSTING/ITEM accruals, midday for NON_ITEM */
  publishMs: number;
  /** 0: account level (NON_ITEM) */
  sku: number;
  pnl: PnlPart;
  unitsSold: number;
  unitsReturned: number;
  total: number;
  unknownType?: string;
}
interface OzonOrderLine {
  key: string;
  postingNumber: string;
  sku: number;
  day: string;
  base: "sale" | "cancellation" | "return";
  qty: number;
  visibleMs: number;
  /** a sale turns from "order" into "sale" at this moment; null: never */
  deliveredMs: number | null;
  settledMs: number;
  /** where it ships from and its value (kopecks, price x quantity); absent on return pseudo-lines */
  order?: { schema: "FBO" | "FBS"; warehouseId: number; valueK: number };
  /** one unit of it is returned at this moment (its return accrual); null: never */
  returnMs?: number | null;
}
export interface OzonCashFlow {
  id: string;
  begin: string;
  end: string;
  /** kopecks, from the period's accruals */
  orders: number;
  returns: number;
  commission: number;
  delivery: number;
  services: number;
  payment: number;
}
export interface OzonData {
  skus: OzonSku[];
  postings: OzonPosting[];
  /** date -> accruals ordered by accrual_id (bigint kept as a string) */
  accruals: Map<string, Record<string, unknown>[]>;
  accrualList: OzonAccrual[];
  /** date -> its accruals (generated), ordered by accrual_id */
  accrualsByDay: Map<string, OzonAccrual[]>;
  orderLines: OzonOrderLine[];
  accrualTypes: { id: number; name: string; description: string }[];
  fboStocks: Record<string, unknown>[];
  fbsStocks: Record<string, unknown>[];
  reviews: Record<string, unknown>[];
  cashFlows: OzonCashFlow[];
  /** /v2/cluster/list: one macro-local cluster per FBO warehouse here, plus one with a warehouse we never stock */
  clusters: Record<string, unknown>[];
  /** FBO warehouse id -> macrolocal_cluster_id (the truth of the cluster map) */
  clusterOfWarehouse: Map<string, string>;
  /**
   * local-sale items-clusters rows (§6.4.5, beta): Ozon's recommended supply per SKU and delivery
   * cluster, for every SKU x cluster of the list; the same figures whatever period is asked
   */
  localSale: Record<string, unknown>[];
}
/** 2^53 + 1: the id that proves big integers survive the whole path */
export const BIG_ACCRUAL_ID = "9007199254740993";

const money = (k: number) => ({ amount: rubStr(k), currency: "RUB" });

function buildOzon(o: BuildOptions, truth: StaticTruth): OzonData {
  const rng = new Random(o.seed * 31 + 2);
  const days = daysOf(o);
  const skus: OzonSku[] = [];
  for (let i = 0; i < o.skus; i++) {
    skus.push({
      sku: 1_488_300_000 + i * 3,
      productId: 700_000_000 + i,
      offerId: `OZ-${i}`,
      name: `Товар Ozon ${i}`,
      priceK: rng.int(300, 5000) * 100,
      barcode: `460${String(1_000_000_000 + i)}`,
    });
  }
  truth.skuCount = skus.length;
  const fboWarehouses = Array.from({ length: Math.max(1, o.warehouses - 1) }, (_, k) => ({
    id: 1_020_001_835_658_000 + k * 1000,
    name: `РФЦ_${k}`,
    cluster: `Кластер ${k}`,
    macrolocal: 100 + k,
  }));
  // the cluster list (§6.4.2): each FBO warehouse's cluster, and a cluster whose warehouse holds nothing of ours;
  // its warehouse names differ from the stock report's on purpose: the map goes by id
  const clusters = [
    ...fboWarehouses.map((w) => ({
      macrolocal_cluster_id: w.macrolocal,
      data: {
        macrolocal_cluster: { name: w.cluster, country: { name: "Россия", uid: "RU" } },
        fulfillments: [{ warehouse_id: w.id, name: `${w.name} (кластер)` }],
      },
    })),
    {
      macrolocal_cluster_id: 199,
      data: {
        macrolocal_cluster: { name: "Дальний кластер", country: { name: "Россия", uid: "RU" } },
        fulfillments: [{ warehouse_id: 1_020_009_999_999_000, name: "ДАЛЬНИЙ_РФЦ" }],
      },
    },
  ];
  const clusterOfWarehouse = new Map<string, string>([
    ...fboWarehouses.map((w): [string, string] => [String(w.id), String(w.macrolocal)]),
    ["1020009999999000", "199"],
  ]);
  const fbsWarehouse = { id: 23_000_000_001, name: "Мой склад Ozon" };
  const postings: OzonPosting[] = [];
  const accrualList: OzonAccrual[] = [];
  const orderLines: OzonOrderLine[] = [];
  let order = 39_127_000_000;
  let accrualId = 90_801_122_334;
  const accrue = (
    a: Omit<OzonAccrual, "json" | "unitsSold" | "unitsReturned"> & {
      category: "POSTING" | "ITEM" | "NON_ITEM";
      unit: string;
      body: Record<string, unknown>;
      id?: string;
      unitsSold?: number;
      unitsReturned?: number;
    },
  ): OzonAccrual => {
    const acc: OzonAccrual = {
      json: {
        accrual_id: a.id ?? String(accrualId++),
        date: a.date,
        accrued_category: a.category,
        unit_number: a.unit,
        total_amount: money(a.total),
        ...a.body,
      },
      date: a.date,
      publishMs: a.publishMs,
      sku: a.sku,
      pnl: a.pnl,
      unitsSold: a.unitsSold ?? 0,
      unitsReturned: a.unitsReturned ?? 0,
      total: a.total,
      unknownType: a.unknownType,
    };
    accrualList.push(acc);
    return acc;
  };

  for (let di = 0; di < days.length; di++) {
    const day = days[di];
    for (const s of skus) {
      const count = rng.chance(0.4) ? rng.int(1, 2) : 0;
      for (let p = 0; p < count; p++) {
        const sec = secondOfDay(rng);
        const inProcessMs = mskMs(day, sec);
        const inProcessAt = new Date(inProcessMs).toISOString();
        const schema: "FBO" | "FBS" = rng.chance(0.75) ? "FBO" : "FBS";
        const r = rng.next();
        const qty = r < 0.8 ? 1 : r < 0.95 ? 2 : 3;
        const cancelled = rng.chance(0.1);
        // delivered 1–5 days after the order, at a daytime moment; after the data's end it is still on its way
        const deliveryDay = addDaysIso(day, rng.int(1, 5));
        const deliveredMs = !cancelled && deliveryDay <= o.to ? mskMs(deliveryDay, rng.int(8 * 3600, 21 * 3600)) : null;
        const orderId = order++;
        const postingNumber = `${orderId}-0${rng.int(100, 999)}-1`;
        const priceK = s.priceK;
        const wh = schema === "FBO" ? rng.pick(fboWarehouses) : fbsWarehouse;
        const status = cancelled ? "cancelled" : deliveredMs !== null ? "delivered" : "delivering";
        const json: Record<string, unknown> = {
          posting_number: postingNumber,
          order_id: orderId,
          order_number: postingNumber.slice(0, -2),
          status,
          substatus: cancelled ? "posting_canceled" : deliveredMs !== null ? "posting_received" : "posting_in_carriage",
          cancellation: cancelled
            ? {
                cancel_reason: "Покупатель отменил заказ",
                cancellation_type: "client",
                cancellation_initiator: "Покупатель",
              }
            : null,
          created_at: inProcessAt,
          in_process_at: inProcessAt,
          products: [
            {
              sku: s.sku,
              offer_id: s.offerId,
              name: s.name,
              quantity: qty,
              price: { amount: rubStr(priceK), currency: "RUB" },
            },
          ],
          analytics_data: { warehouse_id: wh.id, warehouse_name: wh.name, delivery_type: "PVZ" },
          financial_data: {
            products: [
              {
                product_id: s.sku,
                price: rub(priceK),
                old_price: rub(priceK + 50_000),
                payout: 0,
                commission: { amount: 0, percent: 0, currency: "RUB" },
              },
            ],
          },
        };
        if (schema === "FBS")
          json.delivery_method = {
            id: 1,
            name: "Доставка",
            warehouse_id: fbsWarehouse.id,
            warehouse: fbsWarehouse.name,
          };
        postings.push({ schema, inProcessAt, inProcessMs, json, cancelled, deliveredMs });
        const line: OzonOrderLine = {
          key: `${postingNumber}/${s.sku}`,
          postingNumber,
          sku: s.sku,
          day,
          base: cancelled ? "cancellation" : "sale",
          qty,
          visibleMs: inProcessMs,
          deliveredMs,
          settledMs: Infinity,
          order: { schema, warehouseId: wh.id, valueK: priceK * qty },
          returnMs: null,
        };
        orderLines.push(line);
        if (deliveredMs === null) continue;
        // the POSTING accrual on the delivery day: one product entry for all `qty` units. sale_price and
        // seller_price are per unit, sale_amount (and commission, delivery) for the whole entry — our
        // reading: the by-day reference shows no quantity on the entry (only /accrual/postings has one)
        /** a POSTING accrual's body: this SKU's one product entry, its delivery services as [type_id, kopecks] */
        const postingBody = (saleAmount: number, commission: number, bonus: number, services: [number, number][]) => ({
          posting: {
            delivery_schema: schema,
            delivery_speed: 0,
            products: [
              {
                sku: s.sku,
                commission: {
                  sale_price: money(priceK),
                  seller_price: money(priceK),
                  sale_amount: money(saleAmount),
                  sale_commission: money(commission),
                  commission: money(commission),
                  commission_ratio: "0.22",
                  bonus: money(bonus),
                  coinvestment: money(0),
                },
                delivery: {
                  services: services.map(([type_id, k]) => ({ type_id, accrued: money(k) })),
                  total_accrued: money(services.reduce((sum, [, k]) => sum + k, 0)),
                },
              },
            ],
          },
        });
        const sale = priceK * qty;
        const commission = -Math.round(sale * 0.22);
        // seller-paid Ozon points ("bonus"): loyalty, inside total_amount (unsure: the reference names the
        // field only); coinvestment is left at 0 for the same reason
        const bonus = rng.chance(0.1) ? -Math.round(sale * 0.05) : 0;
        const l1 = -(rng.int(5000, 15000) + (qty - 1) * rng.int(2000, 6000));
        const l2 = -rng.int(1000, 5000);
        const total = sale + commission + bonus + l1 + l2;
        const settled = accrue({
          date: deliveryDay,
          publishMs: deliveredMs,
          sku: s.sku,
          category: "POSTING",
          unit: postingNumber,
          total,
          pnl: { sales: sale, commission, logistics: l1 + l2, ...(bonus ? { loyalty: bonus } : {}) },
          unitsSold: qty,
          body: postingBody(sale, commission, bonus, [
            [32, l1],
            [28, l2],
          ]),
        });
        line.settledMs = settled.publishMs;
        const acquiring = -Math.round(sale * 0.015);
        accrue({
          date: deliveryDay,
          publishMs: deliveredMs,
          sku: s.sku,
          category: "ITEM",
          unit: postingNumber,
          total: acquiring,
          pnl: { acquiring },
          body: { item_fees: { fees: [{ sku: s.sku, fees: [{ type_id: 1, accrued: money(acquiring) }] }] } },
        });
        // a return of one unit a few days after the delivery: a POSTING accrual with a negative sale_amount
        const returnDay = addDaysIso(deliveryDay, rng.int(1, 3));
        if (rng.chance(0.1) && returnDay <= o.to) {
          const commissionBack = Math.round(priceK * 0.22);
          const rl = -rng.int(3000, 9000);
          const rtotal = -priceK + commissionBack + rl;
          const returnMs = mskMs(returnDay, rng.int(8 * 3600, 21 * 3600));
          accrue({
            date: returnDay,
            publishMs: returnMs,
            sku: s.sku,
            category: "POSTING",
            unit: postingNumber,
            total: rtotal,
            pnl: { returns: -priceK, commission: commissionBack, logistics: rl },
            unitsReturned: 1,
            body: postingBody(-priceK, commissionBack, 0, [[59, rl]]),
          });
          line.returnMs = returnMs;
          // Ozon serves no returns feed we read: the return's order line is known from its accrual
          orderLines.push({
            key: `${postingNumber}/${s.sku}/return`,
            postingNumber,
            sku: s.sku,
            day: returnDay,
            base: "return",
            qty: 1,
            visibleMs: returnMs,
            deliveredMs: returnMs,
            settledMs: returnMs,
          });
        }
      }
    }
    const midday = mskMs(day, 12 * 3600);
    const nonItem = (typeId: number, k: number, unit: string, pnl: PnlPart, id?: string, unknownType?: string) =>
      accrue({
        date: day,
        publishMs: midday,
        sku: 0,
        category: "NON_ITEM",
        unit,
        total: k,
        pnl,
        id,
        unknownType,
        body: { non_item_fee: { type_id: typeId, accrued: money(k) } },
      });
    const storage = -rng.int(5000, 40_000);
    nonItem(46, storage, "STORAGE", { storage });
    if (di % 2 === 0) {
      const ads = -rng.int(50_000, 200_000);
      nonItem(41, ads, `ADV-${di}`, { advertising: ads });
    }
    if (di === 0 || day.endsWith("-01"))
      nonItem(51, -199_000, `SUB-${day.slice(0, 7)}`, { deductions_other: -199_000 });
    if (di === 0) {
      nonItem(999, -12_300, "NEW-FEE", { deductions_other: -12_300 }, undefined, "999");
      nonItem(54, -187_000, "PROMO-BIG", { advertising: -187_000 }, BIG_ACCRUAL_ID);
    }
  }
  const accrualsByDay = new Map<string, OzonAccrual[]>();
  for (const a of accrualList) {
    const list = accrualsByDay.get(a.date) ?? [];
    list.push(a);
    accrualsByDay.set(a.date, list);
  }
  const byId = (a: OzonAccrual, b: OzonAccrual) =>
    BigInt(a.json.accrual_id as string) < BigInt(b.json.accrual_id as string) ? -1 : 1;
  const accruals = new Map<string, Record<string, unknown>[]>();
  for (const [day, list] of accrualsByDay) {
    list.sort(byId);
    accruals.set(
      day,
      list.map((a) => a.json),
    );
  }

  const fboStocks: Record<string, unknown>[] = [];
  const fbsStocks: Record<string, unknown>[] = [];
  for (const s of skus) {
    const wh = rng.pick(fboWarehouses);
    const available = rng.int(0, 200);
    const transit = rng.int(0, 50);
    fboStocks.push({
      sku: s.sku,
      offer_id: s.offerId,
      name: s.name,
      cluster_id: 154,
      cluster_name: wh.cluster,
      macrolocal_cluster_id: wh.macrolocal,
      warehouse_id: wh.id,
      warehouse_name: wh.name,
      available_stock_count: available,
      valid_stock_count: rng.int(0, 5),
      transit_stock_count: transit,
      requested_stock_count: 0,
      return_from_customer_stock_count: 0,
      ads: 1.5,
      idc: 20,
      turnover_grade: "ACTUAL",
      item_tags: [],
    });
    const present = rng.int(0, 30);
    const reserved = rng.int(0, Math.min(present, 3));
    fbsStocks.push({
      sku: s.sku,
      offer_id: s.offerId,
      product_id: s.productId,
      warehouse_id: fbsWarehouse.id,
      warehouse_name: fbsWarehouse.name,
      present,
      reserved,
      free_stock: present - reserved,
    });
    truth.stock.set(String(s.sku), {
      onHand: available + present - reserved,
      inTransit: transit,
      toClient: 0,
      fromClient: 0,
    });
  }

  const reviews: Record<string, unknown>[] = [];
  for (const s of skus) {
    const n = rng.int(0, 2);
    for (let i = 0; i < n; i++) {
      const day = rng.pick(days);
      const id = `019b${rng.int(1000, 9999)}-${rng.id(4)}-${rng.id(4)}-${rng.id(4)}-${rng.id(12)}`.toLowerCase();
      const comments = rng.chance(0.4) ? 1 : 0;
      const photos = rng.chance(0.3) ? rng.int(1, 3) : 0;
      const videos = rng.chance(0.1) ? 1 : 0;
      const json = {
        id,
        sku: rng.chance(0.5) ? s.sku : String(s.sku),
        text: "Нормально",
        published_at: mskToUtcIso(day, rng.int(0, 86_399)),
        rating: rng.int(1, 5),
        status: comments ? "PROCESSED" : rng.pick(["NEW", "VIEWED", "UNPROCESSED"]),
        comments_amount: comments,
        photos_amount: photos,
        videos_amount: videos,
        order_status: "DELIVERED",
        is_rating_participant: true,
      };
      reviews.push(json);
      truth.reviews.set(id, {
        sku: String(s.sku),
        rating: json.rating,
        hasMedia: photos + videos > 0,
        replyStatus: comments ? "answered" : "unanswered",
        parentReviewId: null,
      });
    }
  }
  reviews.sort((a, b) => ((a.published_at as string) < (b.published_at as string) ? -1 : 1));

  // half-month cash-flow statements (§2.4.3), summed from the period's accruals
  const cashFlows: OzonCashFlow[] = [];
  for (let d = o.from; d <= o.to; d = addDaysIso(d, 1)) {
    const dom = Number(d.slice(8, 10));
    if (dom === 15 || addDaysIso(d, 1).slice(8, 10) === "01") {
      const begin = dom === 15 ? `${d.slice(0, 8)}01` : `${d.slice(0, 8)}16`;
      cashFlows.push({
        id: `${begin}_${d}`,
        begin,
        end: d,
        orders: 0,
        returns: 0,
        commission: 0,
        delivery: 0,
        services: 0,
        payment: 0,
      });
    }
  }
  for (const a of accrualList) {
    const c = cashFlows.find((f) => f.begin <= a.date && a.date <= f.end);
    if (!c) continue;
    const orders = a.pnl.sales ?? 0;
    const returns = a.pnl.returns ?? 0;
    const commission = a.pnl.commission ?? 0;
    const delivery = a.pnl.logistics ?? 0;
    c.orders += orders;
    c.returns += returns;
    c.commission += commission;
    c.delivery += delivery;
    c.services += a.total - orders - returns - commission - delivery;
    c.payment += a.total;
  }
  return {
    skus,
    postings,
    accruals,
    accrualList,
    accrualsByDay,
    orderLines,
    accrualTypes: ACCRUAL_TYPES,
    fboStocks,
    fbsStocks,
    reviews,
    cashFlows,
    clusters,
    clusterOfWarehouse,
    localSale: buildOzonLocalSale(o, skus, clusters),
  };
}

/** Ozon's recommended supply per SKU x cluster, in the reference's item shape (its own random stream). */
function buildOzonLocalSale(o: BuildOptions, skus: OzonSku[], clusters: { macrolocal_cluster_id: number }[]) {
  const rng = new Random(o.seed * 31 + 6);
  const items: Record<string, unknown>[] = [];
  for (const s of skus)
    for (const c of clusters) {
      const total = rng.int(0, 200);
      const local = rng.int(0, total);
      const supply = rng.int(0, 120);
      const outOfStock = rng.int(0, total - local);
      items.push({
        sku: s.sku,
        macrolocal_cluster_to_id: c.macrolocal_cluster_id,
        metrics: {
          attention_level: rng.pick(["LOW", "MEDIUM", "HIGH"]),
          impact_share: Math.round(rng.next() * 10_000) / 100,
          local_data: {
            index: total === 0 ? 0 : Math.round((local / total) * 1000) / 10,
            local_quantity: local,
            total_quantity: total,
          },
          overpayment: {
            total: (total - local) * 30,
            non_local_delivery: (total - local) * 20,
            delta: (total - local) * 10,
          },
          overpayment_reasons: [{ reason: "FREQUENT_OUT_OF_STOCK", quantity: outOfStock, amount: outOfStock * 30 }],
          recommended_supply: supply,
          price: (supply * s.priceK) / 100,
        },
      });
    }
  return items;
}

const ACCRUAL_TYPES = [
  { id: 69, name: "SaleCommission", description: "Вознаграждение за продажу" },
  { id: 1, name: "Acquiring", description: "Эквайринг" },
  { id: 32, name: "Logistic", description: "Логистика" },
  { id: 28, name: "LastMile", description: "Последняя миля" },
  { id: 59, name: "ReturnFlowLogistic", description: "Обратная логистика" },
  { id: 46, name: "Placements", description: "Размещение товаров на складах" },
  { id: 41, name: "PayPerClick", description: "Оплата за клик" },
  { id: 54, name: "Promotion", description: "Продвижение" },
  // the reference names 51/52 "subscriptions" without their names: the name and description are ours
  { id: 51, name: "PremiumSubscription", description: "Подписка Premium" },
];

export interface Dataset {
  options: BuildOptions & {
    /** the last WB rrDate published at the default clock */
    financeEnd: string;
    /** the default clock: the day after the data's end, 03:00 Moscow (a nightly sync's moment) */
    defaultNow: string;
  };
  wb: WbData;
  ozon: OzonData;
  /** the truth at the default clock (computed on first read) */
  readonly truth: Truth;
  /** the truth at any clock (ISO instant, or ms) */
  truthAt(now: string | number): Truth;
  malformed: {
    wbSales: Record<string, unknown>[];
    wbFinance: Record<string, unknown>[];
    ozonAccruals: Record<string, unknown>[];
    /** a statistics orders row and an order feed row that fail validation (the same broken order) */
    wbOrders: Record<string, unknown>[];
    wbOrderFeed: Record<string, unknown>[];
  };
}

export function buildDataset(options: DatasetOptions): Dataset {
  const to = options.endDate ?? addDaysIso(new Date(Date.now() + MSK_OFFSET_MS).toISOString().slice(0, 10), -1);
  const from = addDaysIso(to, -(options.days - 1));
  const o: BuildOptions = {
    seed: options.seed,
    skus: options.skus,
    days: options.days,
    warehouses: Math.max(1, options.warehouses),
    malformed: options.malformed ?? false,
    from,
    to,
  };
  const wbStatic = emptyStatic();
  const ozonStatic = emptyStatic();
  const wb = buildWb(o, wbStatic);
  const ozon = buildOzon(o, ozonStatic);
  const malformed = {
    wbSales: [] as Record<string, unknown>[],
    wbFinance: [] as Record<string, unknown>[],
    ozonAccruals: [] as Record<string, unknown>[],
    wbOrders: [] as Record<string, unknown>[],
    wbOrderFeed: [] as Record<string, unknown>[],
  };
  if (o.malformed && wb.orders.length > 0) {
    const order = wb.orders[Math.floor(wb.orders.length / 2)];
    const sku = wb.skus.find((s) => s.nmId === order.nmId)!;
    const at = order.firstChangeMs;
    malformed.wbOrders.push({ ...wbOrderRow(order, sku, at), srid: "bad-order-1", nmId: "not-a-number" });
    malformed.wbOrderFeed.push({ ...wbOrderFeedRow(order, sku, at), srid: "bad-order-1", nmId: "not-a-number" });
  }
  if (o.malformed && wb.sales.length > 0) {
    const sample = wb.sales[Math.floor(wb.sales.length / 2)].json;
    malformed.wbSales.push({ ...sample, saleID: "S999999999901", srid: "bad-1", nmId: "not-a-number" });
    malformed.wbSales.push({ ...sample, saleID: "S999999999902", srid: "bad-2", date: "yesterday" });
    const line = wb.finance.find((l) => l.docTypeName === "Продажа");
    if (line) malformed.wbFinance.push({ ...line, rrdId: 3_319_999_999, forPay: "12.3.4" });
    const day = o.from;
    malformed.ozonAccruals.push({
      accrual_id: "90801100001",
      date: day,
      accrued_category: "NON_ITEM",
      unit_number: "BROKEN",
      total_amount: { amount: "abc", currency: "RUB" },
      non_item_fee: { type_id: 46, accrued: { amount: "abc", currency: "RUB" } },
    });
  }
  const defaultNowMs = mskMs(addDaysIso(to, 1), 3 * 3600);
  let cached: Truth | null = null;
  const dataset: Dataset = {
    options: {
      ...o,
      financeEnd: addDaysIso(to, -1),
      defaultNow: new Date(defaultNowMs).toISOString(),
    },
    wb,
    ozon,
    get truth() {
      return (cached ??= truthAt(dataset, defaultNowMs, wbStatic, ozonStatic));
    },
    truthAt: (now) => truthAt(dataset, typeof now === "number" ? now : Date.parse(now), wbStatic, ozonStatic),
    malformed,
  };
  return dataset;
}

interface OrderFate {
  cancelled: boolean;
  bought: boolean;
  returned: number;
}

/** what the marketplaces have published by `nowMs`, in P&L lines and order lines, counted from the events */
function truthAt(dataset: Dataset, nowMs: number, wbStatic: StaticTruth, ozonStatic: StaticTruth): Truth {
  const nowWall = mskWallOfMs(nowMs);
  const market = (s: StaticTruth): MarketplaceTruth => ({
    stock: s.stock,
    reviews: s.reviews,
    skuCount: s.skuCount,
    unknownAccrualTypes: [],
    financeLines: { sku: emptyPnlLines(), store: emptyPnlLines() },
    settledByDaySku: new Map(),
    orderLines: new Map(),
    units: { sold: 0, returned: 0 },
    dailyOrders: new Map(),
  });
  const countOrder = (t: MarketplaceTruth, key: string, qty: number, valueK: number, fate: OrderFate) => {
    let r = t.dailyOrders.get(key);
    if (!r) t.dailyOrders.set(key, (r = { ordered: 0, valueK: 0, cancelled: 0, boughtOut: 0, returned: 0 }));
    r.ordered += qty;
    r.valueK += valueK;
    if (fate.cancelled) r.cancelled += qty;
    if (fate.bought) r.boughtOut += qty;
    if (fate.bought) r.returned += fate.returned;
  };
  const settle = (t: MarketplaceTruth, day: string, sku: number, pnl: PnlPart, sold: number, returned: number) => {
    if (sku === 0) {
      addPart(t.financeLines.store, pnl);
      return;
    }
    addPart(t.financeLines.sku, pnl);
    const key = `${day}|${sku}`;
    let r = t.settledByDaySku.get(key);
    if (!r) t.settledByDaySku.set(key, (r = { unitsSold: 0, unitsReturned: 0, lines: emptyPnlLines() }));
    r.unitsSold += sold;
    r.unitsReturned += returned;
    addPart(r.lines, pnl);
  };

  // WB
  const wb = market(wbStatic);
  const reports = new Map<number, WbReportTruth>();
  for (const h of dataset.wb.reports)
    reports.set(h.reportId, {
      reportId: h.reportId,
      dateFrom: h.dateFrom,
      dateTo: h.dateTo,
      closed: h.closesMs <= nowMs,
      bankPaymentSum: 0,
      byLine: emptyPnlLines(),
    });
  const published = new Set<number>();
  for (const l of dataset.wb.financeLines) {
    if (l.publishMs > nowMs) break; // lines are in rrDate order and publication follows rrDate
    published.add(l.reportId);
    settle(wb, l.rrDate, l.nmId, l.pnl, l.unitsSold, l.unitsReturned);
    const r = reports.get(l.reportId)!;
    r.bankPaymentSum += l.bank;
    addPart(r.byLine, l.pnl);
  }
  for (const ol of dataset.wb.orderLines) {
    if (ol.firstSeenWall > nowWall) continue;
    wb.orderLines.set(ol.saleID, {
      orderKey: ol.srid,
      sku: String(ol.nmId),
      day: ol.day,
      kind: ol.kind,
      qty: 1,
      settled: ol.settledMs <= nowMs,
    });
    if (ol.kind === "sale") wb.units.sold += 1;
    else wb.units.returned += 1;
  }

  for (const order of dataset.wb.orders) {
    if (order.firstChangeMs > nowMs) continue;
    const cancelled = order.cancelMs !== null && order.cancelMs <= nowMs;
    wb.orderLines.set(order.srid, {
      orderKey: order.srid,
      sku: String(order.nmId),
      day: order.day,
      kind: cancelled ? "cancellation" : "order",
      qty: 1,
      settled: !cancelled && order.saleSettledMs <= nowMs,
    });
    const bought = !cancelled && ((order.buyoutMs ?? Infinity) <= nowMs || order.saleSettledMs <= nowMs);
    const returned = bought && (order.returnMs ?? Infinity) <= nowMs ? 1 : 0;
    const where = `${order.fbs ? "FBS" : "FBO"}:${order.fbs ? order.warehouseName : ""}`;
    countOrder(wb, `${order.day}|${order.nmId}|${where}|${order.place.district}`, 1, order.pwd, {
      cancelled,
      bought,
      returned,
    });
  }

  // Ozon
  const ozon = market(ozonStatic);
  const months = new Map<string, OzonMonthTruth>();
  const unknown = new Set<string>();
  for (const a of dataset.ozon.accrualList) {
    if (a.publishMs > nowMs) continue;
    settle(ozon, a.date, a.sku, a.pnl, a.unitsSold, a.unitsReturned);
    const month = a.date.slice(0, 7);
    let m = months.get(month);
    if (!m) {
      const next = addDaysIso(`${month}-28`, 4).slice(0, 7);
      months.set(month, (m = { month, closed: mskMs(`${next}-01`) <= nowMs, total: 0, byLine: emptyPnlLines() }));
    }
    m.total += a.total;
    addPart(m.byLine, a.pnl);
    if (a.unknownType) unknown.add(a.unknownType);
  }
  ozon.unknownAccrualTypes = [...unknown].sort();
  for (const ol of dataset.ozon.orderLines) {
    if (ol.visibleMs > nowMs) continue;
    const kind = ol.base === "sale" ? (ol.deliveredMs !== null && ol.deliveredMs <= nowMs ? "sale" : "order") : ol.base;
    ozon.orderLines.set(ol.key, {
      orderKey: ol.postingNumber,
      sku: String(ol.sku),
      day: ol.day,
      kind,
      qty: ol.qty,
      settled: ol.settledMs <= nowMs,
    });
    if (kind === "sale") ozon.units.sold += ol.qty;
    else if (kind === "return") ozon.units.returned += ol.qty;
    if (ol.order) {
      const bought = ol.deliveredMs !== null && ol.deliveredMs <= nowMs;
      const returned = bought && (ol.returnMs ?? Infinity) <= nowMs ? 1 : 0;
      countOrder(ozon, `${ol.day}|${ol.sku}|${ol.order.schema}:${ol.order.warehouseId}|`, ol.qty, ol.order.valueK, {
        cancelled: ol.base === "cancellation",
        bought,
        returned,
      });
    }
  }

  return {
    from: dataset.options.from,
    to: dataset.options.to,
    now: new Date(nowMs).toISOString(),
    wb,
    ozon,
    wbReports: [...reports.values()].filter((r) => published.has(r.reportId)),
    ozonMonths: [...months.values()].sort((a, b) => (a.month < b.month ? -1 : 1)),
  };
}

export { mskDayOfUtc };
