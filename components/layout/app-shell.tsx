import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { Suspense, type ReactNode } from "react";
import { Badge } from "@/components/ui";
import type { SessionUser } from "@/lib/auth/current-user";
import { HeaderFilters, type StoreOption } from "./header-filters";
import { LocaleSwitch } from "./locale-switch";
import { LogoutButton } from "./logout-button";
import { MobileNav } from "./mobile-nav";
import { SidebarNav } from "./sidebar";

/** The dashboard frame: sidebar (a drawer on phones), header with filters and the user, content. */
export async function AppShell({
  user,
  stores,
  timeZone,
  banner,
  children,
}: {
  user: SessionUser;
  stores: StoreOption[];
  timeZone: string;
  banner?: ReactNode;
  children: ReactNode;
}) {
  const t = await getTranslations("common");
  return (
    <div className="min-h-screen lg:grid lg:grid-cols-[14rem_1fr]">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("skipToContent")}
      </a>
      <aside className="hidden border-r border-slate-200 bg-white lg:block">
        <div className="sticky top-0 p-4">
          <Link href="/overview" className="mb-4 block px-3 text-lg font-semibold text-indigo-700">
            {t("appName")}
          </Link>
          <Suspense>
            <SidebarNav />
          </Suspense>
        </div>
      </aside>
      <div className="min-w-0">
        <header className="relative border-b border-slate-200 bg-white">
          <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 px-4 py-2 sm:px-6">
            <div className="flex items-center gap-3">
              <Link href="/overview" className="text-lg font-semibold text-indigo-700 lg:hidden">
                {t("appName")}
              </Link>
              <MobileNav />
            </div>
            <div className="flex min-w-0 flex-wrap items-center justify-end gap-1 text-sm sm:gap-2">
              <Link
                href="/settings/account"
                className="hidden max-w-56 truncate text-slate-600 hover:text-slate-900 hover:underline sm:inline"
                title={t("signedInAs", { email: user.email })}
                data-testid="current-user"
              >
                {user.email}
              </Link>
              <Badge tone={user.role === "owner" ? "info" : "neutral"}>
                <span data-testid="current-role">{t(`roles.${user.role}`)}</span>
              </Badge>
              <LocaleSwitch />
              <LogoutButton />
            </div>
          </div>
          <div className="px-4 pb-3 sm:px-6">
            <Suspense>
              <HeaderFilters stores={stores} timeZone={timeZone} />
            </Suspense>
          </div>
        </header>
        <main id="main" className="px-4 py-5 sm:px-6">
          {banner}
          {children}
        </main>
      </div>
    </div>
  );
}
