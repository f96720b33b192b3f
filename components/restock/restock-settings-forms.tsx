"use client";
// Restock plan settings: a store's defaults, one SKU's overrides, and the CSV import of many SKUs'.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toBase64 } from "@/components/costs/cost-import";
import { ActionForm, Alert, Button, Field, Input, Select, SubmitButton } from "@/components/ui";
import { useRefreshingActionForm } from "@/components/ui/use-action-form";
import {
  importRestockSettingsAction,
  saveRestockSkuSettingsAction,
  saveRestockStoreSettingsAction,
} from "@/lib/actions/restock";
import type { RestockStoreSettingsRow } from "@/lib/data/restock";
import { DEFAULT_PLAN_SETTINGS, SERVICE_LEVELS } from "@/lib/domain/restock/plan";

type Action = typeof saveRestockStoreSettingsAction | typeof saveRestockSkuSettingsAction;

function PlanFields({
  idPrefix,
  values,
  errors,
  allowBlank,
}: {
  idPrefix: string;
  values: Partial<Record<"leadTimeDays" | "coverDays" | "serviceLevel" | "moq" | "casePack", number | null>>;
  errors?: Record<string, string>;
  allowBlank: boolean;
}) {
  const t = useTranslations("restock");
  // the action's field errors arrive translated
  const err = (name: string) => errors?.[name];
  const numberField = (name: "leadTimeDays" | "coverDays" | "moq" | "casePack") => (
    <Field key={name} label={t(`settings.${name}`)} htmlFor={`${idPrefix}-${name}`} name={name} error={err(name)}>
      <Input
        id={`${idPrefix}-${name}`}
        name={name}
        inputMode="numeric"
        defaultValue={values[name] ?? (allowBlank ? "" : DEFAULT_PLAN_SETTINGS[name])}
        placeholder={allowBlank ? String(DEFAULT_PLAN_SETTINGS[name]) : undefined}
      />
    </Field>
  );
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-5">
      {numberField("leadTimeDays")}
      {numberField("coverDays")}
      <Field
        label={t("settings.serviceLevel")}
        htmlFor={`${idPrefix}-serviceLevel`}
        name="serviceLevel"
        error={err("serviceLevel")}
      >
        <Select
          id={`${idPrefix}-serviceLevel`}
          name="serviceLevel"
          defaultValue={String(values.serviceLevel ?? (allowBlank ? "" : DEFAULT_PLAN_SETTINGS.serviceLevel))}
        >
          {allowBlank ? <option value="">—</option> : null}
          {SERVICE_LEVELS.map((s) => (
            <option key={s} value={s}>
              {s} %
            </option>
          ))}
        </Select>
      </Field>
      {numberField("moq")}
      {numberField("casePack")}
    </div>
  );
}

/** The save button of a settings form, with what the last save said beside it. */
function SaveRow({
  state,
  pending,
  testId,
}: {
  state: Awaited<ReturnType<Action>> | null;
  pending: boolean;
  testId: string;
}) {
  const t = useTranslations("restock");
  return (
    <div className="flex items-center gap-3">
      <SubmitButton pending={pending} testId={testId}>
        {t("settingsPage.save")}
      </SubmitButton>
      {state?.ok ? <span className="text-sm text-emerald-800">{t("settingsPage.saved")}</span> : null}
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
    </div>
  );
}

export function StoreSettingsForm({ store }: { store: RestockStoreSettingsRow }) {
  const t = useTranslations("restock");
  const { state, formAction, pending, fieldErrors: errors } = useRefreshingActionForm(saveRestockStoreSettingsAction);
  return (
    <ActionForm action={formAction} className="space-y-3" data-testid={`store-settings-${store.accountId}`}>
      <input type="hidden" name="accountId" value={store.accountId} />
      <h3 className="font-medium">
        {store.storeName} ({store.marketplace === "WB" ? "WB" : "Ozon"})
      </h3>
      <PlanFields idPrefix={`store-${store.accountId}`} values={store} errors={errors} allowBlank={false} />
      {store.marketplace === "WB" ? (
        <Field
          label={t("settingsPage.wbShipWarehouses")}
          htmlFor={`store-${store.accountId}-wh`}
          name="wbShipWarehouseIds"
        >
          <Input
            id={`store-${store.accountId}-wh`}
            name="wbShipWarehouseIds"
            defaultValue={store.wbShipWarehouseIds.join(", ")}
          />
        </Field>
      ) : null}
      <SaveRow state={state} pending={pending} testId="store-settings-save" />
    </ActionForm>
  );
}

export function SkuSettingsForm() {
  const t = useTranslations("restock");
  const { state, formAction, pending, fieldErrors: errors } = useRefreshingActionForm(saveRestockSkuSettingsAction);
  return (
    <ActionForm action={formAction} className="space-y-3" data-testid="sku-settings-form">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        <Field label={t("settingsPage.skuId")} htmlFor="sku-settings-skuId" name="skuId">
          <Input id="sku-settings-skuId" name="skuId" inputMode="numeric" required />
        </Field>
        <Field label={t("settingsPage.manualFactor")} htmlFor="sku-settings-manual" name="manualFactor">
          <Input id="sku-settings-manual" name="manualFactor" inputMode="decimal" placeholder="1" />
        </Field>
      </div>
      <PlanFields idPrefix="sku-settings" values={{}} errors={errors} allowBlank />
      <SaveRow state={state} pending={pending} testId="sku-settings-save" />
    </ActionForm>
  );
}

export function RestockSettingsImport() {
  const t = useTranslations("restock");
  const te = useTranslations();
  const router = useRouter();
  const [result, setResult] = useState<Awaited<ReturnType<typeof importRestockSettingsAction>> | null>(null);
  const [isPending, start] = useTransition();
  return (
    <form
      className="space-y-2"
      data-testid="restock-import"
      onSubmit={(event) => {
        event.preventDefault();
        const file = (event.currentTarget.elements.namedItem("file") as HTMLInputElement).files?.[0];
        if (!file) return;
        start(async () => {
          const answer = await importRestockSettingsAction({
            fileName: file.name,
            contentBase64: toBase64(await file.arrayBuffer()),
          });
          setResult(answer);
          if (answer.ok && answer.data.saved) router.refresh();
        });
      }}
    >
      <p className="text-sm text-slate-600">{t("settingsPage.importHint")}</p>
      <label htmlFor="restock-import-file" className="block text-sm font-medium text-slate-700">
        {t("settingsPage.import")}
      </label>
      <input id="restock-import-file" name="file" type="file" accept=".csv,text/csv" className="text-sm" />
      <Button type="submit" disabled={isPending} data-testid="restock-import-submit">
        {t("settingsPage.importButton")}
      </Button>
      {result && result.ok && result.data.saved ? (
        <Alert tone="success" testId="restock-import-done">
          {t("settingsPage.imported", { count: result.data.count })}
        </Alert>
      ) : null}
      {result && result.ok && !result.data.saved ? (
        <Alert tone="error" testId="restock-import-errors" title={t("settingsPage.importErrors")}>
          {result.data.fileError ? <p>{t(`settingsPage.fileErrors.${result.data.fileError}`)}</p> : null}
          <ul>
            {result.data.errors.map((e) => (
              <li key={`${e.line}-${e.reason}`}>
                {t("settingsPage.line", { line: e.line })}: {te(e.reason as never)}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {result && !result.ok ? <Alert tone="error">{result.message}</Alert> : null}
    </form>
  );
}
