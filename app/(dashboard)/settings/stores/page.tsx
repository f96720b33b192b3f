import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { Card, CardBody, CardHeader, EmptyState, HeaderRow, Table, TBody, Td, Tr } from "@/components/ui";
import { requireUser } from "@/lib/auth/current-user";
import { canManageStores } from "@/lib/auth/roles";
import { getStores } from "@/lib/data/stores";
import { AddStoreForm } from "./store-forms";
import { StoreSourceBadge, StoreStatusBadge, statusDetailText } from "./store-badges";

export default async function StoresPage() {
  const user = await requireUser();
  const stores = await getStores({ includeInactive: true });
  const t = await getTranslations("settings.stores");
  const tc = await getTranslations("common");
  const ts = await getTranslations("settings");
  const isOwner = canManageStores(user.role);
  const details = await Promise.all(stores.map((s) => statusDetailText(s.statusDetail)));
  return (
    <div className="space-y-5">
      <Card>
        <CardHeader title={t("title")} description={t("description")} />
        {!isOwner ? (
          <p className="px-5 pt-3 text-sm text-slate-500" data-testid="read-only-note">
            {ts("readOnly")}
          </p>
        ) : null}
        {stores.length === 0 ? (
          <div className="p-4">
            <EmptyState title={t("empty")} />
          </div>
        ) : (
          <Table caption={t("title")} data-testid="stores-table">
            <HeaderRow
              headers={[t("name"), t("source"), t("credentials"), t("status"), { label: t("details"), isHidden: true }]}
            />
            <TBody>
              {stores.map((s, i) => (
                <Tr key={s.id} data-testid={`store-row-${s.id}`}>
                  <Td>
                    <div className="font-medium">{s.name}</div>
                    <div className="text-xs text-slate-500">
                      {tc(`marketplaces.${s.marketplace}`)}
                      {s.clientId ? ` · Client-Id ${s.clientId}` : ""}
                    </div>
                  </Td>
                  <Td>
                    <StoreSourceBadge source={s.source} />
                  </Td>
                  <Td className="font-mono text-xs whitespace-nowrap" data-testid="store-last4">
                    {s.credentialsLast4 ? t("endsWith", { last4: s.credentialsLast4 }) : "—"}
                  </Td>
                  <Td>
                    <StoreStatusBadge store={s} />
                    {details[i] ? <div className="mt-1 text-xs text-red-700">{details[i]}</div> : null}
                  </Td>
                  <Td>
                    <Link
                      href={`/settings/stores/${s.id}`}
                      className="text-sm font-medium text-indigo-700 underline-offset-2 hover:underline"
                      data-testid={`store-details-${s.id}`}
                    >
                      {t("details")}
                    </Link>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
      {isOwner ? (
        <Card>
          <CardHeader title={t("addTitle")} description={t("addHint")} />
          <CardBody>
            <AddStoreForm />
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}
