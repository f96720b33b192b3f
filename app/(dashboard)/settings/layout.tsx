import { getTranslations } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui";
import { requireUser } from "@/lib/auth/current-user";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { canManageUsers } from "@/lib/auth/roles";
import { SettingsTabs } from "./settings-tabs";

export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const t = await getTranslations("settings");
  const tabs = [
    { href: "/settings/stores", label: t("storesTab") },
    ...(canManageUsers(user.role)
      ? [
          { href: "/settings/users", label: t("usersTab") },
          { href: "/settings/audit", label: t("auditTab") },
        ]
      : []),
    { href: "/settings/account", label: t("accountTab") },
  ];
  return (
    <div>
      <PageHeader title={t("title")} />
      <SettingsTabs tabs={tabs} label={t("tabsLabel")} />
      <div className="mt-5">
        <ClientMessages namespaces={["settings"]}>{children}</ClientMessages>
      </div>
    </div>
  );
}
