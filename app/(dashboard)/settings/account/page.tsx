import { getTranslations } from "@/lib/i18n/server";
import { Card, CardBody, CardHeader } from "@/components/ui";
import { requireUser } from "@/lib/auth/current-user";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { ChangePasswordForm } from "./change-password-form";

// Every signed-in user's own account: who they are signed in as, and their password.
export default async function AccountPage() {
  const user = await requireUser();
  const [t, tc] = await Promise.all([getTranslations("settings.account"), getTranslations("common")]);
  return (
    <Card className="max-w-xl">
      <CardHeader
        title={t("passwordTitle")}
        description={t("signedInAs", { email: user.email, role: tc(`roles.${user.role}`) })}
      />
      <CardBody className="space-y-4">
        <p className="text-sm text-slate-600">{t("passwordHint", { min: PASSWORD_MIN_LENGTH })}</p>
        <ChangePasswordForm />
      </CardBody>
    </Card>
  );
}
