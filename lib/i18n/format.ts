// Locale-aware formatting of numbers, money (RUB) and dates. Business days (YYYY-MM-DD) are calendar
// days already and are formatted without shifting; instants are shown in the business time zone.
import type { Locale } from "./config";

const tag: Record<Locale, string> = { ru: "ru-RU", en: "en-GB" };

export interface Formatters {
  locale: Locale;
  timeZone: string;
  number(value: number | string | null | undefined, fractionDigits?: number): string;
  /** money in roubles; accepts numeric strings from PostgreSQL without going through a float */
  rub(value: number | string | null | undefined, options?: { fractionDigits?: number }): string;
  percent(value: number | null | undefined, fractionDigits?: number): string;
  /** a business day 'YYYY-MM-DD' */
  day(value: string | null | undefined): string;
  /** an instant, in the business time zone */
  dateTime(value: Date | string | null | undefined): string;
}

const dash = "—";

function asNumeric(value: number | string): number | string {
  // Intl.NumberFormat formats decimal strings exactly (ES2023); keep strings as strings
  return typeof value === "string" ? value.trim() : value;
}

// Building an Intl formatter costs far more than using one (a table page formats thousands of
// cells per render): each distinct formatter is built once per process, under a short key its
// caller names, and reused.
const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let format = formats.get(key) as T | undefined;
  if (!format) formats.set(key, (format = make()));
  return format;
}

export function createFormatters(locale: Locale, timeZone: string): Formatters {
  const l = tag[locale];
  const dayFormat = cached(
    `${l}|day`,
    () => new Intl.DateTimeFormat(l, { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" }),
  );
  const dateTimeFormat = cached(
    `${l}|dateTime|${timeZone}`,
    () =>
      new Intl.DateTimeFormat(l, {
        day: "2-digit",
        month: "2-digit",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        timeZone,
      }),
  );
  return {
    locale,
    timeZone,
    number(value, fractionDigits = 0) {
      if (value === null || value === undefined || value === "") return dash;
      const format = cached(
        `${l}|number|${fractionDigits}`,
        () =>
          new Intl.NumberFormat(l, { maximumFractionDigits: fractionDigits, minimumFractionDigits: fractionDigits }),
      );
      return format.format(asNumeric(value) as number);
    },
    rub(value, options = {}) {
      if (value === null || value === undefined || value === "") return dash;
      const digits = options.fractionDigits ?? 0;
      const format = cached(
        `${l}|rub|${digits}`,
        () =>
          new Intl.NumberFormat(l, {
            style: "currency",
            currency: "RUB",
            currencyDisplay: "narrowSymbol",
            maximumFractionDigits: digits,
            minimumFractionDigits: digits,
          }),
      );
      return format.format(asNumeric(value) as number);
    },
    percent(value, fractionDigits = 1) {
      if (value === null || value === undefined || !Number.isFinite(value)) return dash;
      return cached(
        `${l}|percent|${fractionDigits}`,
        () => new Intl.NumberFormat(l, { style: "percent", maximumFractionDigits: fractionDigits }),
      ).format(value);
    },
    day(value) {
      if (!value) return dash;
      return dayFormat.format(new Date(`${value}T00:00:00Z`));
    },
    dateTime(value) {
      if (!value) return dash;
      return dateTimeFormat.format(typeof value === "string" ? new Date(value) : value);
    },
  };
}
