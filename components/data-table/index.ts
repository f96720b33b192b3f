export { DataTable, type DataTableLabels, type DataTableProps, type ServerTableProps } from "./data-table";
export {
  type AnyTableColumn,
  type DataTableCellContext,
  type DataTableColumn,
  defineColumns,
  renderCell,
  rowIdOf,
  type TableColumn,
  toExportColumns,
  toPageColumns,
} from "./columns";
export { type DataTableColumnMeta, type DataTableFeatures, dataTableFeatures } from "./features";
export { type FilterField, FilterBar, marketplaceField, searchField, selectField } from "./filter-bar";
export { FilteredResults } from "./filtered-results";
