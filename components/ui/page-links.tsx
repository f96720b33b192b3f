// Previous / next links under a list paged in the URL, with the "from–to of total" line. Server-safe.
import Link from "next/link";

export interface PageLinksProps {
  /** the nav's accessible name */
  label: string;
  /** "1–50 of 120", worded by the page */
  summary: string;
  /** null on the first / last page */
  prevHref: string | null;
  nextHref: string | null;
  prevLabel: string;
  nextLabel: string;
  /** test ids `${testId}-page-of` and `${testId}-next` */
  testId?: string;
}

export function PageLinks({ label, summary, prevHref, nextHref, prevLabel, nextLabel, testId }: PageLinksProps) {
  const link = "text-indigo-700 hover:underline";
  return (
    <nav className="flex items-center justify-between text-sm" aria-label={label}>
      <span className="text-slate-600" data-testid={testId && `${testId}-page-of`}>
        {summary}
      </span>
      <span className="flex gap-3">
        {prevHref ? (
          <Link href={prevHref} className={link}>
            {prevLabel}
          </Link>
        ) : null}
        {nextHref ? (
          <Link href={nextHref} className={link} data-testid={testId && `${testId}-next`}>
            {nextLabel}
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
