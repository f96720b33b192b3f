"use client";
import { useFormStatus } from "react-dom";
import { Button, type ButtonVariant } from "./button";

/** A submit button that disables itself while its form's action runs. */
export function SubmitButton({
  children,
  pendingText,
  variant = "primary",
  size,
  testId,
  name,
  value,
  pending: pendingProp,
}: {
  children: React.ReactNode;
  pendingText?: React.ReactNode;
  variant?: ButtonVariant;
  size?: "sm" | "md";
  testId?: string;
  name?: string;
  value?: string;
  /** pending state from useActionState, for an ActionForm (useFormStatus only sees native form actions) */
  pending?: boolean;
}) {
  const status = useFormStatus();
  const pending = pendingProp ?? status.pending;
  return (
    <Button
      type="submit"
      variant={variant}
      size={size}
      disabled={pending}
      aria-disabled={pending}
      data-testid={testId}
      name={name}
      value={value}
    >
      {pending && pendingText ? pendingText : children}
    </Button>
  );
}
