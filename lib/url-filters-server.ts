import "server-only";
import { getEnv } from "@/lib/env";
import { type DashboardFilters, parseDashboardFilters, type SearchParamsInput } from "./url-filters";

/** Filters of a page's `searchParams` prop, in the business time zone:
 *  `const filters = await getDashboardFilters(props.searchParams)` */
export async function getDashboardFilters(
  searchParams: Promise<SearchParamsInput> | SearchParamsInput,
): Promise<DashboardFilters> {
  return parseDashboardFilters(await searchParams, { timeZone: getEnv().APP_TIMEZONE });
}
