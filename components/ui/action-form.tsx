"use client";
import { type FormHTMLAttributes, type ReactNode, useTransition } from "react";
import { FormOutcome } from "./form-error";
import { SubmitButton } from "./submit-button";

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

/**
 * A form that adds a record (a store, a user): two columns of fields under the outcome of the last
 * submit, emptied again after each success (remounted under the new record's id). `form` is the
 * form's useActionForm; test ids `${testId}-form` and `${testId}-submit`.
 */
export function CreateForm({
  form: { formAction, state, pending },
  success,
  submit,
  testId,
  children,
}: {
  form: {
    formAction: (formData: FormData) => void;
    state: { ok: true; data: { id: number } } | { ok: false; message?: string } | null;
    pending: boolean;
  };
  /** the message after a success */
  success: string;
  /** the submit button's label */
  submit: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <ActionForm
      action={formAction}
      className="grid gap-4 sm:grid-cols-2"
      data-testid={`${testId}-form`}
      key={state?.ok ? `done-${state.data.id}` : "form"}
    >
      <FormOutcome state={state} success={success} className="space-y-2 sm:col-span-2" />
      {children}
      <div className="sm:col-span-2">
        <SubmitButton testId={`${testId}-submit`} pending={pending}>
          {submit}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
