"use client";
import { useRouter } from "next/navigation";
import { type ReactNode, useState, useTransition } from "react";
import { Button } from "./button";

/**
 * A button that runs one server action (ship a plan, delete a row): disabled while it runs, the page's
 * server components refreshed when it succeeds, the action's message beside the button when it refuses.
 */
export function ActionButton({
  run,
  children,
  testId,
  ariaLabel,
}: {
  run: () => Promise<{ ok: true } | { ok: false; message: string }>;
  children: ReactNode;
  testId?: string;
  ariaLabel?: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, start] = useTransition();
  return (
    <span>
      <Button
        variant="secondary"
        disabled={isPending}
        data-testid={testId}
        aria-label={ariaLabel}
        onClick={() =>
          start(async () => {
            const result = await run();
            setError(result.ok ? null : result.message);
            if (result.ok) router.refresh();
          })
        }
      >
        {children}
      </Button>
      {error ? <span className="ml-2 text-sm text-red-700">{error}</span> : null}
    </span>
  );
}
