// Per-SKU restock settings from a CSV: each row names a SKU (article, WB nm_id or Ozon SKU) and the
// fields to set; a blank cell clears that override. Any bad row saves nothing and is reported with
// its line number, so the seller fixes the file and imports again.
import Papa from "papaparse";
import { sql } from "drizzle-orm";
import type { z } from "zod";
import { type Db, rowsOf } from "@/db";
import { type AuditActor, writeAudit } from "@/lib/services/audit/write-audit";
import {
  casePack,
  coverDays,
  leadTimeDays,
  manualFactor,
  MAX_RESTOCK_IMPORT_BYTES,
  moq,
  type SaveRestockSkuSettingsInput,
  serviceLevel,
} from "./restock-settings-schemas";
import { upsertRestockSkuSettings } from "./save-restock-sku-settings";

type Field = "leadTimeDays" | "coverDays" | "serviceLevel" | "moq" | "casePack" | "manualFactor";
type Key = "article" | "nmId" | "ozonSku";

const ALIASES: Record<Field | Key, string[]> = {
  article: ["article", "артикул", "артикул продавца", "vendor_code", "offer_id"],
  nmId: ["nm_id", "nmid", "артикул wb"],
  ozonSku: ["ozon_sku", "sku", "sku ozon"],
  leadTimeDays: ["lead_time_days", "lead time", "lead_time", "срок поставки", "срок поставки, дней"],
  coverDays: ["cover_days", "cover", "дней запаса", "запас, дней"],
  serviceLevel: ["service_level", "service level", "уровень сервиса"],
  moq: ["moq", "минимальная партия"],
  casePack: ["case_pack", "case pack", "кратность", "в коробе"],
  manualFactor: ["manual_factor", "factor", "ручной коэффициент", "коэффициент"],
};

const FIELD_SCHEMAS: Record<Field, z.ZodType<number>> = {
  leadTimeDays,
  coverDays,
  serviceLevel: serviceLevel as z.ZodType<number>,
  moq,
  casePack,
  manualFactor,
};

export interface RestockImportError {
  /** line in the file (1 = header) */
  line: number;
  /** errors.* key */
  reason: string;
  field?: string;
}

export type ImportRestockSettingsResult =
  | { saved: true; count: number }
  | { saved: false; errors: RestockImportError[]; fileError?: "empty" | "missingColumns" | "tooLarge" };

export interface ImportRestockSettingsOptions {
  db: Db;
  fileName: string;
  bytes: Buffer;
  actor: AuditActor | null;
  correlationId?: string;
}

export async function importRestockSettings(
  options: ImportRestockSettingsOptions,
): Promise<ImportRestockSettingsResult> {
  if (options.bytes.length > MAX_RESTOCK_IMPORT_BYTES) return { saved: false, errors: [], fileError: "tooLarge" };
  const text = options.bytes.toString("utf8").replace(/^\ufeff/, "");
  // the header line decides the delimiter (papaparse's guess gives up on a two-line file)
  const header = text.split(/\r?\n/, 1)[0];
  const delimiter = [";", ",", "\t"].reduce(
    (best, d) => (header.split(d).length > header.split(best).length ? d : best),
    ",",
  );
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter });
  const lines = parsed.data;
  if (lines.length === 0 || lines[0].every((c) => c.trim() === ""))
    return { saved: false, errors: [], fileError: "empty" };
  const columns = new Map<number, Field | Key>();
  lines[0].forEach((cell, i) => {
    const h = cell.trim().toLowerCase().replace(/\s+/g, " ");
    for (const [column, aliases] of Object.entries(ALIASES) as [Field | Key, string[]][])
      if (aliases.includes(h) && ![...columns.values()].includes(column)) columns.set(i, column);
  });
  const present = [...columns.values()];
  const hasKey = present.some((c) => c === "article" || c === "nmId" || c === "ozonSku");
  const fields = present.filter((c): c is Field => c in FIELD_SCHEMAS);
  if (!hasKey || fields.length === 0) return { saved: false, errors: [], fileError: "missingColumns" };

  const catalogue = rowsOf<{ id: number; article: string | null; nm_id: string | null; ozon_id: string | null }>(
    await options.db.execute(sql`select id, article, nm_id::text as nm_id, ozon_id::text as ozon_id from sku`),
  );
  const byArticle = new Map<string, number[]>();
  const byId = new Map<string, number>();
  for (const s of catalogue) {
    const id = Number(s.id);
    if (s.article)
      byArticle.set(s.article.trim().toLowerCase(), [...(byArticle.get(s.article.trim().toLowerCase()) ?? []), id]);
    if (s.nm_id) byId.set(`nm:${s.nm_id}`, id);
    if (s.ozon_id) byId.set(`oz:${s.ozon_id}`, id);
  }

  const errors: RestockImportError[] = [];
  const rows: SaveRestockSkuSettingsInput[] = [];
  const seen = new Set<number>();
  lines.slice(1).forEach((cells, index) => {
    const line = index + 2;
    const value = (column: Field | Key) => {
      for (const [i, c] of columns) if (c === column) return (cells[i] ?? "").trim();
      return undefined;
    };
    if (cells.every((c) => c.trim() === "")) return;
    const nm = value("nmId")?.replace(/\s/g, "");
    const oz = value("ozonSku")?.replace(/\s/g, "");
    const article = value("article")?.toLowerCase();
    let skuId: number | undefined;
    if (nm) skuId = byId.get(`nm:${nm}`);
    else if (oz) skuId = byId.get(`oz:${oz}`);
    else if (article) {
      const found = byArticle.get(article) ?? [];
      if (found.length > 1) return void errors.push({ line, reason: "errors.restockImportSkuAmbiguous" });
      skuId = found[0];
    }
    if (!nm && !oz && !article) return void errors.push({ line, reason: "errors.restockImportSkuMissing" });
    if (skuId === undefined) return void errors.push({ line, reason: "errors.restockImportSkuNotFound" });
    if (seen.has(skuId)) return void errors.push({ line, reason: "errors.restockImportDuplicate" });
    seen.add(skuId);
    const row: SaveRestockSkuSettingsInput = { skuId };
    for (const field of fields) {
      const raw = value(field) ?? "";
      if (raw === "") {
        row[field] = null;
        continue;
      }
      const result = FIELD_SCHEMAS[field].safeParse(raw);
      if (!result.success) return void errors.push({ line, field, reason: result.error.issues[0].message });
      row[field] = result.data;
    }
    rows.push(row);
  });
  if (errors.length > 0 || rows.length === 0)
    return { saved: false, errors, fileError: rows.length === 0 && errors.length === 0 ? "empty" : undefined };

  // columns the file does not have keep their stored values
  await options.db.transaction(async (tx) => {
    const stored = new Map(
      rowsOf<Record<string, unknown>>(
        await tx.execute(sql`select sku_id, lead_time_days, cover_days, service_level::float8 as service_level, moq, case_pack,
          manual_factor::float8 as manual_factor from restock_sku_settings
          where sku_id in (${sql.join(
            rows.map((r) => sql`${r.skuId}`),
            sql`, `,
          )})`),
      ).map((s) => [Number(s.sku_id), s]),
    );
    const merged = rows.map((r) => {
      const s = stored.get(r.skuId);
      const keep = (field: Field, column: string) =>
        fields.includes(field) ? r[field] : s && s[column] !== null ? Number(s[column]) : null;
      return {
        skuId: r.skuId,
        leadTimeDays: keep("leadTimeDays", "lead_time_days"),
        coverDays: keep("coverDays", "cover_days"),
        serviceLevel: keep("serviceLevel", "service_level"),
        moq: keep("moq", "moq"),
        casePack: keep("casePack", "case_pack"),
        manualFactor: keep("manualFactor", "manual_factor"),
      };
    });
    await upsertRestockSkuSettings(tx, merged);
    await writeAudit(tx, {
      actor: options.actor,
      action: "restock_settings.import",
      entity: "sku",
      after: { fileName: options.fileName, count: merged.length, rows: merged },
      correlationId: options.correlationId,
    });
  });
  return { saved: true, count: rows.length };
}
