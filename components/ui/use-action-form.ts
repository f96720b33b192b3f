"use client";
import { useRouter } from "next/navigation";
import { useActionState } from "react";

type FormResult = { ok: true } | { ok: false; fieldErrors?: Record<string, string> };

/**
 * `useActionState` for a form that posts to one server action, with the per-field errors of its last
 * result (shown beside each field).
 */
export function useActionForm<R extends FormResult>(action: (state: R | null, data: FormData) => Promise<R>) {
  const [state, formAction, pending] = useActionState(action, null);
  const fieldErrors: Record<string, string> | undefined = state && !state.ok ? state.fieldErrors : undefined;
  return { state, formAction, pending, fieldErrors };
}

/** useActionForm whose successful result refreshes the page's server components, so what was saved shows. */
export function useRefreshingActionForm<R extends FormResult>(action: (state: R | null, data: FormData) => Promise<R>) {
  const router = useRouter();
  return useActionForm<R>(async (state, data) => {
    const result = await action(state, data);
    if (result.ok) router.refresh();
    return result;
  });
}
