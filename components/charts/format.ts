// Axis, tooltip and legend formatting for charts (display only: plotted values are floats by nature).
import { createElement } from "react";
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

/**
 * Props of every chart's Legend: the series in the order they are drawn (Recharts sorts items by their
 * label by default, so the order changed with the language), and labels in the text colour (the swatch
 * carries the series colour; amber or light grey text on white is unreadable).
 */
export function legendProps(dataKeys: readonly string[]) {
  return {
    wrapperStyle: { fontSize: 12 },
    itemSorter: (item: { dataKey?: unknown }) => {
      const i = dataKeys.indexOf(String(item.dataKey));
      return i === -1 ? dataKeys.length : i;
    },
    formatter: (value: unknown) => createElement("span", { style: { color: "#334155" } }, String(value)),
  };
}
