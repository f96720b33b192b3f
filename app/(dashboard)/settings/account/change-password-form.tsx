"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ActionForm, Field, FormError, Input, SubmitButton } from "@/components/ui";
import { changeOwnPasswordAction } from "@/lib/actions/users";

export function ChangePasswordForm() {
  const t = useTranslations("settings.account");
  const [state, action, pending] = useActionState(changeOwnPasswordAction, null);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <ActionForm action={action} className="space-y-4" data-testid="change-password-form">
      <FormError state={state} />
      <Field label={t("currentPassword")} htmlFor="current-password" name="currentPassword" error={fe?.currentPassword}>
        <Input
          id="current-password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          invalid={Boolean(fe?.currentPassword)}
        />
      </Field>
      <Field label={t("newPassword")} htmlFor="new-password" name="newPassword" error={fe?.newPassword}>
        <Input
          id="new-password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          invalid={Boolean(fe?.newPassword)}
        />
      </Field>
      <Field
        label={t("newPasswordConfirm")}
        htmlFor="new-password-confirm"
        name="newPasswordConfirm"
        error={fe?.newPasswordConfirm}
      >
        <Input
          id="new-password-confirm"
          name="newPasswordConfirm"
          type="password"
          autoComplete="new-password"
          required
          invalid={Boolean(fe?.newPasswordConfirm)}
        />
      </Field>
      <SubmitButton testId="change-password-submit" pending={pending}>
        {t("submit")}
      </SubmitButton>
    </ActionForm>
  );
}
