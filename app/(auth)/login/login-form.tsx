"use client";
import { useTranslations } from "next-intl";
import { ActionForm, FormError, PasswordField, SubmitButton, TextField } from "@/components/ui";
import { useActionForm } from "@/components/ui/use-action-form";
import { loginAction } from "@/lib/actions/auth";

export function LoginForm({ next }: { next?: string }) {
  const t = useTranslations("auth");
  const { state, formAction, pending, fieldErrors } = useActionForm(loginAction);
  return (
    <ActionForm action={formAction} className="space-y-4" data-testid="login-form">
      <FormError state={state} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <TextField
        label={t("email")}
        name="email"
        type="email"
        autoComplete="username"
        required
        autoFocus
        error={fieldErrors?.email}
      />
      <PasswordField
        purpose="current"
        key={state && !state.ok ? state.correlationId : "password"}
        label={t("password")}
        name="password"
        error={fieldErrors?.password}
      />
      <SubmitButton pendingText={t("signingIn")} testId="login-submit" pending={pending}>
        {t("signIn")}
      </SubmitButton>
    </ActionForm>
  );
}
