// Axis and tooltip formatting for charts (display only: plotted values are floats by nature).
export type ChartLocale = "ru" | "en";

const tags: Record<ChartLocale, string> = { ru: "ru-RU", en: "en-GB" };

export function compactNumber(locale: ChartLocale) {
  const f = new Intl.NumberFormat(tags[locale], { notation: "compact", maximumFractionDigits: 1 });
  return (value: number) => f.format(value);
}

export function rubFormatter(locale: ChartLocale) {
  const f = new Intl.NumberFormat(tags[locale], { style: "currency", currency: "RUB", maximumFractionDigits: 0 });
  return (value: number) => f.format(value);
}

export function dayLabel(locale: ChartLocale, bucket: "day" | "week" | "month") {
  const f =
    bucket === "month"
      ? new Intl.DateTimeFormat(tags[locale], { month: "short", year: "2-digit", timeZone: "UTC" })
      : new Intl.DateTimeFormat(tags[locale], { day: "2-digit", month: "2-digit", timeZone: "UTC" });
  return (day: string) => f.format(new Date(`${day}T00:00:00Z`));
}

export const palette = {
  revenue: "#4f46e5",
  costs: "#f59e0b",
  profit: "#059669",
  units: "#6366f1",
  stock: "#0ea5e9",
  negative: "#dc2626",
  grid: "#e2e8f0",
};
