"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useTransition } from "react";
import { Button, Input, Select } from "@/components/ui";
import { addDays } from "@/lib/domain/dates";
import { filtersToQuery, parseDashboardFilters } from "@/lib/url-filters";
import { showsFilters } from "./nav-items";
import type { Marketplace } from "@/db/schema";

export interface StoreOption {
  id: number;
  name: string;
  marketplace: Marketplace;
}

/** Store selector and date range, kept in the URL (?store=&from=&to=) so links and reloads keep them. */
export function HeaderFilters({ stores, timeZone }: { stores: StoreOption[]; timeZone: string }) {
  const t = useTranslations("common");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  if (!showsFilters(pathname)) return null;
  const filters = parseDashboardFilters(params, { timeZone });

  const go = (next: { accountId?: number | null; from?: string; to?: string }) =>
    startTransition(() => router.push(`${pathname}${filtersToQuery(next, new URLSearchParams(params))}`));

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const store = String(data.get("store") ?? "");
    go({
      accountId: store ? Number(store) : null,
      from: String(data.get("from") ?? ""),
      to: String(data.get("to") ?? ""),
    });
  };

  const preset = (days: number) => go({ from: addDays(filters.to, -(days - 1)), to: filters.to });

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
              {s.name} · {t(`marketplaces.${s.marketplace}`)}
            </option>
          ))}
        </Select>
      </label>
      <label>
        <span className="mb-0.5 block text-xs font-medium text-slate-600">{t("from")}</span>
        <Input
          type="date"
          name="from"
          defaultValue={filters.from}
          max={filters.to}
          data-testid="date-from"
          className="w-[9.5rem]"
        />
      </label>
      <label>
        <span className="mb-0.5 block text-xs font-medium text-slate-600">{t("to")}</span>
        <Input type="date" name="to" defaultValue={filters.to} data-testid="date-to" className="w-[9.5rem]" />
      </label>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("apply")}
      </Button>
      <div className="flex gap-1" role="group" aria-label={t("period")}>
        {[7, 30, 90].map((d) => (
          <Button key={d} variant="ghost" size="sm" onClick={() => preset(d)} disabled={pending}>
            {t("lastDays", { n: d })}
          </Button>
        ))}
      </div>
    </form>
  );
}
