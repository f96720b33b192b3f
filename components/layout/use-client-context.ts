"use client";
// What client components need from the URL and the locale: the store/date-range query that links
// keep, and the formatters for the user's language in the business time zone.
import { useSearchParams } from "next/navigation";
import { useLocale } from "next-intl";
import { useMemo } from "react";
import { SCOPE_KEYS } from "@/lib/data/table-params";
import type { Locale } from "@/lib/i18n/config";
import { createFormatters, type Formatters } from "@/lib/i18n/format";

/** `?store=..&from=..&to=..` of the current URL (empty when none is set). */
export function useScopeQuery(): string {
  const search = useSearchParams();
  return useMemo(() => {
    const keep = new URLSearchParams();
    for (const key of SCOPE_KEYS) {
      const v = search.get(key);
      if (v) keep.set(key, v);
    }
    const s = keep.toString();
    return s ? `?${s}` : "";
  }, [search]);
}

export function useFormatters(timeZone: string): Formatters {
  const locale = useLocale() as Locale;
  return useMemo(() => createFormatters(locale, timeZone), [locale, timeZone]);
}
