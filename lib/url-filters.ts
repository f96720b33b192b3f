// The dashboard's shared filters live in the URL: ?store=<accounts.id>&from=YYYY-MM-DD&to=YYYY-MM-DD.
// Pure (safe in client components): every feature page parses them the same way, with the same
// defaults (the last 30 business days ending on the last complete one, yesterday in APP_TIMEZONE:
// today's data is still arriving) and the same limits.
import { z } from "zod";
import { addDays, businessToday, daysBetween, isIsoDay } from "@/lib/domain/dates";
import { lastCompleteDay } from "@/lib/domain/periods";
import type { DashboardScope } from "@/lib/data/scope";

export const DEFAULT_RANGE_DAYS = 30;
/** longest range a page is asked to compute (about three years) */
export const MAX_RANGE_DAYS = 1096;

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

export interface DashboardFilters extends DashboardScope {
  /** true when from/to came from the defaults, not the URL */
  isDefaultRange: boolean;
}

const storeParam = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number)
  .refine((n) => n <= 2_147_483_647);
const dayParam = z.string().refine(isIsoDay);

function first(params: SearchParamsInput, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
  return Array.isArray(value) ? value[0] : value;
}

export function parseDashboardFilters(
  params: SearchParamsInput,
  options: { timeZone: string; now?: Date; defaultDays?: number },
): DashboardFilters {
  const today = businessToday(options.timeZone, options.now);
  const store = storeParam.safeParse(first(params, "store") ?? "");
  const fromP = dayParam.safeParse(first(params, "from") ?? "");
  const toP = dayParam.safeParse(first(params, "to") ?? "");

  let to = toP.success ? toP.data : lastCompleteDay(today);
  let from = fromP.success ? fromP.data : addDays(to, -((options.defaultDays ?? DEFAULT_RANGE_DAYS) - 1));
  if (from > to) [from, to] = [to, from];
  if (daysBetween(from, to) + 1 > MAX_RANGE_DAYS) from = addDays(to, -(MAX_RANGE_DAYS - 1));
  return {
    accountId: store.success ? store.data : null,
    from,
    to,
    isDefaultRange: !fromP.success && !toP.success,
  };
}

/** Query string for filters, keeping any other parameters of `base`. */
export function filtersToQuery(
  filters: Partial<Pick<DashboardScope, "accountId" | "from" | "to">>,
  base?: URLSearchParams,
): string {
  const params = new URLSearchParams(base);
  if (filters.accountId === null) params.delete("store");
  else if (filters.accountId !== undefined) params.set("store", String(filters.accountId));
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  const s = params.toString();
  return s ? `?${s}` : "";
}
