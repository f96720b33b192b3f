"use client";
// The sync page's two forms: "Sync now" (the last few days) and "Load history" (every day from a
// chosen one to today). Both show the run's outcome, or that it goes on in the background.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ActionForm, Alert, Field, FormError, Input, Options, Select, SubmitButton } from "@/components/ui";
import { useActionForm } from "@/components/ui/use-action-form";
import { loadHistoryAction, type SyncNowOutcome, syncNowAction } from "@/lib/actions/sync";

function SyncOutcome({ outcome, testId }: { outcome: SyncNowOutcome; testId: string }) {
  const t = useTranslations("sync");
  return (
    <Alert
      tone={outcome.status === "done" ? (outcome.failures.length ? "warning" : "success") : "info"}
      testId={testId}
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
                  {f.what}: {f.message}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </Alert>
  );
}

export function SyncNowButton() {
  const t = useTranslations("sync");
  const [state, action] = useActionState(syncNowAction, null);
  return (
    <form action={action} className="flex flex-col items-start gap-2" data-testid="sync-now-form">
      <SubmitButton pendingText={t("syncing")} testId="sync-now">
        {t("syncNow")}
      </SubmitButton>
      <FormError state={state} />
      {state?.ok ? <SyncOutcome outcome={state.data} testId="sync-now-result" /> : null}
    </form>
  );
}

export function LoadHistoryForm({
  stores,
  defaultFrom,
  minFrom,
  today,
}: {
  stores: { id: number; label: string }[];
  defaultFrom: string;
  minFrom: string;
  today: string;
}) {
  const t = useTranslations("sync");
  const { state, formAction: action, pending, fieldErrors: fe } = useActionForm(loadHistoryAction);
  return (
    <ActionForm action={action} className="space-y-3" data-testid="history-form">
      <div className="grid gap-3 sm:grid-cols-2 sm:items-start">
        <Field label={t("store")} htmlFor="history-store" name="storeId" error={fe?.storeId}>
          <Select id="history-store" name="storeId" defaultValue="">
            <option value="">{t("syncAllStores")}</option>
            <Options items={stores} value={(s) => s.id} label={(s) => s.label} />
          </Select>
        </Field>
        <Field label={t("historyFrom")} htmlFor="history-from" name="from" hint={t("historyFromHint")} error={fe?.from}>
          <Input
            id="history-from"
            type="date"
            name="from"
            required
            min={minFrom}
            max={today}
            defaultValue={defaultFrom}
            invalid={Boolean(fe?.from)}
            aria-describedby={fe?.from ? "history-from-error" : "history-from-hint"}
            data-testid="history-from"
          />
        </Field>
        <div className="sm:col-span-2">
          <SubmitButton pending={pending} pendingText={t("syncing")} testId="history-submit">
            {t("historySubmit")}
          </SubmitButton>
        </div>
      </div>
      <FormError state={state} />
      {state?.ok ? <SyncOutcome outcome={state.data} testId="history-result" /> : null}
    </ActionForm>
  );
}
