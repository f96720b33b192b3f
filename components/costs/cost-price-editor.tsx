"use client";
// The cost price history of one SKU with add, edit and delete. Viewers see the history only.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useState, useTransition } from "react";
import { Alert, Button, Field, FormError, HeaderRow, Input, SubmitButton, Table, TBody, Td, Tr } from "@/components/ui";
import { deleteCostPriceAction, saveCostPriceAction } from "@/lib/actions/cost-prices";
import type { CostPriceEntry } from "@/lib/data/costs";
import { createFormatters } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/config";

export function CostPriceEditor({
  skuId,
  entries,
  canEdit,
  locale,
  timeZone,
  today,
}: {
  skuId: number;
  entries: CostPriceEntry[];
  canEdit: boolean;
  locale: Locale;
  timeZone: string;
  today: string;
}) {
  const t = useTranslations("costs");
  const f = createFormatters(locale, timeZone);
  const router = useRouter();
  const [editing, setEditing] = useState<CostPriceEntry | null>(null);
  const [state, formAction] = useActionState(
    async (previous: Awaited<ReturnType<typeof saveCostPriceAction>> | null, data: FormData) => {
      const result = await saveCostPriceAction(previous, data);
      if (result.ok) {
        setEditing(null);
        router.refresh();
      }
      return result;
    },
    null,
  );
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [isDeleting, startDelete] = useTransition();

  const remove = (entry: CostPriceEntry) => {
    if (!window.confirm(t("confirmDelete", { day: f.day(entry.dtFrom) }))) return;
    startDelete(async () => {
      const result = await deleteCostPriceAction({ id: entry.id });
      setDeleteError(result.ok ? null : result.message);
      if (result.ok) router.refresh();
    });
  };

  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <div className="space-y-4" data-testid="cost-editor">
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid="cost-history-empty">
          {t("historyEmpty")}
        </p>
      ) : (
        // a date and its buttons on one line: centred, not top-aligned
        <Table caption={t("historyCaption")} className="[&_td]:align-middle">
          <HeaderRow
            headers={[
              t("columns.dtFrom"),
              { label: t("columns.costPrice"), numeric: true },
              ...(canEdit ? [{ label: t("columns.actions"), numeric: true, isHidden: true }] : []),
            ]}
          />
          <TBody data-testid="cost-history">
            {entries.map((e) => (
              <Tr key={e.id}>
                <Td>{f.day(e.dtFrom)}</Td>
                <Td numeric>{f.rub(e.costPrice, { fractionDigits: 2 })}</Td>
                {canEdit ? (
                  <Td numeric>
                    <Button size="sm" variant="ghost" onClick={() => setEditing(e)} data-testid="cost-edit">
                      {t("edit")}
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => remove(e)}
                      disabled={isDeleting}
                      data-testid="cost-delete"
                    >
                      {t("delete")}
                    </Button>
                  </Td>
                ) : null}
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {deleteError ? (
        <Alert tone="error" testId="cost-delete-error">
          {deleteError}
        </Alert>
      ) : null}
      {canEdit ? (
        <form
          action={formAction}
          key={editing?.id ?? "new"}
          className="rounded-lg border border-slate-200 bg-slate-50 p-3"
          data-testid="cost-form"
        >
          <h3 className="mb-2 text-sm font-semibold text-slate-800">
            {editing ? t("editTitle", { day: f.day(editing.dtFrom) }) : t("addTitle")}
          </h3>
          <input type="hidden" name="skuId" value={skuId} />
          <input type="hidden" name="id" value={editing?.id ?? ""} />
          <div className="grid gap-3 sm:grid-cols-[10rem_10rem_auto] sm:items-start">
            <Field label={t("columns.dtFrom")} htmlFor={`cost-dt-${skuId}`} name="dtFrom" error={fieldErrors?.dtFrom}>
              <Input
                id={`cost-dt-${skuId}`}
                type="date"
                name="dtFrom"
                required
                defaultValue={editing?.dtFrom ?? today}
                invalid={Boolean(fieldErrors?.dtFrom)}
                data-testid="cost-dt-from"
              />
            </Field>
            <Field
              label={t("columns.costPriceRub")}
              htmlFor={`cost-price-${skuId}`}
              name="costPrice"
              error={fieldErrors?.costPrice}
            >
              <Input
                id={`cost-price-${skuId}`}
                name="costPrice"
                inputMode="decimal"
                required
                autoComplete="off"
                defaultValue={editing?.costPrice ?? ""}
                invalid={Boolean(fieldErrors?.costPrice)}
                data-testid="cost-price-input"
              />
            </Field>
            <div className="flex gap-2 sm:pt-6">
              <SubmitButton pendingText={t("saving")} testId="cost-save">
                {t("save")}
              </SubmitButton>
              {editing ? (
                <Button variant="secondary" onClick={() => setEditing(null)}>
                  {t("cancel")}
                </Button>
              ) : null}
            </div>
          </div>
          <p className="mt-2 text-xs text-slate-600">{t("recalcHint")}</p>
          <div className="mt-2">
            <FormError state={state} />
            {state?.ok ? (
              <Alert tone="success" testId="cost-saved">
                {state.data.recalculatedFrom
                  ? t("savedRecalculated", { day: f.day(state.data.recalculatedFrom) })
                  : t("saved")}
              </Alert>
            ) : null}
          </div>
        </form>
      ) : (
        <p className="text-xs text-slate-500" data-testid="cost-readonly">
          {t("readOnly")}
        </p>
      )}
    </div>
  );
}
