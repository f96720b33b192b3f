"use client";
import { useTranslations } from "next-intl";
import { ActionForm, FormError, SubmitButton, TextField } from "@/components/ui";
import { useActionForm } from "@/components/ui/use-action-form";
import { changeOwnPasswordAction } from "@/lib/actions/users";

export function ChangePasswordForm() {
  const t = useTranslations("settings.account");
  const { state, formAction: action, pending, fieldErrors: fe } = useActionForm(changeOwnPasswordAction);
  return (
    <ActionForm action={action} className="space-y-4" data-testid="change-password-form">
      <FormError state={state} />
      <TextField
        label={t("currentPassword")}
        id="current-password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={fe?.currentPassword}
      />
      <TextField
        label={t("newPassword")}
        id="new-password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        error={fe?.newPassword}
      />
      <TextField
        label={t("newPasswordConfirm")}
        id="new-password-confirm"
        name="newPasswordConfirm"
        type="password"
        autoComplete="new-password"
        required
        error={fe?.newPasswordConfirm}
      />
      <SubmitButton testId="change-password-submit" pending={pending}>
        {t("submit")}
      </SubmitButton>
    </ActionForm>
  );
}
