// Filters of a server-driven table as a plain GET form: submitting rewrites the URL (resetting the
// page) and keeps the store, date range and sort. Works without JavaScript; no client code.
import Link from "next/link";
import type { SearchParamsRecord } from "@/lib/data/table-params";
import { param } from "@/lib/data/table-params";

export type FilterField =
  | { kind: "text"; name: string; label: string; placeholder?: string }
  | { kind: "select"; name: string; label: string; options: { value: string; label: string }[]; allLabel?: string }
  | { kind: "checkbox"; name: string; label: string };

type FilterText = (
  key: "filters.search" | "filters.marketplace" | "filters.all" | "marketplaces.WB" | "marketplaces.OZON",
) => string;

/** The text search every table page starts its filters with ("dashboard" messages). */
export function searchField(td: FilterText, placeholder: string): FilterField {
  return { kind: "text", name: "q", label: td("filters.search"), placeholder };
}

/** A choice of one of `options`, or all of them (`allLabel`). */
export function selectField(
  name: string,
  label: string,
  allLabel: string,
  options: { value: string; label: string }[],
): FilterField {
  return { kind: "select", name, label, allLabel, options };
}

/** The marketplace choice of the table pages ("dashboard" messages). */
export function marketplaceField(td: FilterText): FilterField {
  return selectField("mp", td("filters.marketplace"), td("filters.all"), [
    { value: "WB", label: td("marketplaces.WB") },
    { value: "OZON", label: td("marketplaces.OZON") },
  ]);
}

/** keys the form carries over unchanged */
const KEEP = ["store", "from", "to", "sort", "dir", "size"];

export function FilterBar({
  fields,
  searchParams,
  pathname,
  labels,
  keep = [],
}: {
  fields: FilterField[];
  searchParams: SearchParamsRecord;
  pathname: string;
  labels: { apply: string; reset: string; title: string };
  /** extra keys to keep (e.g. a tab) */
  keep?: string[];
}) {
  const fieldNames = new Set(fields.map((f) => f.name));
  const hidden = [...KEEP, ...keep].filter((k) => !fieldNames.has(k) && param(searchParams, k) !== undefined);
  const resetQuery = new URLSearchParams();
  for (const k of ["store", "from", "to", ...keep]) {
    const v = param(searchParams, k);
    if (v !== undefined) resetQuery.set(k, v);
  }
  const resetHref = resetQuery.size ? `${pathname}?${resetQuery}` : pathname;
  return (
    <form
      method="get"
      action={pathname}
      role="search"
      aria-label={labels.title}
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
    >
      {hidden.map((k) => (
        <input key={k} type="hidden" name={k} value={param(searchParams, k)} />
      ))}
      {fields.map((f) => {
        const id = `filter-${f.name}`;
        const value = param(searchParams, f.name) ?? "";
        if (f.kind === "checkbox") {
          return (
            <label key={f.name} htmlFor={id} className="flex items-center gap-2 py-2 text-sm text-slate-700">
              <input
                id={id}
                type="checkbox"
                name={f.name}
                value="1"
                defaultChecked={value === "1"}
                className="h-4 w-4 rounded border-slate-300"
              />
              {f.label}
            </label>
          );
        }
        return (
          <div key={f.name} className="flex min-w-[9rem] flex-col gap-1">
            <label htmlFor={id} className="text-xs font-medium text-slate-600">
              {f.label}
            </label>
            {f.kind === "text" ? (
              <input
                id={id}
                type="search"
                name={f.name}
                defaultValue={value}
                placeholder={f.placeholder}
                maxLength={100}
                className="w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm sm:w-56"
              />
            ) : (
              <select
                id={id}
                name={f.name}
                defaultValue={value}
                className="rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm"
              >
                {f.allLabel !== undefined ? <option value="">{f.allLabel}</option> : null}
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </div>
        );
      })}
      <div className="flex gap-2">
        <button
          type="submit"
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          {labels.apply}
        </button>
        <Link
          href={resetHref}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
        >
          {labels.reset}
        </Link>
      </div>
    </form>
  );
}
