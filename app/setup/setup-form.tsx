"use client";
import { useTranslations } from "next-intl";
import { ActionForm, FormError, PasswordField, SubmitButton, TextField } from "@/components/ui";
import { useActionForm } from "@/components/ui/use-action-form";
import { setupOwnerAction } from "@/lib/actions/auth";

export function SetupForm() {
  const t = useTranslations("auth");
  const { state, formAction, pending, fieldErrors: fe } = useActionForm(setupOwnerAction);
  return (
    <ActionForm action={formAction} className="space-y-4" data-testid="setup-form">
      <FormError state={state} />
      <TextField
        label={t("setupCode")}
        hint={t("setupCodeHint")}
        name="setupCode"
        autoComplete="one-time-code"
        required
        autoFocus
        spellCheck={false}
        error={fe?.setupCode}
      />
      <TextField label={t("email")} name="email" type="email" autoComplete="username" required error={fe?.email} />
      <TextField label={t("nameOptional")} name="name" autoComplete="name" error={fe?.name} />
      <PasswordField
        purpose="new"
        label={t("password")}
        hint={t("passwordHint")}
        name="password"
        minLength={8}
        error={fe?.password}
      />
      <PasswordField purpose="new" label={t("passwordConfirm")} name="passwordConfirm" error={fe?.passwordConfirm} />
      <SubmitButton testId="setup-submit" pending={pending}>
        {t("createOwner")}
      </SubmitButton>
    </ActionForm>
  );
}
