import type { ReactNode } from "react";

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
