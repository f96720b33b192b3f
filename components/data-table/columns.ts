// One column definition per table, read by both the page and its CSV/XLSX export: the header, the
// value, whether it is a number, and how the page shows it. A table's columns are one ordered list;
// a column is on the page, in the export, or both, so the two cannot drift apart (header renamed
// on one side, columns reordered on the other). No "use client": the export route and server pages
// import the same list that a client table renders.
import type { ReactNode } from "react";
import type { ExportCellFormat, ExportColumn } from "@/lib/services/export/build-export";
import type { DataTableColumnMeta } from "./features";

/**
 * What a cell template is given: its value and its row's data. Deliberately not TanStack's
 * CellContext: the DataTable renders body cells without TanStack's row model (see README.md), so a
 * template that reached for a row-model method (row.getIsSelected(), row.getVisibleCells(),
 * cell.getContext()...) would compile against CellContext and crash at render. Against this type it
 * does not compile.
 */
export interface DataTableCellContext<TRow, TValue> {
  getValue: () => TValue;
  row: { id: string; index: number; original: TRow };
}

/** A translator of one namespace, as the page (useTranslations) and the export route (getTranslations) pass it. */
export type { Translate } from "@/lib/i18n/runtime-keys";

/** A value as an export cell takes it. */
export type ExportValue = string | number | boolean | null | undefined;

/** One column of one table. TCtx is what the page's cells need (formatters, links) and the export does not. */
export interface TableColumn<TRow, TCtx, TValue = unknown> {
  /** the column id, and the server's sort key unless meta.sortKey says otherwise */
  id: string;
  header: string;
  /** the raw value: what the page's cell is given and, unless `exportValue` says otherwise, the export's cell */
  value: (row: TRow) => TValue;
  /** right-aligned tabular figures on the page; a numeric cell in CSV/XLSX */
  isNumeric?: boolean;
  /** what the value is (money, percent in percent units, integer, date): the XLSX number format and the CSV shape */
  format?: ExportCellFormat;
  /** how the page shows the value; false: the column is in the export only */
  cell?: false | ((info: DataTableCellContext<TRow, TValue>, ctx: TCtx) => ReactNode);
  /** the export's cell when it is not `value`; false: the column is on the page only */
  exportValue?: false | ((row: TRow) => ExportValue);
  /** extra classes of the page's cell for this row (a loss in red) */
  className?: (row: TRow) => string | undefined;
  enableSorting?: boolean;
  meta?: Omit<DataTableColumnMeta, "isNumeric">;
}

/** A column whose value type has been checked against its cell and then forgotten, so one list can hold them all. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each column keeps its own value type (defineColumns)
export type AnyTableColumn<TRow, TCtx> = TableColumn<TRow, TCtx, any>;

/** A page column with its context bound: what the DataTable renders. */
export interface DataTableColumn<TRow> {
  id: string;
  header: string;
  value: (row: TRow) => unknown;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the value type was checked in defineColumns
  cell: (info: DataTableCellContext<TRow, any>) => ReactNode;
  className?: (row: TRow) => string | undefined;
  enableSorting?: boolean;
  meta: DataTableColumnMeta;
}

/** Builders that check each column's cell against its value type. */
export function defineColumns<TRow, TCtx = undefined>() {
  return {
    /** a column read from one field of the row */
    field<K extends keyof TRow & string>(
      key: K,
      column: Omit<TableColumn<TRow, TCtx, TRow[K]>, "id" | "value"> & { id?: string },
    ): AnyTableColumn<TRow, TCtx> {
      return { id: key, value: (row: TRow) => row[key], ...column };
    },
    /** a column computed from the row */
    computed<TValue>(column: TableColumn<TRow, TCtx, TValue>): AnyTableColumn<TRow, TCtx> {
      return column;
    },
  };
}

const asText = (value: unknown): ReactNode => (value === null || value === undefined ? "—" : String(value));

/** The page's columns, in order, with the page's context bound into their cells. */
export function toPageColumns<TRow, TCtx>(
  columns: readonly AnyTableColumn<TRow, TCtx>[],
  ctx: TCtx,
): DataTableColumn<TRow>[] {
  return columns.flatMap((column) => {
    const { cell } = column;
    if (cell === false) return [];
    return [
      {
        id: column.id,
        header: column.header,
        value: column.value,
        cell: cell ? (info) => cell(info, ctx) : (info) => asText(info.getValue()),
        className: column.className,
        enableSorting: column.enableSorting,
        meta: { ...column.meta, isNumeric: column.isNumeric },
      },
    ];
  });
}

/** The export's columns, in the same order. */
export function toExportColumns<TRow, TCtx>(columns: readonly AnyTableColumn<TRow, TCtx>[]): ExportColumn<TRow>[] {
  return columns.flatMap((column) => {
    if (column.exportValue === false) return [];
    const value = column.exportValue ?? (column.value as (row: TRow) => ExportValue);
    return [
      {
        header: column.header,
        ...(column.isNumeric ? { type: "number" as const } : {}),
        ...(column.format ? { format: column.format } : {}),
        value,
      },
    ];
  });
}

/** One body cell of a page column, for tables rendered by hand from the same definitions (server pages). */
export function renderCell<TRow>(column: DataTableColumn<TRow>, row: TRow, index: number, rowId: string): ReactNode {
  const value = column.value(row);
  return column.cell({ getValue: () => value, row: { id: rowId, index, original: row } });
}

/** The row id of a table whose rows carry their database id. */
export const rowIdOf = (row: { id: number | string }) => String(row.id);
