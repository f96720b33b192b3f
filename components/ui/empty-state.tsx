import type { ReactNode } from "react";

export function EmptyState({
  title,
  children,
  action,
  testId,
}: {
  title: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  testId?: string;
}) {
  return (
    <div
      className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center"
      data-testid={testId}
    >
      <h3 className="text-base font-semibold text-slate-900">{title}</h3>
      {children ? <div className="mx-auto mt-2 max-w-prose text-sm text-slate-600">{children}</div> : null}
      {action ? <div className="mt-4 flex justify-center">{action}</div> : null}
    </div>
  );
}

/** A page's "nothing here yet": the emptyTitle and emptyBody of its own message namespace. */
export function EmptyPage({ t, testId }: { t: (key: "emptyTitle" | "emptyBody") => string; testId: string }) {
  return (
    <EmptyState title={t("emptyTitle")} testId={testId}>
      {t("emptyBody")}
    </EmptyState>
  );
}
