"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { ActionForm, Alert, CreateForm, Field, FormError, Select, SubmitButton, TextField } from "@/components/ui";
import { useActionForm } from "@/components/ui/use-action-form";
import {
  addStoreAction,
  renameStoreAction,
  replaceStoreCredentialsAction,
  setStoreActiveAction,
  testStoreConnectionAction,
} from "@/lib/actions/stores";
import type { Marketplace } from "@/db/schema";

/** a token or key: hidden while typed, never autofilled or spell-checked */
function SecretField(props: { label: string; id: string; name: string; error?: string }) {
  return <TextField type="password" autoComplete="off" spellCheck={false} {...props} />;
}

function CredentialFields({
  marketplace,
  fe,
  idPrefix,
}: {
  marketplace: Marketplace;
  fe?: Record<string, string>;
  idPrefix: string;
}) {
  const t = useTranslations("settings.stores");
  if (marketplace === "WB") {
    return <SecretField label={t("wbToken")} id={`${idPrefix}-token`} name="token" error={fe?.token} />;
  }
  return (
    <>
      <TextField
        label={t("ozonClientId")}
        id={`${idPrefix}-client`}
        name="clientId"
        inputMode="numeric"
        autoComplete="off"
        error={fe?.clientId}
      />
      <SecretField label={t("ozonApiKey")} id={`${idPrefix}-key`} name="apiKey" error={fe?.apiKey} />
    </>
  );
}

export function AddStoreForm() {
  const t = useTranslations("settings.stores");
  const tc = useTranslations("common");
  const [marketplace, setMarketplace] = useState<Marketplace>("WB");
  const form = useActionForm(addStoreAction);
  const fe = form.fieldErrors;
  return (
    <CreateForm form={form} success={t("added")} submit={t("add")} testId="add-store">
      <Field label={t("marketplace")} htmlFor="store-marketplace" name="marketplace">
        <Select
          id="store-marketplace"
          name="marketplace"
          value={marketplace}
          onChange={(e) => setMarketplace(e.target.value as Marketplace)}
          data-testid="store-marketplace"
        >
          <option value="WB">{tc("marketplaces.WB")}</option>
          <option value="OZON">{tc("marketplaces.OZON")}</option>
        </Select>
      </Field>
      <TextField label={t("name")} id="store-name" name="name" autoComplete="off" error={fe?.name} />
      <CredentialFields marketplace={marketplace} fe={fe} idPrefix="store" />
    </CreateForm>
  );
}

export function TestConnectionButton({ storeId }: { storeId: number }) {
  const t = useTranslations("settings.stores");
  const [state, action] = useActionState(testStoreConnectionAction, null);
  return (
    <form action={action} className="space-y-2" data-testid="test-connection-form">
      <input type="hidden" name="storeId" value={storeId} />
      <SubmitButton variant="secondary" pendingText={t("testing")} testId="test-connection">
        {t("testConnection")}
      </SubmitButton>
      <FormError state={state} />
      {state?.ok ? (
        <Alert
          tone={state.data.ok ? "success" : state.data.reason === "unreachable" ? "warning" : "error"}
          testId="test-connection-result"
        >
          {state.data.ok ? t("test.ok") : t(`test.${state.data.reason}`)}
        </Alert>
      ) : null}
    </form>
  );
}

export function ReplaceCredentialsForm({ storeId, marketplace }: { storeId: number; marketplace: Marketplace }) {
  const t = useTranslations("settings.stores");
  const { state, formAction: action, pending, fieldErrors: fe } = useActionForm(replaceStoreCredentialsAction);
  return (
    <ActionForm
      action={action}
      className="space-y-3"
      data-testid="replace-credentials-form"
      key={state?.ok ? "done" : "form"}
    >
      <FormError state={state} />
      {state?.ok ? <Alert tone="success">{t("replaced")}</Alert> : null}
      <input type="hidden" name="storeId" value={storeId} />
      <input type="hidden" name="marketplace" value={marketplace} />
      <CredentialFields marketplace={marketplace} fe={fe} idPrefix="replace" />
      <SubmitButton variant="secondary" pending={pending}>
        {t("replace")}
      </SubmitButton>
    </ActionForm>
  );
}

export function RenameStoreForm({ storeId, name }: { storeId: number; name: string }) {
  const t = useTranslations("settings.stores");
  const { state, formAction: action, pending, fieldErrors: fe } = useActionForm(renameStoreAction);
  return (
    <ActionForm action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="storeId" value={storeId} />
      <div className="min-w-48 flex-1">
        <TextField label={t("name")} id="rename-name" name="name" defaultValue={name} error={fe?.name} />
      </div>
      <SubmitButton variant="secondary" pending={pending}>
        {t("rename")}
      </SubmitButton>
      <div className="w-full">
        <FormError state={state} />
      </div>
    </ActionForm>
  );
}

export function StoreActiveToggle({ storeId, isActive }: { storeId: number; isActive: boolean }) {
  const t = useTranslations("settings.stores");
  const [state, action] = useActionState(setStoreActiveAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="storeId" value={storeId} />
      <input type="hidden" name="active" value={isActive ? "false" : "true"} />
      <p className="text-sm text-slate-600">{t("deactivateHint")}</p>
      <SubmitButton variant={isActive ? "danger" : "secondary"} testId="toggle-store-active">
        {isActive ? t("deactivate") : t("activate")}
      </SubmitButton>
      <FormError state={state} />
    </form>
  );
}
