"use client";
// A commission rule as a form: default percent, per-category percents and price bands. "Preview"
// shows the effect on the last 30 days (computed in a rolled-back transaction) before saving.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type ReactNode, useState, useTransition } from "react";
import { Alert, Button, Field, HeaderRow, Input, Select, Table, TBody, Td, Th, Tr } from "@/components/ui";
import {
  previewCommissionRuleAction,
  saveCommissionRuleAction,
  updateCommissionRuleAction,
} from "@/lib/actions/commission-rules";
import type { CommissionRulePreview } from "@/lib/services/commission-rules/preview-commission-rule";
import { createFormatters } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/config";
import type { CommissionChannel, Marketplace } from "@/db/schema";
import { runtimeKeys, type Translate } from "@/lib/i18n/runtime-keys";

export interface RuleDraft {
  /** set when an existing rule is edited in place */
  id?: number;
  marketplace: Marketplace;
  channel: CommissionChannel;
  dtFrom: string;
  defaultPercent: string;
  categories: { category: string; percent: string }[];
  priceBands: { minPrice: string; maxPrice: string; percent: string }[];
}

type Errors = Record<string, string>;

/** Form text -> the rule object; local checks give instant messages, the server validates again. */
/** the list with its i-th item changed by `patch` */
function patchAt<T>(list: T[], i: number, patch: Partial<T>): T[] {
  return list.map((x, j) => (j === i ? { ...x, ...patch } : x));
}

/** the list without its i-th item */
function removeAt<T>(list: T[], i: number): T[] {
  return list.filter((_, j) => j !== i);
}

/** A titled group of the rule's rows (categories, price bands) with a line of help. */
function RuleFieldset({ title, help, children }: { title: string; help: string; children: ReactNode }) {
  return (
    <fieldset className="rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-semibold text-slate-800">{title}</legend>
      <p className="mb-2 text-xs text-slate-600">{help}</p>
      {children}
    </fieldset>
  );
}

/** the button under a list of rows that adds one */
function AddRow({ children, testId, onClick }: { children: React.ReactNode; testId?: string; onClick: () => void }) {
  return (
    <Button variant="secondary" size="sm" className="mt-2" onClick={onClick} data-testid={testId}>
      {children}
    </Button>
  );
}

/** the ✕ that removes one category or price band row */
function RemoveRow({ label, className, onClick }: { label: string; className: string; onClick: () => void }) {
  return (
    <Button variant="ghost" size="sm" className={className} onClick={onClick} aria-label={label}>
      ✕
    </Button>
  );
}

function toRule(draft: RuleDraft, t: Translate): { rule?: unknown; errors: Errors } {
  const errors: Errors = {};
  const num = (v: string) => Number(v.replace(",", ".").replace(/\s/g, ""));
  const pct = (v: string, key: string) => {
    const n = num(v);
    if (v.trim() === "" || !Number.isFinite(n) || n < 0 || n > 100) errors[key] = t("errors.percent");
    return n;
  };
  const defaultPercent = pct(draft.defaultPercent, "defaultPercent");
  const categories: Record<string, number> = {};
  draft.categories.forEach((c, i) => {
    if (!c.category.trim()) errors[`categories.${i}.category`] = t("errors.category");
    else if (c.category in categories) errors[`categories.${i}.category`] = t("errors.categoryTwice");
    categories[c.category.trim()] = pct(c.percent, `categories.${i}.percent`);
  });
  const priceBands = draft.priceBands.map((b, i) => {
    const minPrice = b.minPrice.trim() === "" ? 0 : num(b.minPrice);
    const maxPrice = b.maxPrice.trim() === "" ? undefined : num(b.maxPrice);
    if (!Number.isFinite(minPrice) || minPrice < 0) errors[`priceBands.${i}.minPrice`] = t("errors.price");
    if (maxPrice !== undefined && (!Number.isFinite(maxPrice) || maxPrice <= minPrice))
      errors[`priceBands.${i}.maxPrice`] = t("errors.maxPrice");
    return {
      minPrice,
      ...(maxPrice === undefined ? {} : { maxPrice }),
      percent: pct(b.percent, `priceBands.${i}.percent`),
    };
  });
  const sorted = [...priceBands].map((b, i) => ({ ...b, i })).sort((a, b) => a.minPrice - b.minPrice);
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1];
    if (prev.maxPrice === undefined || sorted[k].minPrice < prev.maxPrice)
      errors[`priceBands.${sorted[k].i}.minPrice`] = t("errors.overlap");
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.dtFrom)) errors.dtFrom = t("errors.date");
  return Object.keys(errors).length ? { errors } : { rule: { defaultPercent, categories, priceBands }, errors };
}

export function CommissionRuleForm({
  initial,
  categories,
  locale,
  timeZone,
}: {
  initial: RuleDraft;
  categories: string[];
  locale: Locale;
  timeZone: string;
}) {
  const t = useTranslations("commissions");
  const f = createFormatters(locale, timeZone);
  const router = useRouter();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [preview, setPreview] = useState<CommissionRulePreview | null>(null);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, start] = useTransition();

  const update = (next: Partial<RuleDraft>) => {
    setDraft((d) => ({ ...d, ...next }));
    setPreview(null);
    setMessage(null);
  };
  /** edits of one of the draft's row lists (categories, price bands): change a row, drop it, add one */
  const rowsOf = <T,>(list: T[], set: (next: T[]) => void) => ({
    patch: (i: number, change: Partial<T>) => set(patchAt(list, i, change)),
    remove: (i: number) => set(removeAt(list, i)),
    add: (row: T) => set([...list, row]),
  });
  const categoryRows = rowsOf(draft.categories, (categories) => update({ categories }));
  const bandRows = rowsOf(draft.priceBands, (priceBands) => update({ priceBands }));

  const serverErrors = (fieldErrors: Record<string, string> | undefined) => {
    if (!fieldErrors) return;
    const mapped: Errors = {};
    for (const [k, v] of Object.entries(fieldErrors)) mapped[k.replace(/^rule\./, "")] = v;
    setErrors(mapped);
  };

  const run = (kind: "preview" | "save") => {
    const { rule, errors: local } = toRule(draft, runtimeKeys(t));
    setErrors(local);
    if (!rule) return;
    start(async () => {
      const input = { marketplace: draft.marketplace, channel: draft.channel, dtFrom: draft.dtFrom, rule };
      if (kind === "preview") {
        const result = await previewCommissionRuleAction(input);
        if (!result.ok) {
          serverErrors(result.fieldErrors);
          setMessage({ tone: "error", text: result.message });
          return;
        }
        setPreview(result.data);
        setMessage(null);
        return;
      }
      const result =
        draft.id === undefined
          ? await saveCommissionRuleAction(input)
          : await updateCommissionRuleAction({ id: draft.id, channel: draft.channel, dtFrom: draft.dtFrom, rule });
      if (!result.ok) {
        serverErrors(result.fieldErrors);
        setMessage({ tone: "error", text: result.message });
        return;
      }
      setPreview(null);
      setMessage({
        tone: "success",
        text: result.data.recalculated
          ? t("savedRecalculated", {
              from: f.day(result.data.recalculated.from),
              to: f.day(result.data.recalculated.to),
            })
          : t("saved"),
      });
      router.refresh();
    });
  };

  const err = (key: string) => errors[key];
  /** value, change handler and invalid state of one of the draft's own text fields */
  const bind = (key: "dtFrom" | "defaultPercent") => ({
    value: draft[key],
    onChange: (e: { target: { value: string } }) => update({ [key]: e.target.value }),
    invalid: Boolean(err(key)),
  });
  return (
    <div className="space-y-4" data-testid="commission-form">
      <div className="grid gap-3 sm:grid-cols-4">
        <Field label={t("marketplace")} htmlFor="rule-mp">
          <Select
            id="rule-mp"
            value={draft.marketplace}
            onChange={(e) => update({ marketplace: e.target.value as Marketplace })}
            disabled={draft.id !== undefined}
            data-testid="rule-marketplace"
          >
            <option value="WB">Wildberries</option>
            <option value="OZON">Ozon</option>
          </Select>
        </Field>
        <Field label={t("channel")} htmlFor="rule-channel" hint={t("channelHint")}>
          <Select
            id="rule-channel"
            value={draft.channel}
            onChange={(e) => update({ channel: e.target.value as CommissionChannel })}
            data-testid="rule-channel"
          >
            {(["all", "FBO", "FBS"] as const).map((c) => (
              <option key={c} value={c}>
                {t(`channels.${c}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("dtFrom")} htmlFor="rule-from" name="dtFrom" error={err("dtFrom")}>
          <Input id="rule-from" type="date" {...bind("dtFrom")} data-testid="rule-dt-from" />
        </Field>
        <Field
          label={t("defaultPercent")}
          htmlFor="rule-default"
          name="defaultPercent"
          error={err("defaultPercent")}
          hint={t("defaultPercentHint")}
        >
          <Input id="rule-default" inputMode="decimal" {...bind("defaultPercent")} data-testid="rule-default-percent" />
        </Field>
      </div>

      <RuleFieldset title={t("categoriesTitle")} help={t("categoriesHelp")}>
        <datalist id="rule-category-options">
          {categories.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <div className="space-y-2">
          {draft.categories.map((c, i) => (
            <div key={i} className="grid grid-cols-[1fr_7rem_auto] items-start gap-2">
              <Field
                label={<span className="sr-only">{t("category")}</span>}
                htmlFor={`rule-cat-${i}`}
                name={`categories.${i}.category`}
                error={err(`categories.${i}.category`)}
              >
                <Input
                  id={`rule-cat-${i}`}
                  list="rule-category-options"
                  placeholder={t("category")}
                  value={c.category}
                  onChange={(e) => categoryRows.patch(i, { category: e.target.value })}
                />
              </Field>
              <Field
                label={<span className="sr-only">{t("percent")}</span>}
                htmlFor={`rule-cat-pct-${i}`}
                name={`categories.${i}.percent`}
                error={err(`categories.${i}.percent`)}
              >
                <Input
                  id={`rule-cat-pct-${i}`}
                  inputMode="decimal"
                  placeholder="%"
                  value={c.percent}
                  onChange={(e) => categoryRows.patch(i, { percent: e.target.value })}
                />
              </Field>
              <RemoveRow className="mt-1" label={t("remove")} onClick={() => categoryRows.remove(i)} />
            </div>
          ))}
        </div>
        <AddRow onClick={() => categoryRows.add({ category: "", percent: "" })} testId="rule-add-category">
          {t("addCategory")}
        </AddRow>
      </RuleFieldset>

      <RuleFieldset title={t("bandsTitle")} help={t("bandsHelp")}>
        <div className="space-y-2">
          {draft.priceBands.map((b, i) => (
            <div key={i} className="grid grid-cols-[1fr_1fr_6rem_auto] items-start gap-2">
              {(["minPrice", "maxPrice", "percent"] as const).map((k) => (
                <Field
                  key={k}
                  label={<span className="text-xs">{t(`band.${k}`)}</span>}
                  htmlFor={`rule-band-${i}-${k}`}
                  name={`priceBands.${i}.${k}`}
                  error={err(`priceBands.${i}.${k}`)}
                >
                  <Input
                    id={`rule-band-${i}-${k}`}
                    inputMode="decimal"
                    value={b[k]}
                    onChange={(e) => bandRows.patch(i, { [k]: e.target.value })}
                  />
                </Field>
              ))}
              <RemoveRow className="mt-6" label={t("remove")} onClick={() => bandRows.remove(i)} />
            </div>
          ))}
        </div>
        <AddRow onClick={() => bandRows.add({ minPrice: "", maxPrice: "", percent: "" })}>{t("addBand")}</AddRow>
      </RuleFieldset>

      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => run("preview")} disabled={pending} data-testid="rule-preview">
          {t("preview")}
        </Button>
        <Button onClick={() => run("save")} disabled={pending} data-testid="rule-save">
          {pending ? t("working") : draft.id === undefined ? t("save") : t("saveChanges")}
        </Button>
      </div>
      {message ? (
        <Alert tone={message.tone} testId={message.tone === "error" ? "rule-error" : "rule-saved"}>
          {message.text}
        </Alert>
      ) : null}
      {preview ? (
        <div className="rounded-md border border-indigo-200 bg-indigo-50 p-3 text-sm" data-testid="rule-preview-result">
          <p className="font-medium">{t("previewTitle", { from: f.day(preview.from), to: f.day(preview.to) })}</p>
          <Table
            variant="plain"
            caption={t("previewTitle", { from: f.day(preview.from), to: f.day(preview.to) })}
            boxClassName="mt-2"
          >
            <HeaderRow
              headers={[
                "",
                { label: t("before"), numeric: true },
                { label: t("after"), numeric: true },
                { label: t("change"), numeric: true },
              ]}
            />
            <TBody>
              {(["commission", "payout", "profit"] as const).map((k) => (
                <Tr key={k}>
                  <Th scope="row">{t(`totals.${k}`)}</Th>
                  <Td numeric>{f.rub(preview.before[k])}</Td>
                  <Td numeric>{f.rub(preview.after[k])}</Td>
                  <Td numeric className="font-medium">
                    {f.rub(preview.delta[k])}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <p className="mt-2 text-xs text-slate-600">
            {t("previewDays", { changed: preview.changedDays.length, estimated: preview.after.estimatedDays })}
          </p>
        </div>
      ) : null}
    </div>
  );
}
