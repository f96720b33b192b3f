"use client";
import { useTranslations } from "next-intl";
import { ActionForm, FormError, PasswordField, SubmitButton } from "@/components/ui";
import { useActionForm } from "@/components/ui/use-action-form";
import { changeOwnPasswordAction } from "@/lib/actions/users";

export function ChangePasswordForm() {
  const t = useTranslations("settings.account");
  const { state, formAction: action, pending, fieldErrors: fe } = useActionForm(changeOwnPasswordAction);
  return (
    <ActionForm action={action} className="space-y-4" data-testid="change-password-form">
      <FormError state={state} />
      <PasswordField
        purpose="current"
        label={t("currentPassword")}
        id="current-password"
        name="currentPassword"
        error={fe?.currentPassword}
      />
      <PasswordField
        purpose="new"
        label={t("newPassword")}
        id="new-password"
        name="newPassword"
        error={fe?.newPassword}
      />
      <PasswordField
        purpose="new"
        label={t("newPasswordConfirm")}
        id="new-password-confirm"
        name="newPasswordConfirm"
        error={fe?.newPasswordConfirm}
      />
      <SubmitButton testId="change-password-submit" pending={pending}>
        {t("submit")}
      </SubmitButton>
    </ActionForm>
  );
}
