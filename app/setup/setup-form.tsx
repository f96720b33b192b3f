"use client";
import { useTranslations } from "next-intl";
import { ActionForm, FormError, SubmitButton, TextField } from "@/components/ui";
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
      <TextField
        label={t("password")}
        hint={t("passwordHint")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        error={fe?.password}
      />
      <TextField
        label={t("passwordConfirm")}
        name="passwordConfirm"
        type="password"
        autoComplete="new-password"
        required
        error={fe?.passwordConfirm}
      />
      <SubmitButton testId="setup-submit" pending={pending}>
        {t("createOwner")}
      </SubmitButton>
    </ActionForm>
  );
}
