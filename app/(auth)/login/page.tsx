import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { AuthCard } from "@/components/auth/auth-card";
import { Alert } from "@/components/ui";
import { getCurrentUser } from "@/lib/auth/current-user";
import { hasAnyUser } from "@/lib/data/users";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sovani — вход / sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (!(await hasAnyUser())) redirect("/setup");
  const params = await searchParams;
  const next = typeof params.next === "string" ? params.next : undefined;
  if (await getCurrentUser()) redirect("/overview");
  const t = await getTranslations("auth");
  return (
    <AuthCard title={t("loginTitle")}>
      {params.ended ? <Alert tone="info">{t("sessionEnded")}</Alert> : null}
      {params.changed ? (
        <Alert tone="success" testId="password-changed">
          {t("passwordChanged")}
        </Alert>
      ) : null}
      <LoginForm next={next} key={await getLocale()} />
    </AuthCard>
  );
}
