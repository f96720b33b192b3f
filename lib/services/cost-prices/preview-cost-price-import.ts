// Checks every row of a cost price file against the catalogue and reports each bad row with its line
// number and reason. Writes nothing: importCostPrices saves only a file whose preview is clean.
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { isIsoDay } from "@/lib/domain/dates";
import { costPriceToday, earliestCostPriceDay, MAX_IMPORT_BYTES, parseCostPrice } from "./cost-price-schemas";
import { parseCostPriceFile, type RawImportRow } from "./parse-cost-price-file";
import type { Marketplace } from "@/db/schema";

export type ImportRowError =
  | "skuMissing"
  | "skuNotFound"
  | "skuAmbiguous"
  | "skuMismatch"
  | "dateMissing"
  | "dateInvalid"
  | "dateTooEarly"
  | "costNotNumber"
  | "costNegative"
  | "costTooLarge"
  | "costTooPrecise"
  | "marketplaceInvalid"
  | "duplicate";

export interface ImportPreviewRow {
  line: number;
  skuId: number;
  marketplace: Marketplace;
  article: string | null;
  name: string | null;
  dtFrom: string;
  costPrice: string;
  /** the cost already stored for that SKU and day, when this row replaces it */
  previousCost: string | null;
}

export interface ImportPreviewError {
  line: number;
  reason: ImportRowError;
  /** the row as read, to show beside the reason */
  values: Record<string, string>;
}

export interface CostPriceImportPreview {
  fileName: string;
  /** the file could not be read at all (no rows checked) */
  fileError: null | {
    reason: "unreadable" | "missingColumns" | "tooManyRows" | "empty" | "tooLarge" | "tooLargeUnpacked";
    detail?: string;
  };
  rows: ImportPreviewRow[];
  errors: ImportPreviewError[];
  /** earliest day the import changes: the recalculation starts there */
  firstDay: string | null;
}

/** "2026-03-01", "01.03.2026", "01/03/2026" or an ISO timestamp -> "2026-03-01". */
export function parseImportDate(value: string): string | null {
  const v = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(v);
  if (m) {
    const day = `${m[1]}-${m[2]}-${m[3]}`;
    return isIsoDay(day) ? day : null;
  }
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(v);
  if (m) {
    const day = `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`;
    return isIsoDay(day) ? day : null;
  }
  return null;
}

function marketplaceOf(value: string | undefined): Marketplace | null | "invalid" {
  if (!value) return null;
  const v = value.trim().toLowerCase();
  if (["wb", "wildberries", "вб", "вайлдберриз"].includes(v)) return "WB";
  if (["ozon", "озон"].includes(v)) return "OZON";
  return "invalid";
}

interface CatalogueSku {
  id: number;
  marketplace: Marketplace;
  article: string | null;
  name: string | null;
  nm_id: string | null;
  ozon_id: string | null;
}

export async function previewCostPriceImport(
  db: Db,
  fileName: string,
  bytes: Buffer,
  /** business today (defaults to today in APP_TIMEZONE): rows older than the recalculation reaches are refused */
  today?: string,
): Promise<CostPriceImportPreview> {
  const earliest = earliestCostPriceDay(costPriceToday(today));
  const empty = { fileName, rows: [], errors: [], firstDay: null };
  if (bytes.length > MAX_IMPORT_BYTES)
    return { ...empty, fileError: { reason: "tooLarge", detail: String(MAX_IMPORT_BYTES) } };
  const parsed = await parseCostPriceFile(fileName, bytes);
  if (!parsed.ok) return { ...empty, fileError: { reason: parsed.reason, detail: parsed.detail } };

  const catalogue = rowsOf<CatalogueSku>(
    await db.execute(
      sql`select id, marketplace, article, name, nm_id::text as nm_id, ozon_id::text as ozon_id from sku`,
    ),
  ).map((s) => ({ ...s, id: Number(s.id) }));
  const byArticle = new Map<string, CatalogueSku[]>();
  const byNm = new Map<string, CatalogueSku>();
  const byOzon = new Map<string, CatalogueSku>();
  for (const s of catalogue) {
    if (s.article)
      byArticle.set(s.article.trim().toLowerCase(), [...(byArticle.get(s.article.trim().toLowerCase()) ?? []), s]);
    if (s.nm_id) byNm.set(s.nm_id, s);
    if (s.ozon_id) byOzon.set(s.ozon_id, s);
  }

  const rows: ImportPreviewRow[] = [];
  const errors: ImportPreviewError[] = [];
  const seen = new Map<string, number>();
  const fail = (row: RawImportRow, reason: ImportRowError) =>
    errors.push({ line: row.line, reason, values: row.values as Record<string, string> });

  for (const row of parsed.rows) {
    const v = row.values;
    if (Object.keys(v).length === 0) continue; // blank line
    const marketplace = marketplaceOf(v.marketplace);
    if (marketplace === "invalid") {
      fail(row, "marketplaceInvalid");
      continue;
    }
    // identify the SKU: marketplace ids win over the article; when both are given they must agree
    let found: CatalogueSku | undefined;
    const nm = v.nmId?.replace(/\s/g, "");
    const oz = v.ozonSku?.replace(/\s/g, "");
    if (nm) found = byNm.get(nm);
    else if (oz) found = byOzon.get(oz);
    if ((nm || oz) && !found) {
      fail(row, "skuNotFound");
      continue;
    }
    if (v.article) {
      let candidates = byArticle.get(v.article.trim().toLowerCase()) ?? [];
      if (marketplace) candidates = candidates.filter((c) => c.marketplace === marketplace);
      if (found) {
        if (!candidates.some((c) => c.id === found!.id)) {
          fail(row, "skuMismatch");
          continue;
        }
      } else if (candidates.length === 0) {
        fail(row, "skuNotFound");
        continue;
      } else if (candidates.length > 1) {
        fail(row, "skuAmbiguous");
        continue;
      } else {
        found = candidates[0];
      }
    }
    if (!found) {
      fail(row, "skuMissing");
      continue;
    }
    if (marketplace && found.marketplace !== marketplace) {
      fail(row, "skuMismatch");
      continue;
    }
    if (!v.date) {
      fail(row, "dateMissing");
      continue;
    }
    const dtFrom = parseImportDate(v.date);
    if (!dtFrom) {
      fail(row, "dateInvalid");
      continue;
    }
    if (dtFrom < earliest) {
      fail(row, "dateTooEarly");
      continue;
    }
    const cost = parseCostPrice(v.cost ?? "");
    if (!cost.ok) {
      fail(row, cost.reason);
      continue;
    }
    const key = `${found.id}:${dtFrom}`;
    if (seen.has(key)) {
      fail(row, "duplicate");
      continue;
    }
    seen.set(key, row.line);
    rows.push({
      line: row.line,
      skuId: found.id,
      marketplace: found.marketplace,
      article: found.article,
      name: found.name,
      dtFrom,
      costPrice: cost.value,
      previousCost: null,
    });
  }

  if (rows.length > 0) {
    const existing = rowsOf<{ sku_id: number; dt_from: string; cost_price: string }>(
      await db.execute(sql`
        select h.sku_id, h.dt_from::text as dt_from, h.cost_price::text as cost_price
        from cost_price_history h
        where h.sku_id in (${sql.join(
          [...new Set(rows.map((r) => r.skuId))].map((id) => sql`${id}`),
          sql`, `,
        )})
      `),
    );
    const stored = new Map(existing.map((e) => [`${Number(e.sku_id)}:${e.dt_from}`, e.cost_price]));
    for (const r of rows) r.previousCost = stored.get(`${r.skuId}:${r.dtFrom}`) ?? null;
  }

  const firstDay = rows.reduce<string | null>((min, r) => (min === null || r.dtFrom < min ? r.dtFrom : min), null);
  return { fileName, fileError: null, rows, errors, firstDay };
}
