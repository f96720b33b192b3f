import { cn } from "./cn";

export function Skeleton({ className }: { className?: string }) {
  return <div className={cn("animate-pulse rounded-md bg-slate-200", className)} aria-hidden="true" />;
}

/** A page-level loading placeholder: a title bar and a few blocks. */
export function PageSkeleton({ label }: { label: string }) {
  return (
    <div className="space-y-4" role="status" aria-live="polite" data-testid="page-loading">
      <span className="sr-only">{label}</span>
      <Skeleton className="h-7 w-56" />
      <Skeleton className="h-32 w-full" />
      <Skeleton className="h-64 w-full" />
    </div>
  );
}
