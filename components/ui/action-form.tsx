"use client";
import { type FormHTMLAttributes, useTransition } from "react";

/**
 * A form that submits to a useActionState dispatcher without React's automatic reset, so the user's
 * input stays in place next to the field errors. Remount it (change its key) to clear it on success.
 * Pair it with <SubmitButton pending={isPending}> from the same useActionState.
 */
export function ActionForm({
  action,
  children,
  ...props
}: Omit<FormHTMLAttributes<HTMLFormElement>, "action" | "onSubmit"> & { action: (formData: FormData) => void }) {
  const [, startTransition] = useTransition();
  return (
    <form
      {...props}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const formData = new FormData(event.currentTarget);
        startTransition(() => action(formData));
      }}
    >
      {children}
    </form>
  );
}
