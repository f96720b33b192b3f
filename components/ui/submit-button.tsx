"use client";
import { useFormStatus } from "react-dom";
import { Button, type ButtonVariant } from "./button";

/** A submit button that disables itself while its form's action runs. */
export function SubmitButton({ children, pendingText, variant = "primary", size, testId, name, value }: {
  children: React.ReactNode;
  pendingText?: React.ReactNode;
  variant?: ButtonVariant;
  size?: "sm" | "md";
  testId?: string;
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} size={size} disabled={pending} aria-disabled={pending} data-testid={testId} name={name} value={value}>
      {pending && pendingText ? pendingText : children}
    </Button>
  );
}
