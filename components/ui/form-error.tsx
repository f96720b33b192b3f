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
