import type { ReactNode } from "react";
import { cn } from "./cn";

/**
 * One figure of a page's summary row, inside a <dl>: its label, the value (coloured by `valueClassName`,
 * slate by default) and a line of help. "small": the quieter tiles above a list (reviews).
 */
export function StatTile({
  label,
  value,
  help,
  testId,
  valueClassName = "text-slate-900",
  size = "large",
}: {
  label: ReactNode;
  value: ReactNode;
  help?: ReactNode;
  testId?: string;
  valueClassName?: string;
  size?: "large" | "small";
}) {
  const isLarge = size === "large";
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3" data-testid={testId}>
      <dt className={cn("text-xs text-slate-600", isLarge && "font-medium")}>{label}</dt>
      <dd className={cn(isLarge ? "text-xl" : "text-lg", "font-semibold tabular-nums", isLarge && valueClassName)}>
        {value}
      </dd>
      {help ? <dd className="mt-1 text-xs text-slate-500">{help}</dd> : null}
    </div>
  );
}
