"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FormError, CreateForm, Input, Select, SubmitButton, TextField, PasswordField } from "@/components/ui";
import { useActionForm } from "@/components/ui/use-action-form";
import {
  createUserAction,
  resetUserPasswordAction,
  setUserDisabledAction,
  updateUserRoleAction,
} from "@/lib/actions/users";

const roleOptions = ["owner", "editor", "viewer"] as const;

export function CreateUserForm() {
  const t = useTranslations("settings.users");
  const tc = useTranslations("common");
  const form = useActionForm(createUserAction);
  const fe = form.fieldErrors;
  return (
    <CreateForm form={form} success={t("created")} submit={t("create")} testId="create-user">
      <TextField
        label={t("email")}
        id="new-email"
        name="email"
        type="email"
        autoComplete="off"
        required
        error={fe?.email}
      />
      <TextField label={t("name")} id="new-name" name="name" autoComplete="off" error={fe?.name} />
      <Field label={t("role")} htmlFor="new-role" name="role" error={fe?.role}>
        <Select id="new-role" name="role" defaultValue="viewer">
          {roleOptions.map((r) => (
            <option key={r} value={r}>
              {tc(`roles.${r}`)}
            </option>
          ))}
        </Select>
      </Field>
      <PasswordField purpose="new" label={t("password")} id="new-password" name="password" error={fe?.password} />
    </CreateForm>
  );
}

/** A row control's label for screen readers: what it does, and to whom. */
function RowLabel({ htmlFor, label, email }: { htmlFor: string; label: string; email: string }) {
  return (
    <label className="sr-only" htmlFor={htmlFor}>
      {label} ({email})
    </label>
  );
}

export function UserRowControls({
  user,
}: {
  user: { id: number; email: string; role: (typeof roleOptions)[number]; isDisabled: boolean };
}) {
  const t = useTranslations("settings.users");
  const tc = useTranslations("common");
  const [roleState, roleAction] = useActionState(updateUserRoleAction, null);
  const [disableState, disableAction] = useActionState(setUserDisabledAction, null);
  const [pwState, pwAction] = useActionState(resetUserPasswordAction, null);
  const pwError = pwState && !pwState.ok ? pwState.fieldErrors?.password : undefined;
  return (
    <div className="flex min-w-64 flex-col gap-2">
      <FormError state={roleState} testId={`role-error-${user.email}`} />
      <FormError state={disableState} testId={`disable-error-${user.email}`} />
      <form action={roleAction} className="flex items-center gap-2">
        <input type="hidden" name="userId" value={user.id} />
        <RowLabel htmlFor={`role-${user.id}`} label={t("changeRole")} email={user.email} />
        <Select
          id={`role-${user.id}`}
          name="role"
          defaultValue={user.role}
          className="w-auto"
          data-testid={`role-select-${user.email}`}
        >
          {roleOptions.map((r) => (
            <option key={r} value={r}>
              {tc(`roles.${r}`)}
            </option>
          ))}
        </Select>
        <SubmitButton variant="secondary" size="sm" testId={`role-save-${user.email}`}>
          {t("saveRole")}
        </SubmitButton>
      </form>
      <form action={disableAction}>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="disabled" value={user.isDisabled ? "false" : "true"} />
        <SubmitButton
          variant={user.isDisabled ? "secondary" : "danger"}
          size="sm"
          testId={`toggle-disabled-${user.email}`}
        >
          {user.isDisabled ? t("enable") : t("disable")}
        </SubmitButton>
      </form>
      <form action={pwAction} className="flex items-start gap-2" noValidate>
        <input type="hidden" name="userId" value={user.id} />
        <div className="flex-1">
          <RowLabel htmlFor={`pw-${user.id}`} label={t("newPassword")} email={user.email} />
          <Input
            id={`pw-${user.id}`}
            name="password"
            type="password"
            autoComplete="new-password"
            placeholder={t("newPassword")}
            invalid={Boolean(pwError)}
          />
          {pwError ? (
            <p className="mt-1 text-xs text-red-700" data-testid={`pw-error-${user.email}`}>
              {pwError}
            </p>
          ) : null}
          {pwState?.ok ? <p className="mt-1 text-xs text-emerald-700">{t("saved")}</p> : null}
        </div>
        <SubmitButton variant="secondary" size="sm">
          {t("setPassword")}
        </SubmitButton>
      </form>
    </div>
  );
}
