"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ActionForm, Field, FormError, Input, SubmitButton } from "@/components/ui";
import { setupOwnerAction } from "@/lib/actions/auth";

export function SetupForm() {
  const t = useTranslations("auth");
  const [state, formAction, pending] = useActionState(setupOwnerAction, null);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <ActionForm action={formAction} className="space-y-4" data-testid="setup-form">
      <FormError state={state} />
      <Field label={t("setupCode")} htmlFor="setupCode" hint={t("setupCodeHint")} error={fe?.setupCode}>
        <Input
          id="setupCode"
          name="setupCode"
          autoComplete="one-time-code"
          required
          autoFocus
          spellCheck={false}
          invalid={Boolean(fe?.setupCode)}
          aria-describedby="setupCode-hint"
        />
      </Field>
      <Field label={t("email")} htmlFor="email" error={fe?.email}>
        <Input id="email" name="email" type="email" autoComplete="username" required invalid={Boolean(fe?.email)} />
      </Field>
      <Field label={t("nameOptional")} htmlFor="name" error={fe?.name}>
        <Input id="name" name="name" autoComplete="name" />
      </Field>
      <Field label={t("password")} htmlFor="password" hint={t("passwordHint")} error={fe?.password}>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          invalid={Boolean(fe?.password)}
          aria-describedby="password-hint"
        />
      </Field>
      <Field label={t("passwordConfirm")} htmlFor="passwordConfirm" error={fe?.passwordConfirm}>
        <Input
          id="passwordConfirm"
          name="passwordConfirm"
          type="password"
          autoComplete="new-password"
          required
          invalid={Boolean(fe?.passwordConfirm)}
        />
      </Field>
      <SubmitButton testId="setup-submit" pending={pending}>
        {t("createOwner")}
      </SubmitButton>
    </ActionForm>
  );
}
