import "server-only";
import type { DashboardScope } from "@/lib/data/scope";
import { getEnv } from "@/lib/env";
import { type DashboardFilters, parseDashboardFilters, type SearchParamsInput } from "./url-filters";

/** Filters of a page's `searchParams` prop, in the business time zone:
 *  `const filters = await getDashboardFilters(props.searchParams)` */
export async function getDashboardFilters(
  searchParams: Promise<SearchParamsInput> | SearchParamsInput,
): Promise<DashboardFilters> {
  return parseDashboardFilters(await searchParams, { timeZone: getEnv().APP_TIMEZONE });
}

/** A dashboard page's URL parameters and the store and day range they choose. */
export async function getPageScope<P extends SearchParamsInput>(
  searchParams: Promise<P>,
): Promise<{ params: P; scope: DashboardScope }> {
  const params = await searchParams;
  const filters = await getDashboardFilters(params);
  return { params, scope: { accountId: filters.accountId, from: filters.from, to: filters.to } };
}
