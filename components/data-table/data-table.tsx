"use client";
// One generic server-driven table. Sorting and paging are links that change the URL, so the page
// (a server component) re-reads exactly one page of rows; they work without JavaScript too.
// Links inside rows take prefetch={false}: Next would otherwise prefetch every row's page from the
// server as soon as the table is visible (50 requests for each page of a table someone looks at).
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { type ColumnDef, type RowData, type SortingState, useTable } from "@tanstack/react-table";
import { useMemo } from "react";
import { cn } from "@/components/ui/cn";
import { Table, TBody, Th, THead } from "@/components/ui/table";
import { PAGE_SIZES } from "@/lib/data/table-params";
import { type DataTableColumn, renderCell } from "./columns";
import { type DataTableFeatures, dataTableFeatures } from "./features";

export interface DataTableLabels {
  /** e.g. "Rows {from}–{to} of {total}" already formatted by the caller's translator */
  summary: string;
  previous: string;
  next: string;
  pageSize: string;
  sortAscending: string;
  sortDescending: string;
  pagination: string;
}

/** One page of rows as the server cut it, with the labels of its sort links and pager. */
export interface ServerTableView<TRow> {
  rows: TRow[];
  total: number;
  page: number;
  pageSize: number;
  sort: string;
  dir: "asc" | "desc";
  labels: DataTableLabels;
}

/** What a page hands a sortable server-driven table component: the view and the time zone for its formatters. */
export interface ServerTableProps<TRow> extends ServerTableView<TRow> {
  timeZone: string;
}

export interface DataTableProps<TData extends RowData> {
  /** the page columns of the table's one definition (toPageColumns) */
  columns: DataTableColumn<TData>[];
  /** the rows and how they were cut (a ServerTableProps passes as it is) */
  view: ServerTableView<TData>;
  caption: string;
  getRowId: (row: TData) => string;
  testId?: string;
  /** a footer row (the totals of every row the filters select), one cell per column id */
  footer?: Partial<Record<string, React.ReactNode>>;
}

function hrefWith(pathname: string, search: URLSearchParams, changes: Record<string, string | undefined>): string {
  const next = new URLSearchParams(search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) next.delete(key);
    else next.set(key, value);
  }
  const qs = next.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

export function DataTable<TData extends RowData>(props: DataTableProps<TData>) {
  const { columns, caption, getRowId, testId, footer } = props;
  const { rows: data, total, page, pageSize, sort, dir, labels } = props.view;
  const pathname = usePathname();
  const search = useSearchParams();
  const router = useRouter();
  const sorting = useMemo<SortingState>(() => [{ id: sort, desc: dir === "desc" }], [sort, dir]);
  // TanStack builds the header (sort state, which columns sort); it gets no cell templates, since
  // the body is rendered from `data` and our columns directly (renderCell, see README.md)
  const tableColumns = useMemo(
    () =>
      columns.map((column): ColumnDef<DataTableFeatures, TData, unknown> => ({
        id: column.id,
        accessorFn: (row) => column.value(row),
        header: column.header,
        enableSorting: column.enableSorting,
        meta: column.meta,
      })),
    [columns],
  );
  const table = useTable({
    features: dataTableFeatures,
    columns: tableColumns,
    // TanStack's row model and its getRowId are unused
    data,
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    state: { sorting },
  });

  // cells are styled from the table (.data-table in app/globals.css): only text cells carry a class
  const bodyColumns = columns.map((column) => ({ column, className: column.meta.isNumeric ? undefined : "cell-text" }));
  const isFirstColumnSticky = Boolean(columns[0]?.meta.isSticky);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const searchParams = new URLSearchParams(search.toString());

  return (
    <div data-testid={testId}>
      <Table
        caption={caption}
        boxClassName="rounded-lg border border-slate-200 bg-white"
        className={cn("data-table", isFirstColumnSticky && "data-table-sticky")}
      >
        <THead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const meta = header.column.columnDef.meta;
                const sortKey = meta?.sortKey ?? header.column.id;
                const canSort = header.column.getCanSort();
                const isSorted = sort === sortKey ? dir : false;
                // first click sorts numbers high-to-low (what a seller looks for), text A-Z
                const nextDir = isSorted ? (isSorted === "asc" ? "desc" : "asc") : meta?.isNumeric ? "desc" : "asc";
                return (
                  <Th
                    key={header.id}
                    numeric={meta?.isNumeric}
                    aria-sort={isSorted === "asc" ? "ascending" : isSorted === "desc" ? "descending" : undefined}
                    className={meta?.isSticky ? "sticky left-0 z-10 bg-slate-50" : undefined}
                  >
                    {header.isPlaceholder ? null : canSort ? (
                      <Link
                        href={hrefWith(pathname, searchParams, { sort: sortKey, dir: nextDir, page: undefined })}
                        className="inline-flex items-center gap-1 rounded hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
                        title={nextDir === "asc" ? labels.sortAscending : labels.sortDescending}
                        scroll={false}
                      >
                        <table.FlexRender header={header} />
                        <span aria-hidden="true" className={isSorted ? "text-indigo-600" : "text-slate-300"}>
                          {isSorted === "asc" ? "▲" : isSorted === "desc" ? "▼" : "↕"}
                        </span>
                      </Link>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </Th>
                );
              })}
            </tr>
          ))}
        </THead>
        <TBody>
          {data.map((original, index) => {
            const rowId = getRowId(original);
            return (
              <tr key={rowId}>
                {bodyColumns.map(({ column, className }) => (
                  <td key={column.id} className={cn(className, column.className?.(original)) || undefined}>
                    {renderCell(column, original, index, rowId)}
                  </td>
                ))}
              </tr>
            );
          })}
        </TBody>
        {footer ? (
          <tfoot data-testid="table-totals">
            <tr className="border-t-2 border-slate-300 bg-slate-50 font-semibold">
              {bodyColumns.map(({ column, className }, i) => (
                <td
                  key={column.id}
                  className={cn(className, i === 0 && isFirstColumnSticky && "sticky left-0 bg-slate-50") || undefined}
                >
                  {footer[column.id] ?? null}
                </td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </Table>
      <nav
        aria-label={labels.pagination}
        className="mt-3 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600"
      >
        <p data-testid="table-summary">{labels.summary}</p>
        <div className="flex items-center gap-2">
          <label className="flex items-center gap-2">
            <span>{labels.pageSize}</span>
            <select
              className="rounded-md border border-slate-300 bg-white px-2 py-1"
              value={pageSize}
              onChange={(e) =>
                router.push(hrefWith(pathname, searchParams, { size: e.target.value, page: undefined }), {
                  scroll: false,
                })
              }
            >
              {PAGE_SIZES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <PageLink
            disabled={page <= 1}
            href={hrefWith(pathname, searchParams, { page: page > 2 ? String(page - 1) : undefined })}
            rel="prev"
          >
            {labels.previous}
          </PageLink>
          <span className="tabular-nums" aria-current="page">
            {page} / {pages}
          </span>
          <PageLink
            disabled={page >= pages}
            href={hrefWith(pathname, searchParams, { page: String(page + 1) })}
            rel="next"
          >
            {labels.next}
          </PageLink>
        </div>
      </nav>
    </div>
  );
}

function PageLink({
  disabled,
  href,
  rel,
  children,
}: {
  disabled: boolean;
  href: string;
  rel: string;
  children: React.ReactNode;
}) {
  const classes = "rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium";
  if (disabled)
    return (
      <span className={cn(classes, "text-slate-400")} aria-disabled="true">
        {children}
      </span>
    );
  return (
    <Link
      href={href}
      rel={rel}
      className={cn(
        classes,
        "text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600",
      )}
      scroll={false}
    >
      {children}
    </Link>
  );
}
