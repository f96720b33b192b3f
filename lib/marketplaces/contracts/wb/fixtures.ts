// Contract fixtures for every WB endpoint WbClient calls. Where WB's OpenAPI file gives a whole response
// example, it is copied into wb/examples/*.json (YAML turned into JSON, values unchanged); where it gives
// examples per property, the official example is the record those property examples compose (as the
// published docs render it), field for field. Money in the finance API is a string; the statistics feeds
// send numbers.
import { built, type EndpointContract, official, variant, wbSpec } from "../fixture";
import { exampleText, jsonText } from "../json-text";
import type { RequestSchema } from "../request-schema";
import { productsReport } from "./lost-orders-fixtures";
import { orderFeed, orders, sellerStocks } from "./order-fixtures";
import { statisticsRequest, stocksReportRequest, WB_STATISTICS_ROW, WB_STATISTICS_ROW_IDS } from "./statistics";

const FINANCES = wbSpec("13-finances.yaml");
const GENERAL = wbSpec("01-general.yaml");
const REPORTS = wbSpec("12-reports.yaml", "141a1b8bb8dc0b32c8d614e0bc9c604d629275ca");
const ANALYTICS = wbSpec("11-analytics.yaml", "1f79741e3343490363405b7501b1c2fa9de2d2c0");
const COMMUNICATIONS = wbSpec("09-communications.yaml", "141a1b8bb8dc0b32c8d614e0bc9c604d629275ca");
const ITEMS = wbSpec("02-items.yaml", "131b72a7536186e79efe00179118ed406c3aeeca");
const str: RequestSchema = { type: "string" };
const int: RequestSchema = { type: "integer" };
const bool: RequestSchema = { type: "boolean" };
/** the body of both sales-report methods: a date range by period, and the paging each method has */
const salesReportsRequest = (paging: Record<string, RequestSchema>): RequestSchema => ({
  type: "object",
  required: ["dateFrom", "dateTo"],
  properties: { dateFrom: str, dateTo: str, period: { type: "string", enum: ["daily", "weekly"] }, ...paging },
});

export const ping: EndpointContract = {
  method: "GET",
  path: "/ping",
  request: { type: "object", properties: {} },
  requestSource: GENERAL,
  fixtures: [
    official(GENERAL, "paths./ping.get.responses.200.content.application/json.example", exampleText("wb", "ping.json")),
    variant(
      "nanoseconds",
      "official",
      "TS is a string: a timestamp with nanoseconds",
      jsonText({ TS: "2026-11-26T09:41:12.123456789+03:00", Status: "OK" }),
    ),
  ],
};

// ---------------------------------------------------------------- statistics: sales
/** the reference's first supplier/sales row (marketplace-apis.md §1.6) */
export const WB_SALE_ROW = {
  date: "2026-11-24T18:02:11",
  lastChangeDate: "2026-11-24T18:34:55",
  ...WB_STATISTICS_ROW,
  paymentSaleAmount: 0,
  forPay: 1095.6,
  finishedPrice: 1000,
  priceWithDisc: 1369.5,
  saleID: "S21908776512",
  ...WB_STATISTICS_ROW_IDS,
};

export const sales: EndpointContract = {
  method: "GET",
  path: "/api/v1/supplier/sales",
  request: statisticsRequest,
  requestSource: REPORTS,
  fixtures: [
    official(
      REPORTS,
      "paths./api/v1/supplier/sales.get.responses.200.content.application/json.example",
      exampleText("wb", "supplier-sales.json"),
    ),
    variant(
      "variants",
      "official",
      "SalesItem: a sale (S) at a WB warehouse, a return (R) with negative amounts, a row whose money " +
        "is still 0 (filled within 24 hours), a seller-warehouse (FBS) sale; Moscow wall times without offset",
      jsonText([
        WB_SALE_ROW,
        {
          ...WB_SALE_ROW,
          date: "2026-11-25T11:47:30",
          lastChangeDate: "2026-11-25T12:05:19",
          nmId: 224455667,
          supplierArticle: "HOOD-GRY-XL",
          totalPrice: -4990,
          forPay: -2275.4,
          finishedPrice: -2335,
          priceWithDisc: -2994,
          saleID: "R21914455102",
          srid: "63.b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6.0.0",
        },
        {
          ...WB_SALE_ROW,
          date: "2026-11-25T23:20:03",
          lastChangeDate: "2026-11-25T23:41:56",
          nmId: 231122334,
          forPay: 0,
          finishedPrice: 0,
          priceWithDisc: 0,
          saleID: "S21913400777",
          srid: "81.d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5.0.0",
        },
        {
          ...WB_SALE_ROW,
          date: "2026-11-26T00:10:00",
          lastChangeDate: "2026-11-26T00:15:00",
          warehouseName: "Мой склад Подольск",
          warehouseType: "Склад продавца",
          saleID: "S21913400999",
          srid: "91.aa.0.0",
        },
      ]),
    ),
    variant("empty", "official", "nothing changed since dateFrom: an empty array", "[]"),
  ],
};

// ---------------------------------------------------------------- finance: realization report
/** the record the spec's property examples of SalesReportsDetailedRes compose */
const detailedOfficial = {
  reportId: 1234567,
  dateFrom: "2026-03-16",
  dateTo: "2026-03-22",
  createDate: "2026-03-23",
  currency: "RUB",
  reportType: 1,
  rrdId: 1232610467,
  giId: 123456,
  dlvPrc: 1.8,
  fixTariffDateFrom: "2026-03-18",
  fixTariffDateTo: "2026-03-19",
  subjectName: "Мини-печи",
  nmId: 1234567,
  brandName: "BlahBlah",
  vendorCode: "MAB123",
  title: "ДС тарелка",
  techSize: "0",
  sku: "1231312352310",
  docTypeName: "Продажа",
  quantity: 1,
  retailPrice: "1249",
  retailAmount: "367",
  salePercent: 0,
  commissionPercent: 24,
  officeName: "Склад WB",
  sellerOperName: "Продажа",
  orderDt: "2026-03-14T00:00:00Z",
  saleDt: "2026-03-21T00:00:00Z",
  rrDate: "2025-10-20",
  shkId: 1239159661,
  retailPriceWithDisc: "399.68",
  deliveryAmount: 0,
  returnAmount: 0,
  deliveryService: "0",
  giBoxTypeName: "Монопаллета",
  productDiscountForReport: 0,
  sellerPromo: 0,
  spp: 25.31,
  kvwBase: 24.15,
  kvw: 1.81,
  supRatingUp: 0,
  isKgvpV2: 0,
  ppvzSalesCommission: "23.74",
  forPay: "376.99",
  ppvzReward: "0",
  acquiringFee: "14.89",
  acquiringPercent: 4.06,
  paymentProcessing: "Комиссия за организацию платежа с НДС",
  acquiringBank: "Вайлдберриз Банк",
  vw: "22.25",
  vwNds: "4.45",
  ppvzOfficeName: "Москва Москва Очаковское шоссе 6к2",
  ppvzOfficeId: 105383,
  ppvzSupplierName: "ИП Жасмин",
  ppvzSupplierInn: "010101010101",
  declarationNumber: "",
  bonusTypeName: "Штраф МП. Невыполненный заказ (отмена клиентом после недовоза)",
  stickerId: "1964038895",
  country: "Россия",
  srvDbs: true,
  penalty: "231.35",
  additionalPayment: "0",
  rebillLogisticCost: "1.349",
  rebillLogisticOrg: "ИП Иванов Иван Иванович(123456789012)",
  paidStorage: "12647.29",
  deduction: "6354",
  paidAcceptance: "865",
  orderId: 2816993144,
  kiz: "0102900000376311210G2CIS?ehge)S\u001d91002A\u001d92F9Qof4FDo/31Icm14kmtuVYQzLypxm3HWkC1vQ/+pVVjm1dNAth1laFMoAGn7yEMWlTjxIe7lQnJqZ7TRZhlHQ==",
  isB2b: false,
  trbxId: "WB-TRBX-1234567",
  installmentCofinancingAmount: "0",
  wibesDiscountPercent: 1,
  cashbackAmount: "2",
  cashbackDiscount: "19",
  cashbackCommissionChange: "0.2",
  paymentSchedule: "-1",
  deliveryMethod: "FBS, (МГТ)",
  sellerPromoId: 14350,
  sellerPromoDiscount: 3,
  loyaltyId: 0,
  loyaltyDiscount: 0,
  uuidPromocode: "",
  salePricePromocodeDiscountPrc: 0,
  articleSubstitution: "",
  salePriceAffiliatedDiscountPrc: 0,
  agencyVat: 0,
  salePriceWholesaleDiscountPrc: 0,
  b2bCustomerTin: "010101010101",
  paidWithSocialCertificate: false,
  warehouseLogisticsCoeff: 0,
  orderUid: "id375f16c4bec295d9995393af803ff7b",
  srid: "0f1c3999172603062979867564654dac5b702849",
};

export const financeDetailed: EndpointContract = {
  method: "POST",
  path: "/api/finance/v1/sales-reports/detailed",
  request: salesReportsRequest({
    limit: { type: "integer", minimum: 1, maximum: 100_000 },
    rrdId: { type: "integer", minimum: 0 },
    fields: { type: "array", items: str },
  }),
  requestSource: FINANCES,
  fixtures: [
    official(
      FINANCES,
      "components.schemas.SalesReportsDetailedRes, the example of every property",
      jsonText([detailedOfficial]),
    ),
    variant(
      "variants",
      "official",
      "a return line (positive amounts, docTypeName Возврат), a storage line without a product (nmId 0, " +
        "empty strings), money as JSON numbers, an rrdId and a reportId beyond 2^53",
      jsonText([
        {
          ...detailedOfficial,
          rrdId: 1232610468,
          docTypeName: "Возврат",
          sellerOperName: "Возврат",
          quantity: 1,
          retailPriceWithDisc: "399.68",
          forPay: "376.99",
          acquiringFee: "-14.89",
          penalty: "0",
          paidStorage: "0",
          deduction: "0",
          paidAcceptance: "0",
          bonusTypeName: "",
        },
        {
          ...detailedOfficial,
          reportId: 9007199254740993n,
          rrdId: 9007199254740995n,
          nmId: 0,
          vendorCode: "",
          docTypeName: "",
          sellerOperName: "Хранение",
          quantity: 0,
          retailPriceWithDisc: 0,
          forPay: 0,
          acquiringFee: 0,
          deliveryService: 0,
          penalty: 0,
          paidStorage: 12647.29,
          deduction: 0,
          paidAcceptance: 0,
          rebillLogisticCost: 0,
          bonusTypeName: "",
        },
      ]),
    ),
    variant("end", "official", "204: no lines after the given rrdId", "", 204),
  ],
};

/** the record the spec's property examples of SalesReportListRes compose */
const listOfficial = {
  reportId: 307401554,
  sellerFinanceName: "ИП Кружинин В. Р.",
  dateFrom: "2026-03-16",
  dateTo: "2026-03-22",
  createDate: "2026-03-23",
  currency: "RUB",
  reportType: 1,
  retailAmountSum: "258",
  forPaySum: "183.79",
  avgSalePercent: 0,
  deliveryServiceSum: "2558.47",
  paidStorageSum: "626.84",
  paidAcceptanceSum: "243.81",
  deductionSum: "150",
  penaltySum: "1457.61",
  additionalPaymentSum: "9509.71",
  cashbackAmountSum: "2",
  cashbackDiscountSum: "19",
  cashbackCommissionChangeSum: "0.2",
  paymentSchedule: "-1",
  bankPaymentSum: "5172.94",
};

export const financeList: EndpointContract = {
  method: "POST",
  path: "/api/finance/v1/sales-reports/list",
  request: salesReportsRequest({
    limit: { type: "integer", minimum: 1, maximum: 1000 },
    offset: { type: "integer", minimum: 0 },
  }),
  requestSource: FINANCES,
  fixtures: [
    official(
      FINANCES,
      "components.schemas.SalesReportListRes, the example of every property",
      jsonText([listOfficial]),
    ),
    variant(
      "variants",
      "official",
      "a report by buyouts (reportType 2, every enum value), a daily reportId beyond 2^53",
      jsonText([{ ...listOfficial, reportId: 9007199254740993n, reportType: 2, bankPaymentSum: "-120.50" }]),
    ),
    variant("end", "official", "204: no reports in the range", "", 204),
  ],
};

// ---------------------------------------------------------------- analytics: stocks
/** the record the spec's property examples of InventoryWbResponse.items compose */
const stockOfficial = {
  nmId: 47254354,
  chrtId: 91663228,
  warehouseId: -999999,
  warehouseName: "Склад WB",
  regionName: "Склад WB",
  quantity: 43,
  inWayToClient: 14,
  inWayFromClient: 11,
};

export const stocks: EndpointContract = {
  method: "POST",
  path: "/api/analytics/v1/stocks-report/wb-warehouses",
  request: stocksReportRequest,
  requestSource: ANALYTICS,
  fixtures: [
    official(
      ANALYTICS,
      "components.schemas.InventoryWbResponse, the example of every property",
      jsonText({ data: { items: [stockOfficial] } }),
    ),
    variant(
      "sizes",
      "official",
      "InventoryWbResponse: two sizes of one card at the masked warehouse, one with nothing on hand",
      jsonText({
        data: {
          items: [
            {
              nmId: 213456789,
              chrtId: 340112233,
              warehouseId: -999999,
              warehouseName: "Склад WB",
              regionName: "Склад WB",
              quantity: 143,
              inWayToClient: 12,
              inWayFromClient: 3,
            },
            {
              nmId: 213456789,
              chrtId: 340112234,
              warehouseId: -999999,
              warehouseName: "Склад WB",
              regionName: "Склад WB",
              quantity: 0,
              inWayToClient: 1,
              inWayFromClient: 2,
            },
          ],
        },
      }),
    ),
    variant("end", "official", "204: no data past the offset", "", 204),
  ],
};

// ---------------------------------------------------------------- feedbacks
const pageQuery = {
  nmId: int,
  take: { type: "integer", minimum: 1, maximum: 5000 },
  skip: { type: "integer", minimum: 0, maximum: 199_990 },
  order: { type: "string", enum: ["dateAsc", "dateDesc"] },
} satisfies Record<string, RequestSchema>;
const feedback = {
  id: "YX52RZEBhH9mrcYdEJuD",
  text: "Спасибо, всё подошло",
  pros: "Удобные",
  cons: "Нет",
  productValuation: 5,
  createdDate: "2026-11-20T10:20:48+03:00",
  answer: null,
  state: "none",
  productDetails: {
    imtId: 123456789,
    nmId: 213456789,
    productName: "Футболка базовая",
    supplierArticle: "TSH-BLK-M",
    supplierName: "ИП Кружинин В. Р.",
    brandName: "NordLine",
    size: "M",
  },
  video: null,
  wasViewed: false,
  photoLinks: null,
  userName: "Николай",
  matchingSize: "ok",
  isAbleSupplierFeedbackValuation: false,
  supplierFeedbackValuation: 0,
  isAbleSupplierProductValuation: false,
  supplierProductValuation: 0,
  isAbleReturnProductOrders: false,
  returnProductOrdersDate: null,
  bables: [],
  lastOrderShkId: 123456789,
  lastOrderCreatedAt: "2026-11-10T15:38:54.237944+03:00",
  color: "черный",
  subjectId: 192,
  subjectName: "Футболки",
  parentFeedbackId: null,
  childFeedbackId: null,
  orderStatus: "buyout",
};

export const feedbacks: EndpointContract = {
  method: "GET",
  path: "/api/v1/feedbacks",
  request: {
    type: "object",
    required: ["isAnswered", "take", "skip"],
    properties: { ...pageQuery, isAnswered: bool, dateFrom: int, dateTo: int },
  },
  requestSource: COMMUNICATIONS,
  fixtures: [
    official(
      COMMUNICATIONS,
      "paths./api/v1/feedbacks.get.responses.200.content.application/json.example",
      exampleText("wb", "feedbacks.json"),
    ),
    variant(
      "variants",
      "official",
      "responseFeedback: an unanswered feedback with the nullable answer, video and photoLinks null, and an " +
        "answered one (answer.state wbRu) with a photo and orderStatus rejected",
      jsonText({
        data: {
          countUnanswered: 1,
          countArchive: 0,
          feedbacks: [
            feedback,
            {
              ...feedback,
              id: "n5um6IUBQOOSTxXoo0gV",
              productValuation: 2,
              createdDate: "2026-11-21T08:00:00Z",
              answer: { text: "Спасибо за отзыв", state: "wbRu", editable: false },
              photoLinks: [{ fullSize: "https://example.invalid/f.jpg", miniSize: "https://example.invalid/m.jpg" }],
              orderStatus: "rejected",
            },
          ],
        },
        error: false,
        errorText: "",
        additionalErrors: null,
      }),
    ),
    variant(
      "none",
      "official",
      "no feedbacks: data.feedbacks null",
      jsonText({ data: { countUnanswered: 0, countArchive: 0, feedbacks: null }, error: false, errorText: "" }),
    ),
  ],
};

export const feedbacksArchive: EndpointContract = {
  method: "GET",
  path: "/api/v1/feedbacks/archive",
  request: { type: "object", required: ["take", "skip"], properties: pageQuery },
  requestSource: COMMUNICATIONS,
  fixtures: [
    official(
      COMMUNICATIONS,
      "paths./api/v1/feedbacks/archive.get.responses.200.content.application/json.example",
      exampleText("wb", "feedbacks-archive.json"),
    ),
    variant(
      "answer without editable",
      "official",
      "responseFeedback: an answer without its optional editable flag, no media",
      jsonText({
        data: { feedbacks: [{ ...feedback, id: "arch1", answer: { text: "Ответ", state: "wbRu" } }] },
        error: false,
        errorText: "",
        additionalErrors: null,
      }),
    ),
  ],
};

// ---------------------------------------------------------------- feedback replies
// Answering and editing an answer (`x-readonly-method: false`, 204 without a body), and one review by id,
// read back to see that the answer arrived: WB does not validate the id and answers 204 to any.
/** one method on /api/v1/feedbacks/answer: the body's id and text, 204 without a body */
const feedbackAnswerMethod = (method: "POST" | "PATCH"): EndpointContract => ({
  method,
  path: "/api/v1/feedbacks/answer",
  request: { type: "object", required: ["id", "text"], properties: { id: str, text: str } },
  requestSource: COMMUNICATIONS,
  fixtures: [
    {
      ...built(
        "no content",
        COMMUNICATIONS,
        `paths./api/v1/feedbacks/answer.${method.toLowerCase()}.responses.204 (no body)`,
        "",
      ),
      status: 204,
    },
  ],
});
export const feedbackAnswer = feedbackAnswerMethod("POST");
export const feedbackAnswerEdit = feedbackAnswerMethod("PATCH");
export const feedbackById: EndpointContract = {
  method: "GET",
  path: "/api/v1/feedback",
  request: { type: "object", required: ["id"], properties: { id: str } },
  requestSource: COMMUNICATIONS,
  fixtures: [
    built(
      "answered",
      COMMUNICATIONS,
      "paths./api/v1/feedback.get.responses.200 (the list's feedback record under data, answered)",
      jsonText({
        data: { ...feedback, answer: { text: "Спасибо за отзыв!", state: "reviewRequired", editable: true } },
        error: false,
        errorText: "",
        additionalErrors: null,
      }),
    ),
  ],
};

// ---------------------------------------------------------------- content: cards
export const cards: EndpointContract = {
  method: "POST",
  path: "/content/v2/get/cards/list",
  request: {
    type: "object",
    required: ["settings"],
    properties: {
      settings: {
        type: "object",
        properties: {
          sort: { type: "object", properties: { ascending: bool } },
          filter: {
            type: "object",
            properties: {
              withPhoto: { type: "integer", minimum: -1, maximum: 2 },
              textSearch: str,
              tagIDs: { type: "array", items: int },
              allowedCategoriesOnly: bool,
              objectIDs: { type: "array", items: int },
              brands: { type: "array", items: str },
              imtID: int,
            },
          },
          cursor: {
            type: "object",
            required: ["limit"],
            properties: { limit: { type: "integer", minimum: 1, maximum: 100 }, updatedAt: str, nmID: int },
          },
        },
      },
    },
  },
  requestSource: ITEMS,
  fixtures: [
    official(
      ITEMS,
      "paths./content/v2/get/cards/list.post.responses.200.content.application/json.example",
      exampleText("wb", "content-cards-list.json"),
    ),
    variant(
      "sparse",
      "official",
      "cards[]: empty description, photos, characteristics and tags, a card whose cursor names it",
      jsonText({
        cards: [
          {
            nmID: 213456789,
            imtID: 123456789,
            nmUUID: "01bda4b3-4a7c-7d3e-9c1f-2b7d2a1e0f11",
            subjectID: 192,
            subjectName: "Футболки",
            vendorCode: "TSH-BLK-M",
            brand: "NordLine",
            title: "Футболка базовая хлопок",
            description: "",
            needKiz: false,
            photos: [],
            video: "",
            dimensions: { length: 30, width: 20, height: 3, weightBrutto: 0.25, isValid: true },
            characteristics: [],
            sizes: [{ chrtID: 340112233, techSize: "M", wbSize: "48", skus: ["2041234567012"] }],
            tags: [],
            createdAt: "2025-03-01T10:00:00.1Z",
            updatedAt: "2026-11-20T08:15:42.36Z",
          },
        ],
        cursor: { updatedAt: "2026-11-20T08:15:42.36Z", nmID: 213456789, total: 1 },
      }),
    ),
  ],
};

export const WB_CONTRACTS = [
  ping,
  sales,
  financeDetailed,
  financeList,
  stocks,
  feedbacks,
  feedbacksArchive,
  feedbackAnswer,
  feedbackAnswerEdit,
  feedbackById,
  cards,
  orders,
  orderFeed,
  sellerStocks,
  productsReport,
];
