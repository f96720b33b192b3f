// A figure around a chart: a visible title for everyone and a text summary for screen readers.
import type { ReactNode } from "react";

export function ChartFrame({
  title,
  summary,
  children,
  testId,
}: {
  title?: string;
  summary: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <figure className="w-full" data-testid={testId}>
      {title ? <figcaption className="mb-2 text-sm font-medium text-slate-700">{title}</figcaption> : null}
      <div role="img" aria-label={summary} className="w-full">
        {children}
      </div>
    </figure>
  );
}
