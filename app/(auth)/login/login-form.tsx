"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ActionForm, Field, FormError, Input, SubmitButton } from "@/components/ui";
import { loginAction } from "@/lib/actions/auth";

export function LoginForm({ next }: { next?: string }) {
  const t = useTranslations("auth");
  const [state, formAction, pending] = useActionState(loginAction, null);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <ActionForm action={formAction} className="space-y-4" data-testid="login-form">
      <FormError state={state} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Field label={t("email")} htmlFor="email" error={fieldErrors?.email}>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          invalid={Boolean(fieldErrors?.email)}
        />
      </Field>
      <Field label={t("password")} htmlFor="password" error={fieldErrors?.password}>
        <Input
          key={state && !state.ok ? state.correlationId : "password"}
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          invalid={Boolean(fieldErrors?.password)}
        />
      </Field>
      <SubmitButton pendingText={t("signingIn")} testId="login-submit" pending={pending}>
        {t("signIn")}
      </SubmitButton>
    </ActionForm>
  );
}
