import Link from "next/link";
import { RestockSettingsImport, SkuSettingsForm, StoreSettingsForm } from "@/components/restock/restock-settings-forms";
import { SupplierClosures } from "@/components/restock/supplier-closures";
import { Card, CardBody, CardHeader, HeaderRow, PageHeader, Table, TBody, Td, Tr } from "@/components/ui";
import { requireUser } from "@/lib/auth/current-user";
import { canEdit } from "@/lib/auth/roles";
import { getRestockSkuOverrides, getRestockStoreSettings, getSupplierClosures } from "@/lib/data";
import { getEnv } from "@/lib/env";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getFormatters, getTranslations } from "@/lib/i18n/server";

export default async function RestockSettingsPage() {
  const [t, f, user, stores, overrides, closures] = await Promise.all([
    getTranslations("restock"),
    getFormatters(),
    requireUser(),
    getRestockStoreSettings(),
    getRestockSkuOverrides(),
    getSupplierClosures(),
  ]);
  const editable = canEdit(user.role);
  const show = (v: number | null, digits = 0) => (v === null ? "—" : f.number(v, digits));
  // the CSV import names its bad rows by error keys, translated in the browser
  return (
    <ClientMessages namespaces={["restock", "errors"]}>
      <div className="space-y-4">
        <PageHeader
          title={t("settingsPage.title")}
          description={t("settingsPage.description")}
          actions={
            <Link href="/restock" className="text-sm underline">
              {t("settingsPage.back")}
            </Link>
          }
        />
        <Card>
          <CardHeader title={t("settingsPage.storeDefaults")} />
          <CardBody>
            {editable ? (
              <div className="space-y-6">
                {stores.map((s) => (
                  <StoreSettingsForm key={s.accountId} store={s} />
                ))}
              </div>
            ) : (
              <ul className="text-sm">
                {stores.map((s) => (
                  <li key={s.accountId}>
                    {s.storeName}: {show(s.leadTimeDays)} / {show(s.coverDays)} / {show(s.serviceLevel, 1)} % /{" "}
                    {show(s.moq)} / {show(s.casePack)}
                  </li>
                ))}
              </ul>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("settingsPage.closures")} />
          <CardBody>
            <SupplierClosures
              stores={stores.map((s) => ({ accountId: s.accountId, storeName: s.storeName }))}
              closures={closures}
              editable={editable}
              timeZone={getEnv().APP_TIMEZONE}
            />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("settingsPage.skuOverrides")} />
          <CardBody>
            <div className="space-y-4">
              {editable ? <SkuSettingsForm /> : null}
              {editable ? <RestockSettingsImport /> : null}
              {overrides.length === 0 ? (
                <p className="text-sm text-slate-600">{t("settingsPage.noOverrides")}</p>
              ) : (
                <Table caption={t("settingsPage.skuOverrides")}>
                  <HeaderRow
                    headers={[
                      t("settingsPage.skuId"),
                      t("columns.article"),
                      t("settings.leadTimeDays"),
                      t("settings.coverDays"),
                      t("settings.serviceLevel"),
                      t("settings.moq"),
                      t("settings.casePack"),
                      t("settingsPage.manualFactor"),
                    ]}
                  />
                  <TBody>
                    {overrides.map((o) => (
                      <Tr key={o.skuId}>
                        <Td>{o.skuId}</Td>
                        <Td>{o.article ?? "—"}</Td>
                        <Td>{show(o.leadTimeDays)}</Td>
                        <Td>{show(o.coverDays)}</Td>
                        <Td>{show(o.serviceLevel, 1)}</Td>
                        <Td>{show(o.moq)}</Td>
                        <Td>{show(o.casePack)}</Td>
                        <Td>{show(o.manualFactor, 3)}</Td>
                      </Tr>
                    ))}
                  </TBody>
                </Table>
              )}
            </div>
          </CardBody>
        </Card>
      </div>
    </ClientMessages>
  );
}
