// Paging and sorting of server-driven tables, read from and written to the URL. Pure: used by
// lib/data (to build SQL from whitelisted keys) and by the DataTable (to build links).

export type SortDirection = "asc" | "desc";

export interface TableParams<TSort extends string = string> {
  /** 1-based page */
  page: number;
  pageSize: number;
  sort: TSort;
  dir: SortDirection;
}

export const PAGE_SIZES = [25, 50, 100, 200] as const;

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

/** The URL parameters every dashboard page shares: links between pages keep them. */
export const SCOPE_KEYS = ["store", "from", "to"] as const;

// C0 controls and DEL: PostgreSQL refuses a NUL in text outright, and none belongs in a filter
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;
const MAX_INT4 = 2_147_483_647;

/**
 * First value of a search param without control characters, trimmed; undefined when absent or empty.
 * Every page and export reads its URL through here, so what reaches SQL is plain text.
 */
export function param(params: SearchParamsRecord, key: string): string | undefined {
  const raw = params[key];
  const value = Array.isArray(raw) ? raw[0] : raw;
  const trimmed = value?.replace(CONTROL_CHARACTERS, "").trim();
  return trimmed ? trimmed : undefined;
}

/** A positive integer id that fits the integer columns it is compared with; undefined otherwise. */
export function idParam(params: SearchParamsRecord, key: string): number | undefined {
  const value = param(params, key);
  if (!value || !/^[1-9]\d{0,9}$/.test(value)) return undefined;
  const id = Number(value);
  return id <= MAX_INT4 ? id : undefined;
}

/**
 * Reads page/size/sort/dir; an unknown sort key falls back to the default so user input never
 * reaches SQL as an identifier.
 */
export function parseTableParams<TSort extends string>(
  params: SearchParamsRecord,
  options: { sortKeys: readonly TSort[]; defaultSort: TSort; defaultDir?: SortDirection; defaultPageSize?: number },
): TableParams<TSort> {
  const sortRaw = param(params, "sort");
  const sort =
    sortRaw && (options.sortKeys as readonly string[]).includes(sortRaw) ? (sortRaw as TSort) : options.defaultSort;
  const dirRaw = param(params, "dir");
  const dir: SortDirection = dirRaw === "asc" || dirRaw === "desc" ? dirRaw : (options.defaultDir ?? "desc");
  const sizeRaw = Number(param(params, "size"));
  const pageSize = (PAGE_SIZES as readonly number[]).includes(sizeRaw) ? sizeRaw : (options.defaultPageSize ?? 50);
  const pageRaw = Number(param(params, "page"));
  const page = Number.isInteger(pageRaw) && pageRaw >= 1 && pageRaw <= 100_000 ? pageRaw : 1;
  return { page, pageSize, sort, dir };
}

export interface Page<T> {
  rows: T[];
  /** rows matching the filters across all pages */
  total: number;
  page: number;
  pageSize: number;
}

/** Query string with some keys replaced (undefined/empty removes a key); keeps every other filter. */
export function withParams(
  params: SearchParamsRecord,
  changes: Record<string, string | number | undefined | null>,
): string {
  const out = new URLSearchParams();
  for (const [key, raw] of Object.entries(params)) {
    if (key in changes) continue;
    const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    for (const v of values) out.append(key, v);
  }
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined && value !== null && value !== "") out.set(key, String(value));
  }
  const qs = out.toString();
  return qs ? `?${qs}` : "";
}

/** Link to another dashboard page keeping the store and date range of the current URL. */
export function scopedHref(
  pathname: string,
  params: SearchParamsRecord,
  extra: Record<string, string | number | undefined> = {},
): string {
  const out = new URLSearchParams();
  for (const key of SCOPE_KEYS) {
    const v = param(params, key);
    if (v !== undefined) out.set(key, v);
  }
  for (const [key, value] of Object.entries(extra))
    if (value !== undefined && value !== "") out.set(key, String(value));
  const qs = out.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}
