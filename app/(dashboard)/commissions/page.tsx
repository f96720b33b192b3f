import { getTranslations, getFormatters } from "@/lib/i18n/server";
import Link from "next/link";
import { CommissionRuleForm, type RuleDraft } from "@/components/commissions/commission-rule-form";
import { CommissionRuleList, type RuleRow } from "@/components/commissions/commission-rule-list";
import { Card, CardBody, CardHeader, EmptyPage, PageHeader } from "@/components/ui";
import { getSkuFilterOptions } from "@/lib/data";
import { getCommissionRules } from "@/lib/data/commission-rules";
import { requireUser } from "@/lib/auth/current-user";
import { canEdit } from "@/lib/auth/roles";
import { businessToday } from "@/lib/domain/dates";
import { getEnv } from "@/lib/env";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CommissionsPage({ searchParams }: Props) {
  const user = await requireUser();
  const editParam = (await searchParams).edit;
  const tz = getEnv().APP_TIMEZONE;
  const [t, f, rules, options] = await Promise.all([
    getTranslations("commissions"),
    getFormatters(),
    getCommissionRules(),
    getSkuFilterOptions({ accountId: null, from: businessToday(tz), to: businessToday(tz) }),
  ]);
  const rows: RuleRow[] = rules.map((r) => ({
    id: r.id,
    marketplace: r.marketplace,
    channel: r.channel,
    dtFrom: r.dtFrom,
    dtTo: r.dtTo,
    defaultPercent: r.rule.defaultPercent,
    categories: Object.entries(r.rule.categories),
    priceBands: r.rule.priceBands,
  }));
  const editable = canEdit(user.role);
  // ?edit=<id>: the form holds that rule and saves it in place
  const editing = editable ? rules.find((r) => String(r.id) === String(editParam)) : undefined;
  const initial: RuleDraft = editing
    ? {
        id: editing.id,
        marketplace: editing.marketplace,
        channel: editing.channel,
        dtFrom: editing.dtFrom,
        defaultPercent: String(editing.rule.defaultPercent),
        categories: Object.entries(editing.rule.categories).map(([category, percent]) => ({
          category,
          percent: String(percent),
        })),
        priceBands: editing.rule.priceBands.map((b) => ({
          minPrice: String(b.minPrice),
          maxPrice: b.maxPrice === undefined ? "" : String(b.maxPrice),
          percent: String(b.percent),
        })),
      }
    : {
        marketplace: "WB",
        channel: "all",
        dtFrom: businessToday(tz),
        defaultPercent: "",
        categories: [],
        priceBands: [],
      };
  return (
    <div className="space-y-5">
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <CardHeader title={t("listTitle")} />
        <CardBody>
          {rows.length === 0 ? (
            <EmptyPage t={t} testId="commissions-empty" />
          ) : (
            <CommissionRuleList rules={rows} canEdit={editable} locale={f.locale} timeZone={tz} />
          )}
        </CardBody>
      </Card>
      {editable ? (
        <Card>
          <div id="rule-form" />
          <CardHeader
            title={editing ? t("editTitle") : t("formTitle")}
            description={editing ? t("editHelp") : t("formHelp")}
            actions={
              editing ? (
                <Link
                  href="/commissions"
                  className="text-sm text-indigo-700 hover:underline"
                  data-testid="rule-edit-cancel"
                >
                  {t("cancelEdit")}
                </Link>
              ) : null
            }
          />
          <CardBody>
            <CommissionRuleForm
              key={editing?.id ?? "new"}
              initial={initial}
              categories={options.categories}
              locale={f.locale}
              timeZone={tz}
            />
          </CardBody>
        </Card>
      ) : (
        <p className="text-sm text-slate-600" data-testid="commissions-readonly">
          {t("readOnly")}
        </p>
      )}
    </div>
  );
}
