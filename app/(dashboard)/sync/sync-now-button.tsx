"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert, FormError, SubmitButton } from "@/components/ui";
import { syncNowAction } from "@/lib/actions/sync";

export function SyncNowButton() {
  const t = useTranslations("sync");
  const [state, action] = useActionState(syncNowAction, null);
  const outcome = state?.ok ? state.data : null;
  return (
    <form action={action} className="flex max-w-md flex-col items-end gap-2" data-testid="sync-now-form">
      <SubmitButton pendingText={t("syncing")} testId="sync-now">
        {t("syncNow")}
      </SubmitButton>
      <FormError state={state} />
      {outcome ? (
        <Alert
          tone={outcome.status === "done" ? (outcome.failures.length ? "warning" : "success") : "info"}
          testId="sync-now-result"
        >
          {outcome.status === "queued" && t("syncQueued")}
          {outcome.status === "busy" && t("syncBusy")}
          {outcome.status === "running" && t("syncRunning")}
          {outcome.status === "done" ? (
            <>
              <p>{t("syncResult", { synced: outcome.synced, stores: outcome.stores })}</p>
              {outcome.failures.length ? (
                <ul className="mt-1 list-disc pl-4 text-xs">
                  {outcome.failures.map((f) => (
                    <li key={f.what}>
                      {f.what}: {f.error}
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          ) : null}
        </Alert>
      ) : null}
    </form>
  );
}
