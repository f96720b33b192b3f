import type { InputHTMLAttributes, ReactNode } from "react";
import { Input } from "./input";

/** A labelled form field with its hint and its error shown beside it (error has data-testid="field-error-<name>"). */
export function Field({
  label,
  htmlFor,
  name,
  hint,
  error,
  children,
}: {
  label: ReactNode;
  htmlFor: string;
  name?: string;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={htmlFor} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint && !error ? (
        <p id={`${htmlFor}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${htmlFor}-error`} className="text-xs text-red-700" data-testid={`field-error-${name ?? htmlFor}`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A text input in its `Field`: the input's id defaults to its name, it is marked invalid and described by
 * its error when there is one, else by its hint.
 */
export function TextField({
  label,
  hint,
  error,
  id,
  name,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> & {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  id?: string;
  name: string;
}) {
  const inputId = id ?? name;
  const describedBy = error ? `${inputId}-error` : hint ? `${inputId}-hint` : undefined;
  return (
    <Field label={label} htmlFor={inputId} name={name} hint={hint} error={error}>
      <Input id={inputId} name={name} invalid={Boolean(error)} aria-describedby={describedBy} {...input} />
    </Field>
  );
}

/**
 * A required password field: "current-password" for signing in with it, "new-password" for choosing
 * one (password managers offer to generate and save it).
 */
export function PasswordField({
  purpose,
  ...props
}: Omit<Parameters<typeof TextField>[0], "type" | "autoComplete"> & { purpose: "current" | "new" }) {
  return <TextField type="password" autoComplete={`${purpose}-password`} required {...props} />;
}
