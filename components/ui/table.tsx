import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "./cn";

/**
 * How a table looks. The parts (THead, Th, Td...) always carry the default look; a variant restyles
 * them from the table element with descendant selectors (`[&_th]:...`, more specific than the parts'
 * own utilities), so it works in server components, where no React context reaches the cells.
 * - default: the dashboard table
 * - compact: a preview inside a form (smaller rows, headers in sentence case)
 * - danger: a compact list of problems (red rules and headers)
 * - plain: figures inside a tinted box (no rules, no header background, padding on the right only)
 */
export type TableVariant = "default" | "compact" | "danger" | "plain";

// previews hold one line per row: cells centred, as a browser draws them by default
const compactCells =
  "[&_th]:py-1.5 [&_td]:py-1.5 [&_td]:align-middle [&_th]:normal-case [&_th]:tracking-normal [&_th]:whitespace-normal";

const VARIANTS: Record<TableVariant, string> = {
  default: "divide-y divide-slate-200",
  compact: cn("divide-y divide-slate-100 [&_th]:text-inherit [&>tbody]:divide-slate-50", compactCells),
  danger: cn("divide-y divide-red-100 [&_th]:text-red-900 [&>thead]:bg-red-50 [&>tbody]:divide-red-50", compactCells),
  plain: cn(
    "[&>tbody]:divide-y-0 [&>tbody]:bg-transparent [&>thead]:bg-transparent",
    "[&_th]:py-1 [&_td]:py-1 [&_th]:pl-0 [&_td]:pl-0 [&_td]:align-middle",
    "[&_th:last-child]:pr-0 [&_td:last-child]:pr-0",
    "[&_th]:font-medium [&_th]:normal-case [&_th]:tracking-normal",
    // a row header reads like body text
    "[&_tbody_th]:text-sm [&_tbody_th]:font-normal [&_tbody_th]:text-inherit",
  ),
};

/**
 * A horizontally scrollable table (usable on a phone). The scroll box takes keyboard focus and is
 * named by the caption, so a table wider than the screen can be scrolled without a mouse (axe
 * scrollable-region-focusable). Every table of the app is built from these parts.
 */
export function Table({
  className,
  caption,
  captionClassName,
  boxClassName,
  variant = "default",
  children,
  ...props
}: HTMLAttributes<HTMLTableElement> & {
  /** names the table and its scroll box; hidden unless captionClassName is given */
  caption: string;
  captionClassName?: string;
  /** extra classes of the scroll box (a border, a maximum height) */
  boxClassName?: string;
  variant?: TableVariant;
}) {
  return (
    <div className={cn("overflow-x-auto", boxClassName)} tabIndex={0} role="region" aria-label={caption}>
      <table className={cn("min-w-full text-sm", VARIANTS[variant], className)} {...props}>
        <caption className={captionClassName ?? "sr-only"}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function THead({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead className={cn("bg-slate-50", className)} {...props} />;
}

export function TBody({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  // the text colour is inherited, so a cell's own colour class (a red loss) always wins
  return <tbody className={cn("divide-y divide-slate-100 bg-white text-slate-800", className)} {...props} />;
}

export function Tr(props: HTMLAttributes<HTMLTableRowElement>) {
  return <tr {...props} />;
}

/** A header cell: a column header unless scope="row" is given. */
export function Th({ className, numeric, ...props }: ThHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean }) {
  return (
    <th
      scope="col"
      className={cn(
        "px-3 py-2 text-xs font-semibold uppercase tracking-wide text-slate-600 whitespace-nowrap",
        numeric ? "text-right" : "text-left",
        className,
      )}
      {...props}
    />
  );
}

export function Td({ className, numeric, ...props }: TdHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean }) {
  return (
    <td
      className={cn("px-3 py-2 align-top", numeric && "text-right tabular-nums whitespace-nowrap", className)}
      {...props}
    />
  );
}

/** A column header: its label, right-aligned when the column holds numbers, read only by screen readers when hidden. */
export type ColumnHeader = ReactNode | { label: ReactNode; numeric?: boolean; isHidden?: boolean };

function isLabelled(header: ColumnHeader): header is { label: ReactNode; numeric?: boolean; isHidden?: boolean } {
  return typeof header === "object" && header !== null && "label" in header;
}

/** The header of a table whose columns are fixed: one row of column headers, in order. */
export function HeaderRow({ headers }: { headers: ColumnHeader[] }) {
  return (
    <THead>
      <Tr>
        {headers.map((header, index) =>
          isLabelled(header) ? (
            <Th key={index} numeric={header.numeric}>
              {header.isHidden ? <span className="sr-only">{header.label}</span> : header.label}
            </Th>
          ) : (
            <Th key={index}>{header}</Th>
          ),
        )}
      </Tr>
    </THead>
  );
}
