// What WB's statistics rows (supplier/orders and supplier/sales) and its two stocks reports share: the
// reference's first example rows (marketplace-apis.md §1.5 and §1.6) name the same warehouse, buyer region,
// card and prices, and the same sticker, order and row ids.
import type { RequestSchema } from "../request-schema";

const int: RequestSchema = { type: "integer" };

/** the columns between lastChangeDate and the row's own money, as the first example rows give them */
export const WB_STATISTICS_ROW = {
  warehouseName: "Склад WB РФ",
  warehouseType: "Склад WB",
  countryName: "Россия",
  oblastOkrugName: "Приволжский федеральный округ",
  regionName: "Республика Татарстан",
  supplierArticle: "TSH-BLK-M",
  nmId: 213456789,
  barcode: "2041234567012",
  category: "Одежда",
  subject: "Футболки",
  brand: "NordLine",
  techSize: "M",
  incomeID: 28760331,
  isSupply: false,
  isRealization: true,
  totalPrice: 2490,
  discountPercent: 45,
  spp: 27,
};

/** the ids that close a statistics row */
export const WB_STATISTICS_ROW_IDS = {
  sticker: "30918273645",
  gNumber: "9082736451029384756",
  srid: "52.r3d0f4c1a6b9e4f22a1c0d8e7b6a5f4c3.0.0",
};

/** the query of both statistics feeds: dateFrom and the flag the spec allows (0 or 1) */
export const statisticsRequest: RequestSchema = {
  type: "object",
  required: ["dateFrom"],
  properties: { dateFrom: { type: "string" }, flag: { type: "integer", minimum: 0, maximum: 1 } },
};

/** the query of both stocks reports (WB warehouses and seller warehouses) */
export const stocksReportRequest: RequestSchema = {
  type: "object",
  properties: {
    nmIds: { type: "array", items: int, maxItems: 1000 },
    chrtIds: { type: "array", items: int },
    limit: { type: "integer", minimum: 1, maximum: 250_000 },
    offset: { type: "integer", minimum: 0 },
  },
};
