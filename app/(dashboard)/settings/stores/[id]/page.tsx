import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, getFormatters } from "@/lib/i18n/server";
import { Card, CardBody, CardHeader } from "@/components/ui";
import { requireUser } from "@/lib/auth/current-user";
import { canManageStores } from "@/lib/auth/roles";
import { getStore } from "@/lib/data/stores";
import { StoreSourceBadge, StoreStatusBadge, statusDetailText } from "../store-badges";
import { RenameStoreForm, ReplaceCredentialsForm, StoreActiveToggle, TestConnectionButton } from "../store-forms";

export default async function StorePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  if (!/^[1-9]\d{0,9}$/.test(id) || Number(id) > 2_147_483_647) notFound();
  const store = await getStore(Number(id));
  if (!store) notFound();
  const [t, tc, f] = await Promise.all([
    getTranslations("settings.stores"),
    getTranslations("common"),
    getFormatters(),
  ]);
  const isOwner = canManageStores(user.role);
  const editable = isOwner && store.source !== "env";
  const detail = await statusDetailText(store.statusDetail);
  return (
    <div className="space-y-5">
      <Link href="/settings/stores" className="text-sm text-indigo-700 hover:underline">
        {t("back")}
      </Link>
      <Card>
        <CardHeader
          title={store.name}
          description={tc(`marketplaces.${store.marketplace}`)}
          actions={<StoreStatusBadge store={store} />}
        />
        <CardBody>
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2" data-testid="store-facts">
            <div>
              <dt className="text-slate-500">{t("source")}</dt>
              <dd className="mt-0.5">
                <StoreSourceBadge source={store.source} />
                {store.source === "env" ? <p className="mt-1 text-xs text-slate-500">{t("envReadOnly")}</p> : null}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("credentials")}</dt>
              <dd className="mt-0.5 font-mono" data-testid="store-last4">
                {store.credentialsLast4 ? t("endsWith", { last4: store.credentialsLast4 }) : "—"}
              </dd>
            </div>
            {store.clientId ? (
              <div>
                <dt className="text-slate-500">Client-Id</dt>
                <dd className="mt-0.5 font-mono">{store.clientId}</dd>
              </div>
            ) : null}
            <div>
              <dt className="text-slate-500">{t("reviews")}</dt>
              <dd className="mt-0.5">{store.reviewsAvailable ? t("reviewsAvailable") : t("reviewsUnavailable")}</dd>
            </div>
            {detail ? (
              <div>
                <dt className="text-slate-500">{t("status")}</dt>
                <dd className="mt-0.5 text-red-700">{detail}</dd>
              </div>
            ) : null}
            <div>
              <dt className="text-slate-500">{t("created")}</dt>
              <dd className="mt-0.5">{f.dateTime(store.createdAt)}</dd>
            </div>
          </dl>
        </CardBody>
      </Card>
      {isOwner && store.isActive ? (
        <Card>
          <CardHeader title={t("testConnection")} />
          <CardBody>
            <TestConnectionButton storeId={store.id} />
          </CardBody>
        </Card>
      ) : null}
      {editable ? (
        <div className="grid gap-5 lg:grid-cols-2">
          <Card>
            <CardHeader title={t("replaceTitle")} />
            <CardBody>
              <ReplaceCredentialsForm storeId={store.id} marketplace={store.marketplace} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title={t("renameTitle")} />
            <CardBody className="space-y-6">
              <RenameStoreForm storeId={store.id} name={store.name} />
              <StoreActiveToggle storeId={store.id} isActive={store.isActive} />
            </CardBody>
          </Card>
        </div>
      ) : null}
    </div>
  );
}
