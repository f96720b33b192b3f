"use client";
// A store's supplier closures on the plan settings page: the list (past ones greyed), an add form with
// its errors beside the fields, and a delete button per closure. Viewers see the list only.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useState, useTransition } from "react";
import { useFormatters } from "@/components/layout/use-client-context";
import { ActionForm, Alert, Button, Field, Input, Options, Select, SubmitButton } from "@/components/ui";
import { addSupplierClosureAction, deleteSupplierClosureAction } from "@/lib/actions/restock";
import type { RestockStoreSettingsRow, SupplierClosureRow } from "@/lib/data/restock";

function AddClosureForm({ stores }: { stores: readonly Pick<RestockStoreSettingsRow, "accountId" | "storeName">[] }) {
  const t = useTranslations("restock");
  const router = useRouter();
  const [state, formAction, isPending] = useActionState(
    async (previous: Awaited<ReturnType<typeof addSupplierClosureAction>> | null, data: FormData) => {
      const result = await addSupplierClosureAction(previous, data);
      if (result.ok) router.refresh();
      return result;
    },
    null,
  );
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  // the action's field errors arrive translated
  const err = (name: string) => errors?.[name];
  return (
    <ActionForm action={formAction} className="space-y-3" data-testid="supplier-closure-form">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Field label={t("settingsPage.closureStore")} htmlFor="closure-accountId" name="accountId">
          <Select id="closure-accountId" name="accountId">
            <Options items={stores} value={(s) => s.accountId} label={(s) => s.storeName} />
          </Select>
        </Field>
        <Field
          label={t("settingsPage.closureFirstDay")}
          htmlFor="closure-firstDay"
          name="firstDay"
          error={err("firstDay")}
        >
          <Input id="closure-firstDay" name="firstDay" type="date" required />
        </Field>
        <Field label={t("settingsPage.closureLastDay")} htmlFor="closure-lastDay" name="lastDay" error={err("lastDay")}>
          <Input id="closure-lastDay" name="lastDay" type="date" required />
        </Field>
        <Field label={t("settingsPage.closureNote")} htmlFor="closure-note" name="note" error={err("note")}>
          <Input id="closure-note" name="note" maxLength={200} />
        </Field>
      </div>
      <div className="flex items-center gap-3">
        <SubmitButton pending={isPending} testId="supplier-closure-add">
          {t("settingsPage.closureAdd")}
        </SubmitButton>
        {state?.ok ? <span className="text-sm text-emerald-800">{t("settingsPage.closureAdded")}</span> : null}
        {state && !state.ok && !errors ? <Alert tone="error">{state.message}</Alert> : null}
      </div>
    </ActionForm>
  );
}

function DeleteClosureButton({ closure }: { closure: SupplierClosureRow }) {
  const t = useTranslations("restock");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, start] = useTransition();
  return (
    <span>
      <Button
        variant="secondary"
        disabled={isPending}
        data-testid="supplier-closure-delete"
        aria-label={t("settingsPage.closureDeleteLabel", {
          from: closure.firstDay,
          to: closure.lastDay,
          store: closure.storeName,
        })}
        onClick={() =>
          start(async () => {
            const result = await deleteSupplierClosureAction({ closureId: closure.id });
            setError(result.ok ? null : result.message);
            if (result.ok) router.refresh();
          })
        }
      >
        {t("settingsPage.closureDelete")}
      </Button>
      {error ? <span className="ml-2 text-sm text-red-700">{error}</span> : null}
    </span>
  );
}

export function SupplierClosures({
  stores,
  closures,
  editable,
  timeZone,
}: {
  stores: readonly Pick<RestockStoreSettingsRow, "accountId" | "storeName">[];
  closures: readonly SupplierClosureRow[];
  editable: boolean;
  timeZone: string;
}) {
  const t = useTranslations("restock");
  const f = useFormatters(timeZone);
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">{t("settingsPage.closuresHint")}</p>
      {editable && stores.length > 0 ? <AddClosureForm stores={stores} /> : null}
      {closures.length === 0 ? (
        <p className="text-sm text-slate-600">{t("settingsPage.noClosures")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 text-sm" data-testid="supplier-closures">
          {closures.map((c) => (
            <li
              key={c.id}
              className={`flex flex-wrap items-center gap-3 py-2 ${c.past ? "text-slate-500" : ""}`}
              data-testid="supplier-closure"
            >
              <span className="font-medium">{c.storeName}</span>
              <span>
                {f.day(c.firstDay)} – {f.day(c.lastDay)}
              </span>
              {c.note ? <span className="text-slate-600">{c.note}</span> : null}
              {c.past ? <span className="text-xs">({t("settingsPage.closurePast")})</span> : null}
              {editable ? <DeleteClosureButton closure={c} /> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
