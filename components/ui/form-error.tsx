import { Alert } from "./alert";

/** The form-level error of an action result (generic text + correlation id), test id "form-error". */
export function FormError({
  state,
  testId = "form-error",
}: {
  state: { ok: boolean; message?: string } | null | undefined;
  testId?: string;
}) {
  if (!state || state.ok || !state.message) return null;
  return (
    <Alert tone="error" testId={testId}>
      {state.message}
    </Alert>
  );
}

/** A form's last outcome above its fields: the form-level error, or `success` (test id "form-success"). */
export function FormOutcome({
  state,
  success,
  className,
}: {
  state: { ok: boolean; message?: string } | null | undefined;
  success: string;
  className?: string;
}) {
  return (
    <div className={className}>
      <FormError state={state} />
      {state?.ok ? (
        <Alert tone="success" testId="form-success">
          {success}
        </Alert>
      ) : null}
    </div>
  );
}
