export { DataTable, type DataTableLabels, type DataTableProps, type ServerTableProps } from "./data-table";
export {
  createDataTableColumns,
  type DataTableColumnMeta,
  type DataTableFeatures,
  dataTableFeatures,
} from "./features";
export { type FilterField, FilterBar } from "./filter-bar";
