import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { AppShell } from "@/components/layout/app-shell";
import { DemoBanner } from "@/components/overview/demo-banner";
import { EmptyState, buttonClasses } from "@/components/ui";
import { requireUser } from "@/lib/auth/current-user";
import { canManageStores } from "@/lib/auth/roles";
import { getStores } from "@/lib/data/stores";
import { getEnv } from "@/lib/env";

// Every dashboard page renders inside this shell. requireUser re-validates the session against the
// database on each request (disabled users and bumped session versions are sent to /login).
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const stores = await getStores();
  const t = await getTranslations("common");
  const banner =
    stores.length === 0 ? (
      <div className="mb-5">
        <EmptyState
          title={t("noStoreTitle")}
          testId="no-store"
          action={
            canManageStores(user.role) ? (
              <Link href="/settings/stores" className={buttonClasses("primary")}>
                {t("noStoreAction")}
              </Link>
            ) : undefined
          }
        >
          <p>{t("noStoreBody")}</p>
          {canManageStores(user.role) ? null : <p className="mt-2">{t("noStoreAskOwner")}</p>}
        </EmptyState>
      </div>
    ) : null;
  return (
    <AppShell
      user={user}
      stores={stores.map((s) => ({ id: s.id, name: s.name, marketplace: s.marketplace }))}
      timeZone={getEnv().APP_TIMEZONE}
      banner={
        <>
          <DemoBanner />
          {banner}
        </>
      }
    >
      {children}
    </AppShell>
  );
}
