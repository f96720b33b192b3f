// The one feature set of every DataTable: sorting state only. Rows arrive sorted, filtered and
// paged by the server (lib/data), so no client row models are registered. See README.md.
import { rowSortingFeature, tableFeatures } from "@tanstack/react-table";

export interface DataTableColumnMeta {
  /** right-aligned, tabular figures */
  isNumeric?: boolean;
  /** the server's sort key when it differs from the column id */
  sortKey?: string;
  /** kept visible while the table scrolls sideways on a phone (the first column only) */
  isSticky?: boolean;
}

export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  columnMeta: {} as DataTableColumnMeta,
});

export type DataTableFeatures = typeof dataTableFeatures;
