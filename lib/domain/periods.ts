// Named periods of the header's range selector. Business days are complete once they are over in
// APP_TIMEZONE, so every preset ends on the last complete day (yesterday) unless the user asks for
// today, which is shown as incomplete. Pure: the header (client) and the page parsers share it.
import { addDays } from "./dates";

export const PERIOD_PRESETS = ["yesterday", "last7", "last30", "thisMonth", "lastMonth", "thisQuarter"] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** The last business day that is over: the day before today. */
export function lastCompleteDay(today: string): string {
  return addDays(today, -1);
}

function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

function quarterStart(day: string): string {
  const month = Number(day.slice(5, 7));
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  return `${day.slice(0, 4)}-${String(first).padStart(2, "0")}-01`;
}

/**
 * The inclusive range of a preset, ending on the last complete day. "This month" and "this quarter"
 * start on their first day; on that first day nothing of them is complete yet, so they hold only
 * today (and the header marks it incomplete).
 */
export function presetRange(preset: PeriodPreset, today: string): { from: string; to: string } {
  const last = lastCompleteDay(today);
  switch (preset) {
    case "yesterday":
      return { from: last, to: last };
    case "last7":
      return { from: addDays(last, -6), to: last };
    case "last30":
      return { from: addDays(last, -29), to: last };
    case "thisMonth": {
      const from = monthStart(today);
      return { from, to: last >= from ? last : today };
    }
    case "lastMonth": {
      const to = addDays(monthStart(today), -1);
      return { from: monthStart(to), to };
    }
    case "thisQuarter": {
      const from = quarterStart(today);
      return { from, to: last >= from ? last : today };
    }
  }
}

/** The preset a range is, if any (so the header can mark it as chosen). */
export function presetOf(range: { from: string; to: string }, today: string): PeriodPreset | null {
  return (
    PERIOD_PRESETS.find((p) => {
      const r = presetRange(p, today);
      return r.from === range.from && r.to === range.to;
    }) ?? null
  );
}

/** The range reaches today (or later), whose data is still arriving. */
export function isIncompleteRange(range: { to: string }, today: string): boolean {
  return range.to >= today;
}

/**
 * Whether a comparison period holds data for every one of its days: history (the first day with any
 * data in scope) must start on or before its first day. A percentage change against a period that is
 * empty or only partly covered compares unlike with unlike, so callers show none.
 */
export function isPeriodCovered(period: { from: string }, historyFrom: string | null): boolean {
  return historyFrom !== null && historyFrom <= period.from;
}
