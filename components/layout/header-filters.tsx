"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useTransition } from "react";
import { Badge, Button, Select } from "@/components/ui";
import { DayFilter } from "./filter-field";
import { businessToday } from "@/lib/domain/dates";
import { isIncompleteRange, PERIOD_PRESETS, presetOf, presetRange } from "@/lib/domain/periods";
import { filtersToQuery, parseDashboardFilters } from "@/lib/url-filters";
import { showsRangeFilter, showsStoreFilter, storeLabel } from "./nav-items";
import type { Marketplace } from "@/db/schema";

export interface StoreOption {
  id: number;
  name: string;
  marketplace: Marketplace;
}

/**
 * Store selector and date range, kept in the URL (?store=&from=&to=) so links and reloads keep them.
 * Presets end on the last complete business day; a range that reaches today is marked incomplete.
 */
export function HeaderFilters({ stores, timeZone }: { stores: StoreOption[]; timeZone: string }) {
  const t = useTranslations("common");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  if (!showsStoreFilter(pathname)) return null;
  const hasRange = showsRangeFilter(pathname);
  const filters = parseDashboardFilters(params, { timeZone });
  const today = businessToday(timeZone);
  const current = presetOf(filters, today);
  const isIncomplete = isIncompleteRange(filters, today);

  const go = (next: { accountId?: number | null; from?: string; to?: string }) =>
    startTransition(() => router.push(`${pathname}${filtersToQuery(next, new URLSearchParams(params))}`));

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const store = String(data.get("store") ?? "");
    go({
      accountId: store ? Number(store) : null,
      ...(hasRange ? { from: String(data.get("from") ?? ""), to: String(data.get("to") ?? "") } : {}),
    });
  };

  return (
    <form
      onSubmit={onSubmit}
      method="get"
      className="flex flex-wrap items-end gap-2"
      data-testid="header-filters"
      aria-busy={pending}
      key={`${filters.accountId}-${filters.from}-${filters.to}`}
    >
      <label className="min-w-40 flex-1 sm:flex-none">
        <span className="mb-0.5 block text-xs font-medium text-slate-600">{t("store")}</span>
        <Select
          name="store"
          defaultValue={filters.accountId ?? ""}
          data-testid="store-select"
          onChange={(e) => e.currentTarget.form?.requestSubmit()}
        >
          <option value="">{t("allStores")}</option>
          {stores.map((s) => (
            <option key={s.id} value={s.id}>
              {storeLabel(s.name, t(`marketplaces.${s.marketplace}`))}
            </option>
          ))}
        </Select>
      </label>
      {hasRange ? (
        <>
          <DayFilter
            label={t("from")}
            name="from"
            defaultValue={filters.from}
            max={filters.to}
            data-testid="date-from"
          />
          <DayFilter label={t("to")} name="to" defaultValue={filters.to} max={today} data-testid="date-to" />
          <Button type="submit" variant="secondary" disabled={pending}>
            {t("apply")}
          </Button>
          <div className="flex flex-wrap gap-1" role="group" aria-label={t("period")} data-testid="period-presets">
            {PERIOD_PRESETS.map((p) => (
              <Button
                key={p}
                variant={current === p ? "secondary" : "ghost"}
                size="sm"
                aria-pressed={current === p}
                data-testid={`preset-${p}`}
                onClick={() => go(presetRange(p, today))}
                disabled={pending}
              >
                {t(`presets.${p}`)}
              </Button>
            ))}
            <Button
              variant={filters.from === today && filters.to === today ? "secondary" : "ghost"}
              size="sm"
              aria-pressed={filters.from === today && filters.to === today}
              data-testid="preset-today"
              title={t("todayIncompleteHelp")}
              onClick={() => go({ from: today, to: today })}
              disabled={pending}
            >
              {t("presets.today")}
            </Button>
          </div>
          {isIncomplete ? (
            <span title={t("todayIncompleteHelp")} data-testid="range-incomplete" className="self-center">
              <Badge tone="warning">{t("todayIncomplete")}</Badge>
            </span>
          ) : null}
        </>
      ) : null}
    </form>
  );
}
