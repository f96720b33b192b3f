// Each table page's filters, sort and paging as read from the URL; the page and its export route
// parse with the same function, so an export holds exactly the rows the user is looking at.
import type { RestockFilters } from "./restock";
import type { ReviewFilters } from "./reviews";
import type { SkuFilters } from "./skus";
import { type RestockSortKey, restockSortKeys, type SkuSortKey, skuSortKeys } from "./sort-keys";
import { idParam, param, parseTableParams, type SearchParamsRecord, type TableParams } from "./table-params";
import type { Marketplace } from "@/db/schema";

function marketplaceParam(params: SearchParamsRecord): Marketplace | undefined {
  const v = param(params, "mp");
  return v === "WB" || v === "OZON" ? v : undefined;
}

function textParam(params: SearchParamsRecord, key: string): string | undefined {
  return param(params, key)?.slice(0, 100);
}

export function parseSkuQuery(params: SearchParamsRecord): { filters: SkuFilters; table: TableParams<SkuSortKey> } {
  return {
    filters: {
      marketplace: marketplaceParam(params),
      brand: textParam(params, "brand"),
      category: textParam(params, "category"),
      q: textParam(params, "q"),
    },
    table: parseTableParams(params, { sortKeys: skuSortKeys, defaultSort: "netSales", defaultDir: "desc" }),
  };
}

const RESTOCK_STATUSES = ["order_now", "soon", "not_observed", "ok", "overstock"] as const;
function restockStatusParam(params: SearchParamsRecord): RestockFilters["status"] {
  const v = param(params, "status");
  return (RESTOCK_STATUSES as readonly string[]).includes(v ?? "") ? (v as RestockFilters["status"]) : undefined;
}

export function parseRestockQuery(params: SearchParamsRecord): {
  filters: RestockFilters;
  table: TableParams<RestockSortKey>;
} {
  return {
    filters: {
      marketplace: marketplaceParam(params),
      status: restockStatusParam(params),
      location: param(params, "location")?.slice(0, 120),
      q: textParam(params, "q"),
      isNeedOnly: param(params, "need") === "1",
      drawer: idParam(params, "advice"),
    },
    table: parseTableParams(params, { sortKeys: restockSortKeys, defaultSort: "urgency", defaultDir: "asc" }),
  };
}

export function parseReviewQuery(params: SearchParamsRecord): {
  filters: ReviewFilters;
  page: number;
  pageSize: number;
} {
  const rating = Number(param(params, "rating"));
  const table = parseTableParams(params, { sortKeys: ["created"], defaultSort: "created", defaultPageSize: 25 });
  return {
    filters: {
      rating: Number.isInteger(rating) && rating >= 1 && rating <= 5 ? rating : undefined,
      isUnansweredOnly: param(params, "unanswered") === "1",
      isWithMediaOnly: param(params, "media") === "1",
      isQueue: param(params, "view") === "queue",
    },
    page: table.page,
    pageSize: table.pageSize,
  };
}

export function parseCostQuery(params: SearchParamsRecord): {
  q?: string;
  isMissingOnly: boolean;
  page: number;
  pageSize: number;
} {
  const table = parseTableParams(params, { sortKeys: ["article"], defaultSort: "article" });
  return {
    q: textParam(params, "q"),
    isMissingOnly: param(params, "missing") === "1",
    page: table.page,
    pageSize: table.pageSize,
  };
}

export function exportFormatParam(params: SearchParamsRecord): "csv" | "csv-ru" | "xlsx" {
  const v = param(params, "format");
  return v === "xlsx" || v === "csv-ru" ? v : "csv";
}
