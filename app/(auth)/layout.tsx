import { getTranslations } from "@/lib/i18n/server";
import { LocaleSwitch } from "@/components/layout/locale-switch";
import { ClientMessages } from "@/lib/i18n/client-messages";

// Centered card layout for sign-in and first-run setup (nothing that needs a session).
export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("common");
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex items-center justify-between px-4 py-3 sm:px-6">
        <span className="text-lg font-semibold text-indigo-700">{t("appName")}</span>
        <LocaleSwitch />
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 pb-12 pt-6 sm:items-center sm:pt-0">
        <div className="w-full max-w-sm">
          <ClientMessages namespaces={["auth"]}>{children}</ClientMessages>
        </div>
      </main>
    </div>
  );
}
