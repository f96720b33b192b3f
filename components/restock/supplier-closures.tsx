"use client";
// A store's supplier closures on the plan settings page: the list (past ones greyed), an add form with
// its errors beside the fields, and a delete button per closure. Viewers see the list only.
import { useTranslations } from "next-intl";
import { useFormatters } from "@/components/layout/use-client-context";
import { ActionButton, ActionForm, Alert, Field, Input, Options, Select, SubmitButton } from "@/components/ui";
import { useRefreshingActionForm } from "@/components/ui/use-action-form";
import { addSupplierClosureAction, deleteSupplierClosureAction } from "@/lib/actions/restock";
import type { RestockStoreSettingsRow, SupplierClosureRow } from "@/lib/data/restock";

function AddClosureForm({ stores }: { stores: readonly Pick<RestockStoreSettingsRow, "accountId" | "storeName">[] }) {
  const t = useTranslations("restock");
  const { state, formAction, pending, fieldErrors } = useRefreshingActionForm(addSupplierClosureAction);
  // the action's field errors arrive translated
  const err = (name: string) => fieldErrors?.[name];
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
        <SubmitButton pending={pending} testId="supplier-closure-add">
          {t("settingsPage.closureAdd")}
        </SubmitButton>
        {state?.ok ? <span className="text-sm text-emerald-800">{t("settingsPage.closureAdded")}</span> : null}
        {state && !state.ok && !fieldErrors ? <Alert tone="error">{state.message}</Alert> : null}
      </div>
    </ActionForm>
  );
}

function DeleteClosureButton({ closure }: { closure: SupplierClosureRow }) {
  const t = useTranslations("restock");
  return (
    <ActionButton
      run={() => deleteSupplierClosureAction({ closureId: closure.id })}
      testId="supplier-closure-delete"
      ariaLabel={t("settingsPage.closureDeleteLabel", {
        from: closure.firstDay,
        to: closure.lastDay,
        store: closure.storeName,
      })}
    >
      {t("settingsPage.closureDelete")}
    </ActionButton>
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
