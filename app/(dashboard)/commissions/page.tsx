import { getTranslations, getFormatters } from "@/lib/i18n/server";
import { CommissionRuleForm } from "@/components/commissions/commission-rule-form";
import { CommissionRuleList, type RuleRow } from "@/components/commissions/commission-rule-list";
import { Card, CardBody, CardHeader, EmptyState, PageHeader } from "@/components/ui";
import { getSkuFilterOptions } from "@/lib/data";
import { getCommissionRules } from "@/lib/data/commission-rules";
import { requireUser } from "@/lib/auth/current-user";
import { canEdit } from "@/lib/auth/roles";
import { businessToday } from "@/lib/domain/dates";
import { getEnv } from "@/lib/env";

export default async function CommissionsPage() {
  const user = await requireUser();
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
    dtFrom: r.dtFrom,
    dtTo: r.dtTo,
    defaultPercent: r.rule.defaultPercent,
    categories: Object.entries(r.rule.categories),
    priceBands: r.rule.priceBands,
  }));
  const editable = canEdit(user.role);
  return (
    <div className="space-y-5">
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <CardHeader title={t("listTitle")} />
        <CardBody>
          {rows.length === 0 ? (
            <EmptyState title={t("emptyTitle")} testId="commissions-empty">
              {t("emptyBody")}
            </EmptyState>
          ) : (
            <CommissionRuleList rules={rows} canEdit={editable} locale={f.locale} timeZone={tz} />
          )}
        </CardBody>
      </Card>
      {editable ? (
        <Card>
          <CardHeader title={t("formTitle")} description={t("formHelp")} />
          <CardBody>
            <CommissionRuleForm
              initial={{
                marketplace: "WB",
                dtFrom: businessToday(tz),
                defaultPercent: "",
                categories: [],
                priceBands: [],
              }}
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
