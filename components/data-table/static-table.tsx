// A table drawn straight from a column definition (toPageColumns) with the ui/table parts: no sort
// links and no pager, for the short tables a server page shows whole (the P&L statement) or pages
// itself. Server-safe; the same definitions feed the exports.
import type { ComponentProps, HTMLAttributes } from "react";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { type DataTableColumn, renderCell } from "./columns";

type RowProps = HTMLAttributes<HTMLTableRowElement> & { "data-testid"?: string };

export function StaticTable<TRow>({
  columns,
  rows,
  getRowId,
  rowProps,
  ...tableProps
}: Omit<ComponentProps<typeof Table>, "children"> & {
  columns: DataTableColumn<TRow>[];
  rows: TRow[];
  getRowId: (row: TRow) => string;
  /** attributes of a body row (a test id, a highlight) */
  rowProps?: (row: TRow) => RowProps;
}) {
  return (
    <Table {...tableProps}>
      <THead>
        <Tr>
          {columns.map((column) => (
            <Th key={column.id} numeric={column.meta.isNumeric}>
              {column.header}
            </Th>
          ))}
        </Tr>
      </THead>
      <TBody>
        {rows.map((row, index) => {
          const rowId = getRowId(row);
          return (
            <Tr key={rowId} {...rowProps?.(row)}>
              {columns.map((column) => (
                <Td key={column.id} numeric={column.meta.isNumeric} className={column.className?.(row)}>
                  {renderCell(column, row, index, rowId)}
                </Td>
              ))}
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
