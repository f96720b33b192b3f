"use client";
import { useTranslations } from "next-intl";
import { ActionForm, FormError, PasswordField, SubmitButton } from "@/components/ui";
import { useActionForm } from "@/components/ui/use-action-form";
import { changeOwnPasswordAction } from "@/lib/actions/users";

const FIELDS = [
  { name: "currentPassword", id: "current-password", purpose: "current" },
  { name: "newPassword", id: "new-password", purpose: "new" },
  { name: "newPasswordConfirm", id: "new-password-confirm", purpose: "new" },
] as const;

export function ChangePasswordForm() {
  const t = useTranslations("settings.account");
  const { state, formAction: action, pending, fieldErrors: fe } = useActionForm(changeOwnPasswordAction);
  return (
    <ActionForm action={action} className="space-y-4" data-testid="change-password-form">
      <FormError state={state} />
      {FIELDS.map(({ name, id, purpose }) => (
        <PasswordField key={name} purpose={purpose} label={t(name)} id={id} name={name} error={fe?.[name]} />
      ))}
      <SubmitButton testId="change-password-submit" pending={pending}>
        {t("submit")}
      </SubmitButton>
    </ActionForm>
  );
}
