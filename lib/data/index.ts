import "server-only";
// The reads pages use, each checking the user first. The query* functions take a Db and are what
// the tests and the benchmark call directly.
import { authorized } from "./authorized";
import { queryCashflowSummary, queryPayouts } from "./cashflow";
import { queryCostHistory, queryMissingCostSkus, querySkuCostPage } from "./costs";
import { queryAttentionCounts, queryOverviewTiles, queryPnlSeries } from "./overview";
import {
  queryReorderSoon,
  queryRestockDetail,
  queryRestockLocations,
  queryRestockPage,
  querySkuRestock,
  queryRestockSkuOverrides,
  queryRestockStoreSettings,
  querySupplierClosures,
  querySupplyPlans,
} from "./restock";
import { queryReplyTemplates, queryReviewPage, queryReviewStats } from "./reviews";
import { querySkuFilterOptions, querySkuHeader, querySkuPage, querySkuSeries, querySkuWarehouses } from "./skus";

export const getOverviewTiles = authorized(queryOverviewTiles);
export const getPnlSeries = authorized(queryPnlSeries);
export const getAttentionCounts = authorized(queryAttentionCounts);
export const getSkuPage = authorized(querySkuPage);
export const getSkuFilterOptions = authorized(querySkuFilterOptions);
export const getSkuHeader = authorized(querySkuHeader);
export const getSkuSeries = authorized(querySkuSeries);
export const getSkuWarehouses = authorized(querySkuWarehouses);
export const getSkuRestock = authorized(querySkuRestock);
export const getRestockPage = authorized(queryRestockPage);
export const getRestockDetail = authorized(queryRestockDetail);
export const getRestockLocations = authorized(queryRestockLocations);
export const getSupplyPlans = authorized(querySupplyPlans);
export const getReorderSoon = authorized(queryReorderSoon);
export const getRestockStoreSettings = authorized(queryRestockStoreSettings);
export const getRestockSkuOverrides = authorized(queryRestockSkuOverrides);
export const getSupplierClosures = authorized(querySupplierClosures);
export const getCostHistory = authorized(queryCostHistory);
export const getSkuCostPage = authorized(querySkuCostPage);
export const getMissingCostSkus = authorized(queryMissingCostSkus);
export const getCashflowSummary = authorized(queryCashflowSummary);
export const getPayouts = authorized(queryPayouts);
export const getReviewPage = authorized(queryReviewPage);
export const getReviewStats = authorized(queryReviewStats);
export const getReplyTemplates = authorized(queryReplyTemplates);
