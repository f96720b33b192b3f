// The emulator's world: a deterministic WB + Ozon dataset built from a seed, and the truth it implies.
// Deliberately self-contained: it imports nothing from lib/marketplaces or lib/services, so a mapping
// bug in ingestion cannot hide behind the same bug here. All money is integer kopecks.
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
function mskToUtcIso(day: string, secondOfDay: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + secondOfDay * 1000 - MSK_OFFSET_MS).toISOString();
}
function mskDayOfUtc(iso: string): string {
  return new Date(Date.parse(iso) + MSK_OFFSET_MS).toISOString().slice(0, 10);
}
export function rub(k: number): number {
  return k / 100;
}
export function rubStr(k: number): string {
  const sign = k < 0 ? "-" : "";
  const a = Math.abs(k);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, "0")}`;
}
/** a second of the day, sometimes within minutes of Moscow midnight to exercise the day boundary */
function secondOfDay(rng: Random): number {
  if (rng.chance(0.15)) return rng.chance(0.5) ? 86_400 - rng.int(1, 600) : rng.int(0, 600);
  return rng.int(600, 86_400 - 601);
}

// ---------- truth ----------
export interface SalesTruthRow {
  qty: number;
  refundsQty: number;
  revenueGross: number;
  refundsAmount: number;
  promoCost: number;
  deliveryCost: number;
  commissionAmount: number;
  settled: boolean;
}
export interface ReviewTruth {
  sku: string;
  rating: number;
  hasMedia: boolean;
  replyStatus: "unanswered" | "pending" | "answered" | "rejected";
  parentReviewId: string | null;
}
export interface MarketplaceTruth {
  /** key `${d}|${external sku id}` */
  dailySales: Map<string, SalesTruthRow>;
  /** external sku id -> stock now */
  stock: Map<string, { onHand: number; inTransit: number }>;
  /** type -> kopecks; and the same for lines without a product */
  cashflowsByType: Record<string, number>;
  storeLevelCashflowsByType: Record<string, number>;
  reviews: Map<string, ReviewTruth>;
  skuCount: number;
  unknownAccrualTypes: string[];
}
export interface Truth {
  from: string;
  to: string;
  wb: MarketplaceTruth;
  ozon: MarketplaceTruth;
}

function emptyTruth(): MarketplaceTruth {
  return {
    dailySales: new Map(),
    stock: new Map(),
    cashflowsByType: {},
    storeLevelCashflowsByType: {},
    reviews: new Map(),
    skuCount: 0,
    unknownAccrualTypes: [],
  };
}
function row(map: Map<string, SalesTruthRow>, key: string, settled: boolean): SalesTruthRow {
  let r = map.get(key);
  if (!r) {
    r = {
      qty: 0,
      refundsQty: 0,
      revenueGross: 0,
      refundsAmount: 0,
      promoCost: 0,
      deliveryCost: 0,
      commissionAmount: 0,
      settled,
    };
    map.set(key, r);
  }
  return r;
}
function addFlow(t: MarketplaceTruth, type: string, k: number, storeLevel: boolean) {
  if (k === 0) return;
  t.cashflowsByType[type] = (t.cashflowsByType[type] ?? 0) + k;
  if (storeLevel) t.storeLevelCashflowsByType[type] = (t.storeLevelCashflowsByType[type] ?? 0) + k;
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
  /** the JSON object as WB serves it */
  json: Record<string, unknown>;
  lastChangeDate: string;
  /** an older version of the same saleID (served only by the out-of-order fault) */
  stale?: Record<string, unknown>;
}
export interface WbData {
  skus: WbSku[];
  sales: WbSaleRow[];
  finance: Record<string, unknown>[];
  stocks: Record<string, unknown>[];
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

function buildWb(
  o: Required<Omit<DatasetOptions, "endDate">> & { from: string; to: string; financeEnd: string; nowWall: string },
  truth: MarketplaceTruth,
): WbData {
  const rng = new Random(o.seed * 31 + 1);
  const days: string[] = [];
  for (let d = o.from; d <= o.to; d = addDaysIso(d, 1)) days.push(d);
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
  const financeRaw: { rrDate: string; line: Record<string, unknown> }[] = [];
  let saleCounter = 21_900_000_000;
  let shk = 23_000_000_000;
  const provisional = new Map<string, SalesTruthRow>();
  const settled = new Map<string, SalesTruthRow>();

  const base = (s: WbSku) => ({
    supplierArticle: s.vendorCode,
    nmId: s.nmId,
    barcode: s.barcode,
    category: s.category,
    subject: s.subject,
    brand: s.brand,
    techSize: s.techSize,
    incomeID: 28_760_331,
    isSupply: false,
    isRealization: true,
  });
  const finLine = (s: WbSku | null, extra: Record<string, unknown>) => ({
    nmId: s ? s.nmId : 0,
    vendorCode: s ? s.vendorCode : "",
    subjectName: s ? s.subject : "",
    brandName: s ? s.brand : "",
    title: s ? s.title : "",
    techSize: s ? s.techSize : "",
    sku: s ? s.barcode : "",
    docTypeName: "",
    quantity: 0,
    retailPrice: "0",
    retailAmount: "0",
    retailPriceWithDisc: "0",
    forPay: "0",
    acquiringFee: "0",
    deliveryService: "0",
    penalty: "0",
    additionalPayment: "0",
    paidStorage: "0",
    deduction: "0",
    paidAcceptance: "0",
    rebillLogisticCost: "0",
    bonusTypeName: "",
    currency: "RUB",
    ...extra,
  });

  for (const day of days) {
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
        let lastChange = mskWall(day, changeSec);
        const fillLater = rng.chance(0.1);
        const fillWall = mskWall(addDaysIso(day, 1), changeSec);
        const filled = !fillLater || fillWall <= o.nowWall;
        const common = {
          date: saleWall,
          warehouseName,
          warehouseType: fbs ? "Склад продавца" : "Склад WB",
          countryName: "Россия",
          oblastOkrugName: "Центральный федеральный округ",
          regionName: "Москва",
          ...base(s),
          totalPrice: rub(s.priceK),
          discountPercent: s.discountPercent,
          spp,
          paymentSaleAmount: 0,
          saleID,
          sticker: String(30_918_000_000 + saleCounter),
          gNumber: String(9_082_736_451_000 + saleCounter),
          srid,
        };
        const zeroVersion = { ...common, lastChangeDate: lastChange, forPay: 0, finishedPrice: 0, priceWithDisc: 0 };
        let json: Record<string, unknown>;
        let stale: Record<string, unknown> | undefined;
        if (fillLater && filled) {
          lastChange = fillWall;
          json = {
            ...common,
            lastChangeDate: lastChange,
            forPay: rub(forPay),
            finishedPrice: rub(finished),
            priceWithDisc: rub(pwd),
          };
          stale = zeroVersion;
        } else if (fillLater) {
          json = zeroVersion;
        } else {
          json = {
            ...common,
            lastChangeDate: lastChange,
            forPay: rub(forPay),
            finishedPrice: rub(finished),
            priceWithDisc: rub(pwd),
          };
        }
        sales.push({ json, lastChangeDate: lastChange, stale });
        const p = row(provisional, `${day}|${s.nmId}`, false);
        p.qty += 1;
        if (filled) {
          p.revenueGross += pwd;
          p.commissionAmount += pwd - forPay;
        }
        // finance lines for the sale and its delivery
        const officeName = fbs ? warehouseName : "Склад WB";
        const deliveryMethod = fbs ? "FBS, (МГТ)" : "FBW, (МГТ)";
        const acquiring = Math.round(finished * 0.021);
        const logistics = rng.int(4000, 15000);
        const saleDt = mskToUtcIso(day, sec);
        if (day <= o.financeEnd) {
          financeRaw.push({
            rrDate: day,
            line: finLine(s, {
              docTypeName: "Продажа",
              sellerOperName: "Продажа",
              quantity: 1,
              retailPrice: rubStr(s.priceK),
              retailAmount: rubStr(finished),
              retailPriceWithDisc: rubStr(pwd),
              forPay: rubStr(forPay),
              acquiringFee: rubStr(acquiring),
              ppvzSalesCommission: rubStr(pwd - forPay - acquiring),
              commissionPercent: commissionRate,
              officeName,
              deliveryMethod,
              orderDt: saleDt,
              saleDt,
              srid,
              shkId: shk++,
            }),
          });
          financeRaw.push({
            rrDate: day,
            line: finLine(s, {
              sellerOperName: "Логистика",
              deliveryAmount: 1,
              returnAmount: 0,
              deliveryService: rubStr(logistics),
              bonusTypeName: "К клиенту при продаже",
              officeName,
              deliveryMethod,
              srid,
            }),
          });
          // late correction of that logistics, posted on a later day
          const corrDay = addDaysIso(day, 1);
          if (rng.chance(0.06) && corrDay <= o.financeEnd) {
            financeRaw.push({
              rrDate: corrDay,
              line: finLine(s, {
                sellerOperName: "Коррекция логистики",
                deliveryService: rubStr(rng.chance(0.5) ? rng.int(100, 2000) : -rng.int(100, 2000)),
                bonusTypeName: "К клиенту при продаже",
                officeName,
                deliveryMethod,
                srid,
              }),
            });
          }
        }
        // a return a few days later
        const returnDay = addDaysIso(day, rng.int(1, 4));
        if (filled && rng.chance(0.1) && returnDay <= o.to) {
          const rsec = rng.int(600, 80_000);
          const rWall = mskWall(returnDay, rsec);
          const rChange = mskWall(returnDay, Math.min(rsec + 900, 86_399));
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
              saleID: `R${saleCounter++}`,
            },
          });
          const pr = row(provisional, `${returnDay}|${s.nmId}`, false);
          pr.refundsQty += 1;
          pr.refundsAmount += pwd;
          pr.commissionAmount -= pwd - forPay;
          if (returnDay <= o.financeEnd) {
            financeRaw.push({
              rrDate: returnDay,
              line: finLine(s, {
                docTypeName: "Возврат",
                sellerOperName: "Возврат",
                quantity: 1,
                retailPrice: rubStr(s.priceK),
                retailAmount: rubStr(finished),
                retailPriceWithDisc: rubStr(pwd),
                forPay: rubStr(forPay),
                acquiringFee: rubStr(acquiring),
                officeName,
                deliveryMethod,
                srid,
              }),
            });
            financeRaw.push({
              rrDate: returnDay,
              line: finLine(s, {
                sellerOperName: "Логистика",
                deliveryAmount: 0,
                returnAmount: 1,
                deliveryService: rubStr(rng.int(3000, 9000)),
                bonusTypeName: "От клиента при возврате",
                officeName,
                deliveryMethod,
                srid,
              }),
            });
          }
        }
      }
    }
    if (day <= o.financeEnd) {
      // store-level lines: storage daily, advertising every third day, one loan repayment, a fine on a product
      financeRaw.push({
        rrDate: day,
        line: finLine(null, { sellerOperName: "Хранение", paidStorage: rubStr(rng.int(5000, 50_000)) }),
      });
      if (days.indexOf(day) % 3 === 0) {
        financeRaw.push({
          rrDate: day,
          line: finLine(null, {
            sellerOperName: "Удержание",
            deduction: rubStr(rng.int(50_000, 300_000)),
            bonusTypeName: `Оказание услуг «ВБ.Продвижение», документ №${rng.int(10_000_000, 99_999_999)}`,
          }),
        });
      }
      if (days.indexOf(day) === 1) {
        financeRaw.push({
          rrDate: day,
          line: finLine(null, {
            sellerOperName: "Удержание",
            deduction: rubStr(1_000_000),
            bonusTypeName: "Погашение задолженности",
          }),
        });
        financeRaw.push({
          rrDate: day,
          line: finLine(null, {
            sellerOperName: "Удержание",
            deduction: rubStr(12_345),
            bonusTypeName: "Прочие удержания",
          }),
        });
        financeRaw.push({
          rrDate: day,
          line: finLine(null, { sellerOperName: "Платная приемка", paidAcceptance: rubStr(7_500) }),
        });
      }
      if (days.indexOf(day) === 2 && skus.length > 0) {
        const s = skus[0];
        financeRaw.push({
          rrDate: day,
          line: finLine(s, {
            sellerOperName: "Штраф",
            penalty: rubStr(30_000),
            bonusTypeName: "Штраф МП. Невыполненный заказ",
          }),
        });
        financeRaw.push({
          rrDate: day,
          line: finLine(s, { sellerOperName: "Компенсация ущерба", forPay: rubStr(45_000) }),
        });
      }
    }
  }

  // finance: ordered by rrdId, one daily report per day
  let rrd = 3_320_000_000;
  const finance: Record<string, unknown>[] = financeRaw
    .sort((a, b) => (a.rrDate < b.rrDate ? -1 : a.rrDate > b.rrDate ? 1 : 0))
    .map(({ rrDate, line }) => ({
      reportId: 401_000_000 + (Number(rrDate.replaceAll("-", "")) % 100_000),
      dateFrom: rrDate,
      dateTo: rrDate,
      createDate: addDaysIso(rrDate, 1),
      reportType: 1,
      rrDate,
      rrdId: rrd++,
      ...line,
    }));
  // settled truth and cash flows, applying the documented rules to our own lines
  for (const l of finance) {
    const nm = Number(l.nmId);
    const k = (f: string) => Math.round(Number(l[f] as string) * 100);
    const storeLevel = nm === 0;
    if (!storeLevel) {
      const r = row(settled, `${l.rrDate}|${nm}`, true);
      if (l.docTypeName === "Продажа") {
        r.qty += Number(l.quantity);
        r.revenueGross += k("retailPriceWithDisc");
        r.commissionAmount += k("retailPriceWithDisc") - k("forPay");
      } else if (l.docTypeName === "Возврат") {
        r.refundsQty += Number(l.quantity);
        r.refundsAmount += k("retailPriceWithDisc");
        r.commissionAmount -= k("retailPriceWithDisc") - k("forPay");
      }
      r.deliveryCost += k("deliveryService") + k("rebillLogisticCost");
    }
    const op = String(l.sellerOperName);
    if (l.docTypeName === "Продажа") {
      addFlow(truth, "sale_payout", k("forPay"), storeLevel);
      addFlow(truth, "acquiring", -k("acquiringFee"), storeLevel);
    } else if (l.docTypeName === "Возврат") {
      addFlow(truth, "sale_payout", -k("forPay"), storeLevel);
      addFlow(truth, "acquiring", k("acquiringFee"), storeLevel);
    } else if (/^(Компенсация|Оплата)/.test(op)) {
      addFlow(truth, "compensation", k("forPay"), storeLevel);
    }
    addFlow(truth, "logistics", -k("deliveryService") - k("rebillLogisticCost"), storeLevel);
    addFlow(truth, "storage", -k("paidStorage"), storeLevel);
    addFlow(truth, "acceptance", -k("paidAcceptance"), storeLevel);
    addFlow(truth, "penalty", -k("penalty"), storeLevel);
    const bonus = String(l.bonusTypeName);
    const dType = /Продвижение|ВБ\.Медиа|блогер/i.test(bonus)
      ? "advertising"
      : /Погашение задолженности|Погашение по займу|заёмщика/i.test(bonus)
        ? "financing"
        : "deduction_other";
    addFlow(truth, dType, -k("deduction"), storeLevel);
  }
  // per (day, sku): settled values replace provisional ones when the finance report covers them
  for (const [key, r] of provisional) if (!settled.has(key)) truth.dailySales.set(key, r);
  for (const [key, r] of settled) truth.dailySales.set(key, r);

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
    truth.stock.set(String(s.nmId), { onHand: item.quantity, inTransit: item.inWayToClient + item.inWayFromClient });
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
    stocks,
    feedbacks,
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
export interface OzonData {
  skus: OzonSku[];
  postings: { schema: "FBO" | "FBS"; inProcessAt: string; json: Record<string, unknown> }[];
  /** date -> accruals ordered by accrual_id (bigint kept as a string) */
  accruals: Map<string, Record<string, unknown>[]>;
  accrualTypes: { id: number; name: string; description: string }[];
  fboStocks: Record<string, unknown>[];
  fbsStocks: Record<string, unknown>[];
  reviews: Record<string, unknown>[];
  cashFlows: { id: string; begin: string; end: string; payment: number }[];
}
/** 2^53 + 1: the id that proves big integers survive the whole path */
export const BIG_ACCRUAL_ID = "9007199254740993";
const LOGISTICS_TYPES = new Set([32, 29, 28, 59, 45]);

function buildOzon(
  o: Required<Omit<DatasetOptions, "endDate">> & { from: string; to: string; financeEnd: string },
  truth: MarketplaceTruth,
): OzonData {
  const rng = new Random(o.seed * 31 + 2);
  const days: string[] = [];
  for (let d = o.from; d <= o.to; d = addDaysIso(d, 1)) days.push(d);
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
  }));
  const fbsWarehouse = { id: 23_000_000_001, name: "Мой склад Ozon" };
  const postings: OzonData["postings"] = [];
  const accrualsRaw: { date: string; json: Record<string, unknown> }[] = [];
  const provisional = new Map<string, SalesTruthRow>();
  const settled = new Map<string, SalesTruthRow>();
  let order = 39_127_000_000;
  let accrualId = 90_801_122_334;

  for (const day of days) {
    for (const s of skus) {
      const count = rng.chance(0.4) ? rng.int(1, 2) : 0;
      for (let p = 0; p < count; p++) {
        const sec = secondOfDay(rng);
        const inProcessAt = mskToUtcIso(day, sec);
        const schema: "FBO" | "FBS" = rng.chance(0.75) ? "FBO" : "FBS";
        const qty = rng.chance(0.8) ? 1 : 2;
        const status = rng.pick([
          "delivered",
          "delivered",
          "delivered",
          "delivered",
          "delivered",
          "delivered",
          "cancelled",
          "delivering",
        ] as const);
        const orderId = order++;
        const postingNumber = `${orderId}-0${rng.int(100, 999)}-1`;
        const priceK = s.priceK;
        const wh = schema === "FBO" ? rng.pick(fboWarehouses) : fbsWarehouse;
        const json: Record<string, unknown> = {
          posting_number: postingNumber,
          order_id: orderId,
          order_number: postingNumber.slice(0, -2),
          status,
          substatus: status === "cancelled" ? "posting_canceled" : "posting_received",
          cancellation:
            status === "cancelled"
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
        postings.push({ schema, inProcessAt, json });
        if (status !== "delivered") continue;
        const p0 = row(provisional, `${day}|${s.sku}`, false);
        p0.qty += qty;
        p0.revenueGross += priceK * qty;
        if (day > o.financeEnd) continue;
        // settled: one POSTING accrual (one product entry per unit) and an acquiring ITEM accrual
        const products: Record<string, unknown>[] = [];
        let total = 0;
        let deliveryTotal = 0;
        for (let u = 0; u < qty; u++) {
          const commission = -Math.round(priceK * 0.22);
          const coinvest = rng.chance(0.2) ? -rng.int(1000, 8000) : 0;
          const l1 = -rng.int(5000, 15000);
          const l2 = -rng.int(1000, 5000);
          total += priceK + commission + coinvest + l1 + l2;
          deliveryTotal += l1 + l2;
          products.push({
            sku: s.sku,
            commission: {
              sale_price: { amount: rubStr(priceK), currency: "RUB" },
              seller_price: { amount: rubStr(priceK), currency: "RUB" },
              sale_amount: { amount: rubStr(priceK), currency: "RUB" },
              sale_commission: { amount: rubStr(commission), currency: "RUB" },
              commission: { amount: rubStr(commission), currency: "RUB" },
              commission_ratio: "0.22",
              bonus: { amount: "0", currency: "RUB" },
              coinvestment: { amount: rubStr(coinvest), currency: "RUB" },
            },
            delivery: {
              services: [
                { type_id: 32, accrued: { amount: rubStr(l1), currency: "RUB" } },
                { type_id: 28, accrued: { amount: rubStr(l2), currency: "RUB" } },
              ],
              total_accrued: { amount: rubStr(l1 + l2), currency: "RUB" },
            },
          });
          const r = row(settled, `${day}|${s.sku}`, true);
          r.qty += 1;
          r.revenueGross += priceK;
          r.commissionAmount += -commission;
          r.deliveryCost += -(l1 + l2);
          r.promoCost += -coinvest;
        }
        accrualsRaw.push({
          date: day,
          json: {
            accrual_id: String(accrualId++),
            date: day,
            accrued_category: "POSTING",
            unit_number: postingNumber,
            total_amount: { amount: rubStr(total), currency: "RUB" },
            posting: { delivery_schema: schema, delivery_speed: 0, products },
          },
        });
        addFlow(truth, "sale_payout", total - deliveryTotal, false);
        addFlow(truth, "logistics", deliveryTotal, false);
        const acquiring = -Math.round(priceK * qty * 0.015);
        accrualsRaw.push({
          date: day,
          json: {
            accrual_id: String(accrualId++),
            date: day,
            accrued_category: "ITEM",
            unit_number: postingNumber,
            total_amount: { amount: rubStr(acquiring), currency: "RUB" },
            item_fees: {
              fees: [{ sku: s.sku, fees: [{ type_id: 1, accrued: { amount: rubStr(acquiring), currency: "RUB" } }] }],
            },
          },
        });
        row(settled, `${day}|${s.sku}`, true).commissionAmount += -acquiring;
        addFlow(truth, "acquiring", acquiring, false);
        // a return of one unit a few days later
        const returnDay = addDaysIso(day, rng.int(1, 3));
        if (rng.chance(0.1) && returnDay <= o.financeEnd) {
          const commissionBack = Math.round(priceK * 0.22);
          const rl = -rng.int(3000, 9000);
          const rtotal = -priceK + commissionBack + rl;
          accrualsRaw.push({
            date: returnDay,
            json: {
              accrual_id: String(accrualId++),
              date: returnDay,
              accrued_category: "POSTING",
              unit_number: postingNumber,
              total_amount: { amount: rubStr(rtotal), currency: "RUB" },
              posting: {
                delivery_schema: schema,
                delivery_speed: 0,
                products: [
                  {
                    sku: s.sku,
                    commission: {
                      sale_price: { amount: rubStr(priceK), currency: "RUB" },
                      seller_price: { amount: rubStr(priceK), currency: "RUB" },
                      sale_amount: { amount: rubStr(-priceK), currency: "RUB" },
                      sale_commission: { amount: rubStr(commissionBack), currency: "RUB" },
                      commission: { amount: rubStr(commissionBack), currency: "RUB" },
                      commission_ratio: "0.22",
                      bonus: { amount: "0", currency: "RUB" },
                      coinvestment: { amount: "0", currency: "RUB" },
                    },
                    delivery: {
                      services: [{ type_id: 59, accrued: { amount: rubStr(rl), currency: "RUB" } }],
                      total_accrued: { amount: rubStr(rl), currency: "RUB" },
                    },
                  },
                ],
              },
            },
          });
          const r = row(settled, `${returnDay}|${s.sku}`, true);
          r.refundsQty += 1;
          r.refundsAmount += priceK;
          r.commissionAmount -= commissionBack;
          r.deliveryCost += -rl;
          addFlow(truth, "sale_payout", rtotal - rl, false);
          addFlow(truth, "logistics", rl, false);
        }
      }
    }
    if (day <= o.financeEnd) {
      const nonItem = (typeId: number, k: number, unit: string, id?: string) => {
        accrualsRaw.push({
          date: day,
          json: {
            accrual_id: id ?? String(accrualId++),
            date: day,
            accrued_category: "NON_ITEM",
            unit_number: unit,
            total_amount: { amount: rubStr(k), currency: "RUB" },
            non_item_fee: { type_id: typeId, accrued: { amount: rubStr(k), currency: "RUB" } },
          },
        });
      };
      const storage = -rng.int(5000, 40_000);
      nonItem(46, storage, "STORAGE");
      addFlow(truth, "storage", storage, true);
      const i = days.indexOf(day);
      if (i % 2 === 0) {
        const ads = -rng.int(50_000, 200_000);
        nonItem(41, ads, `ADV-${i}`);
        addFlow(truth, "advertising", ads, true);
      }
      if (i === 0) {
        nonItem(999, -12_300, "NEW-FEE");
        addFlow(truth, "other", -12_300, true);
        truth.unknownAccrualTypes.push("999");
        nonItem(54, -187_000, "PROMO-BIG", BIG_ACCRUAL_ID);
        addFlow(truth, "advertising", -187_000, true);
      }
    }
  }
  for (const [key, r] of provisional) if (!settled.has(key)) truth.dailySales.set(key, r);
  for (const [key, r] of settled) truth.dailySales.set(key, r);

  const accruals = new Map<string, Record<string, unknown>[]>();
  for (const { date, json } of accrualsRaw) {
    const list = accruals.get(date) ?? [];
    list.push(json);
    accruals.set(date, list);
  }
  for (const list of accruals.values())
    list.sort((a, b) => (BigInt(a.accrual_id as string) < BigInt(b.accrual_id as string) ? -1 : 1));

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
    truth.stock.set(String(s.sku), { onHand: available + present - reserved, inTransit: transit });
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

  const cashFlows: OzonData["cashFlows"] = [];
  for (let d = o.from; d <= o.to; d = addDaysIso(d, 1)) {
    const dom = Number(d.slice(8, 10));
    if (dom === 15 || addDaysIso(d, 1).slice(8, 10) === "01") {
      const begin = dom === 15 ? `${d.slice(0, 8)}01` : `${d.slice(0, 8)}16`;
      const payment = rng.int(1_000_000, 9_000_000);
      cashFlows.push({ id: `${begin}_${d}`, begin, end: d, payment });
      addFlow(truth, "payout", payment, true);
    }
  }
  return { skus, postings, accruals, accrualTypes: ACCRUAL_TYPES, fboStocks, fbsStocks, reviews, cashFlows };
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
];
void LOGISTICS_TYPES;

export interface Dataset {
  options: Required<Omit<DatasetOptions, "endDate">> & { from: string; to: string; financeEnd: string };
  wb: WbData;
  ozon: OzonData;
  truth: Truth;
  malformed: {
    wbSales: Record<string, unknown>[];
    wbFinance: Record<string, unknown>[];
    ozonAccruals: Record<string, unknown>[];
  };
}

export function buildDataset(options: DatasetOptions): Dataset {
  const to = options.endDate ?? addDaysIso(new Date(Date.now() + MSK_OFFSET_MS).toISOString().slice(0, 10), -1);
  const from = addDaysIso(to, -(options.days - 1));
  const o = {
    seed: options.seed,
    skus: options.skus,
    days: options.days,
    warehouses: Math.max(1, options.warehouses),
    malformed: options.malformed ?? false,
    from,
    to,
    financeEnd: addDaysIso(to, -2),
  };
  const wbTruth = emptyTruth();
  const ozonTruth = emptyTruth();
  const wb = buildWb({ ...o, nowWall: `${to}T23:59:59` }, wbTruth);
  const ozon = buildOzon(o, ozonTruth);
  const malformed = {
    wbSales: [] as Record<string, unknown>[],
    wbFinance: [] as Record<string, unknown>[],
    ozonAccruals: [] as Record<string, unknown>[],
  };
  if (o.malformed && wb.sales.length > 0) {
    const sample = wb.sales[Math.floor(wb.sales.length / 2)].json;
    malformed.wbSales.push({ ...sample, saleID: "S999999999901", srid: "bad-1", nmId: "not-a-number" });
    malformed.wbSales.push({ ...sample, saleID: "S999999999902", srid: "bad-2", date: "yesterday" });
    const line = wb.finance.find((l) => l.docTypeName === "Продажа");
    if (line) malformed.wbFinance.push({ ...line, rrdId: 3_319_999_999, forPay: "12.3.4" });
    const day = [...ozon.accruals.keys()][0];
    if (day) {
      malformed.ozonAccruals.push({
        accrual_id: "90801100001",
        date: day,
        accrued_category: "NON_ITEM",
        unit_number: "BROKEN",
        total_amount: { amount: "abc", currency: "RUB" },
        non_item_fee: { type_id: 46, accrued: { amount: "abc", currency: "RUB" } },
      });
    }
  }
  return { options: o, wb, ozon, truth: { from, to, wb: wbTruth, ozon: ozonTruth }, malformed };
}

export { mskDayOfUtc };
