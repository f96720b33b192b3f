// Marks for table numbers that may still change: provisional (not settled by the marketplace's finance
// report), commission estimated from the seller's rules, or sold on days without a cost price. A cell
// carries a short sign next to the number it qualifies (and the flag's word for screen readers); the
// legend above the table says what each sign means. A word badge in every row made a page of 50 SKUs
// a third heavier to render and to read.
import { useTranslations } from "next-intl";

export type FlagKind = "provisional" | "estimated" | "noCost";

const MARKS: Record<FlagKind, string> = { provisional: "*", estimated: "≈", noCost: "!" };

/** The sign of one flag inside a cell. Hook-free, so cell templates can call it; `word` is the flag's name. */
export function flagMark(kind: FlagKind, word: string) {
  return (
    <sup key={kind}>
      <span aria-hidden="true">{MARKS[kind]}</span>
      <span className="sr-only">{` (${word})`}</span>
    </sup>
  );
}

/** What the signs mean, for the flags that occur on the page (nothing when none does). */
export function FlagLegend({ kinds }: { kinds: FlagKind[] }) {
  const t = useTranslations("dashboard");
  if (kinds.length === 0) return null;
  return (
    <p className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" data-testid="flag-legend">
      {kinds.map((kind) => (
        <span key={kind}>
          <span aria-hidden="true" className="font-semibold text-amber-800">
            {MARKS[kind]}
          </span>{" "}
          <span className="font-medium">{t(`flags.${kind}`)}</span>: {t(`flags.${kind}Help`)}
        </span>
      ))}
    </p>
  );
}
