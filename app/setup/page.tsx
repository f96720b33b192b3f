import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { AuthCard } from "@/components/auth/auth-card";
import { hasAnyUser } from "@/lib/data/users";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Sovani — первый запуск / first run" };

// Open only while no user exists; afterwards it sends everyone to /login (the action refuses too).
export default async function SetupPage() {
  if (await hasAnyUser()) redirect("/login");
  const t = await getTranslations("auth");
  return (
    <AuthCard title={t("setupTitle")}>
      <p className="text-sm text-slate-600">{t("setupIntro")}</p>
      <SetupForm key={await getLocale()} />
    </AuthCard>
  );
}
