"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert, Button } from "@/components/ui";
import { deleteCommissionRuleAction } from "@/lib/actions/commission-rules";
import { createFormatters } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/config";
import type { CommissionChannel, Marketplace } from "@/db/schema";
import Link from "next/link";

export interface RuleRow {
  id: number;
  marketplace: Marketplace;
  channel: CommissionChannel;
  dtFrom: string;
  dtTo: string | null;
  defaultPercent: number;
  categories: [string, number][];
  priceBands: { minPrice: number; maxPrice?: number; percent: number }[];
}

export function CommissionRuleList({
  rules,
  canEdit,
  locale,
  timeZone,
}: {
  rules: RuleRow[];
  canEdit: boolean;
  locale: Locale;
  timeZone: string;
}) {
  const t = useTranslations("commissions");
  const f = createFormatters(locale, timeZone);
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const remove = (rule: RuleRow) => {
    if (!window.confirm(t("confirmDelete", { day: f.day(rule.dtFrom) }))) return;
    start(async () => {
      const result = await deleteCommissionRuleAction({ id: rule.id });
      setError(result.ok ? null : result.message);
      if (result.ok) router.refresh();
    });
  };
  const pct = (v: number) => f.percent(v / 100, 2);
  return (
    <div className="space-y-3" data-testid="commission-rules">
      {error ? <Alert tone="error">{error}</Alert> : null}
      {rules.map((r) => (
        <article
          key={r.id}
          className="rounded-lg border border-slate-200 bg-white p-3 text-sm"
          data-testid="commission-rule"
        >
          <header className="flex flex-wrap items-center justify-between gap-2">
            <h3 className="font-semibold">
              {r.marketplace === "WB" ? "Wildberries" : "Ozon"} · {t(`channels.${r.channel}`)} ·{" "}
              {r.dtTo
                ? t("range", { from: f.day(r.dtFrom), to: f.day(r.dtTo) })
                : t("openRange", { from: f.day(r.dtFrom) })}
            </h3>
            {canEdit ? (
              <span className="flex gap-1">
                <Link
                  href={`/commissions?edit=${r.id}#rule-form`}
                  className="rounded-md px-2 py-1 text-sm font-medium text-indigo-700 hover:bg-slate-50"
                  data-testid="rule-edit"
                >
                  {t("edit")}
                </Link>
                <Button size="sm" variant="ghost" onClick={() => remove(r)} disabled={pending}>
                  {t("delete")}
                </Button>
              </span>
            ) : null}
          </header>
          <p className="mt-1">
            {t("defaultPercent")}: <strong>{pct(r.defaultPercent)}</strong>
          </p>
          {r.categories.length ? (
            <p className="mt-1 text-slate-700">
              {t("categoriesTitle")}: {r.categories.map(([c, p]) => `${c} ${pct(p)}`).join("; ")}
            </p>
          ) : null}
          {r.priceBands.length ? (
            <p className="mt-1 text-slate-700">
              {t("bandsTitle")}:{" "}
              {r.priceBands
                .map(
                  (b) => `${f.rub(b.minPrice)}–${b.maxPrice === undefined ? "∞" : f.rub(b.maxPrice)} ${pct(b.percent)}`,
                )
                .join("; ")}
            </p>
          ) : null}
        </article>
      ))}
    </div>
  );
}
