"use client";
// Bulk import: the file is checked first (every bad row listed with its line and reason, nothing
// saved); only a clean file can be confirmed, and the server checks it again before saving.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { Alert, Button, HeaderRow, Table, TBody, Td, Tr } from "@/components/ui";
import { importCostPricesAction, previewCostPriceImportAction } from "@/lib/actions/cost-prices";
import type { CostPriceImportPreview } from "@/lib/services/cost-prices/preview-cost-price-import";
import { createFormatters } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/config";
import { MAX_IMPORT_BYTES } from "@/lib/upload-limits";

export function toBase64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let binary = "";
  for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function CostImport({ locale, timeZone }: { locale: Locale; timeZone: string }) {
  const t = useTranslations("costs");
  const f = createFormatters(locale, timeZone);
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [preview, setPreview] = useState<CostPriceImportPreview | null>(null);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, start] = useTransition();

  // an action's data, or null with its message shown; a body the server refused before the action ran
  // (the call rejected) is said beside the file
  const dataOrMessage = <T,>(result: { ok: true; data: T } | { ok: false; message: string } | null): T | null => {
    if (result?.ok) return result.data;
    setMessage({ tone: "error", text: result ? result.message : t("import.fileErrors.rejected") });
    return null;
  };

  const check = () => {
    const chosen = input.current?.files?.[0];
    setPreview(null);
    setMessage(null);
    if (!chosen) return;
    if (chosen.size > MAX_IMPORT_BYTES) {
      setMessage({ tone: "error", text: t("import.fileErrors.tooLarge") });
      return;
    }
    start(async () => {
      const payload = { fileName: chosen.name, contentBase64: toBase64(await chosen.arrayBuffer()) };
      const data = dataOrMessage(await previewCostPriceImportAction(payload).catch(() => null));
      if (!data) return;
      setFile(payload);
      setPreview(data);
    });
  };

  const confirm = () => {
    if (!file) return;
    start(async () => {
      const data = dataOrMessage(await importCostPricesAction(file).catch(() => null));
      if (!data) return;
      if (!data.saved) {
        setPreview(data.preview);
        setMessage({ tone: "error", text: t("import.notSaved") });
        return;
      }
      setPreview(null);
      setFile(null);
      if (input.current) input.current.value = "";
      setMessage({ tone: "success", text: t("import.saved", { count: data.count }) });
      router.refresh();
    });
  };

  const isClean = preview && !preview.fileError && preview.errors.length === 0 && preview.rows.length > 0;
  return (
    <div className="space-y-3" data-testid="cost-import">
      <p className="text-sm text-slate-600">{t("import.help")}</p>
      <pre className="overflow-x-auto rounded bg-slate-100 p-2 text-xs text-slate-700">
        {"article;date;cost\nCUP-1;01.11.2026;245,50\nCUP-2;2026-11-01;99"}
      </pre>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="cost-import-file" className="sr-only">
          {t("import.file")}
        </label>
        <input
          id="cost-import-file"
          ref={input}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
          data-testid="cost-import-file"
          onChange={() => {
            setPreview(null);
            setMessage(null);
          }}
        />
        <Button variant="secondary" onClick={check} disabled={pending} data-testid="cost-import-check">
          {t("import.check")}
        </Button>
      </div>
      {message ? (
        <Alert tone={message.tone} testId={message.tone === "error" ? "cost-import-error" : "cost-import-saved"}>
          {message.text}
        </Alert>
      ) : null}
      {preview?.fileError ? (
        <Alert tone="error" testId="cost-import-file-error">
          {t(`import.fileErrors.${preview.fileError.reason}`)}
        </Alert>
      ) : null}
      {preview && !preview.fileError ? (
        <div className="space-y-3" data-testid="cost-import-preview">
          <p className="text-sm" data-testid="cost-import-summary">
            {t("import.summary", { good: preview.rows.length, bad: preview.errors.length })}
          </p>
          {preview.errors.length > 0 ? (
            <Table
              variant="danger"
              caption={t("import.errorsTitle")}
              captionClassName="px-3 py-2 text-left font-medium text-red-800"
              boxClassName="rounded-md border border-red-200"
              data-testid="cost-import-errors"
            >
              <HeaderRow headers={[t("import.line"), t("import.reason"), t("import.values")]} />
              <TBody>
                {preview.errors.slice(0, 500).map((e) => (
                  <Tr key={e.line}>
                    <Td className="tabular-nums">{e.line}</Td>
                    <Td>{t(`import.reasons.${e.reason}`)}</Td>
                    <Td className="font-mono text-xs text-slate-600">{Object.values(e.values).join(" · ")}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          ) : null}
          {preview.rows.length > 0 ? (
            <details open={isClean ? true : undefined} className="rounded-md border border-slate-200">
              <summary className="cursor-pointer px-3 py-2 text-sm font-medium">
                {t("import.rowsTitle", { count: preview.rows.length })}
              </summary>
              <Table
                variant="compact"
                caption={t("import.rowsTitle", { count: preview.rows.length })}
                boxClassName="max-h-80 overflow-auto"
                data-testid="cost-import-rows"
              >
                <HeaderRow
                  headers={[
                    t("import.line"),
                    t("columns.article"),
                    t("columns.dtFrom"),
                    { label: t("columns.costPrice"), numeric: true },
                    { label: t("import.previous"), numeric: true },
                  ]}
                />
                <TBody>
                  {preview.rows.slice(0, 500).map((r) => (
                    <Tr key={r.line}>
                      <Td className="tabular-nums">{r.line}</Td>
                      <Td>
                        {r.article}{" "}
                        <span className="text-xs text-slate-500">{r.marketplace === "WB" ? "WB" : "Ozon"}</span>
                      </Td>
                      <Td>{f.day(r.dtFrom)}</Td>
                      <Td numeric>{f.rub(r.costPrice, { fractionDigits: 2 })}</Td>
                      <Td numeric className="text-slate-500">
                        {r.previousCost ? f.rub(r.previousCost, { fractionDigits: 2 }) : "—"}
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            </details>
          ) : null}
          {isClean ? (
            <div className="flex flex-wrap items-center gap-3">
              <Button onClick={confirm} disabled={pending} data-testid="cost-import-confirm">
                {t("import.confirm", { count: preview.rows.length })}
              </Button>
              {preview.firstDay ? (
                <span className="text-xs text-slate-600">
                  {t("import.recalcFrom", { day: f.day(preview.firstDay) })}
                </span>
              ) : null}
            </div>
          ) : (
            <p className="text-sm font-medium text-red-800" data-testid="cost-import-blocked">
              {t("import.fixFirst")}
            </p>
          )}
        </div>
      ) : null}
    </div>
  );
}
