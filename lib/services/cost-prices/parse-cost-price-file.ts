// Reads a cost price file (CSV or XLSX) into rows with their line numbers, recognising the columns
// by their headers in Russian or English. No database access: resolution and checks come after.
// CSV is parsed here (papaparse, linear in the at most 5 MB of text); XLSX, a zip whose parts can
// unpack to far more than the upload, in a worker thread (xlsx-worker.mjs).
import path from "node:path";
import { Worker } from "node:worker_threads";
import Papa from "papaparse";
import { logger } from "@/lib/logger";
import { MAX_IMPORT_ROWS } from "./cost-price-schemas";

export type ImportColumn = "article" | "nmId" | "ozonSku" | "marketplace" | "date" | "cost";

const ALIASES: Record<ImportColumn, string[]> = {
  article: ["article", "артикул", "артикул продавца", "vendor_code", "vendorcode", "offer_id", "supplierarticle"],
  nmId: ["nm_id", "nmid", "nm", "артикул wb", "wb_id", "nm id"],
  ozonSku: ["ozon_sku", "sku", "ozon sku", "sku ozon", "ozon_id"],
  marketplace: ["marketplace", "маркетплейс", "mp"],
  date: ["date", "дата", "dt_from", "date_from", "с даты", "действует с", "valid_from"],
  cost: ["cost", "cost_price", "себестоимость", "стоимость", "cost price"],
};

export interface RawImportRow {
  /** line in the file (1 = header) */
  line: number;
  values: Partial<Record<ImportColumn, string>>;
}

export type ParseResult =
  | { ok: true; columns: ImportColumn[]; rows: RawImportRow[] }
  | {
      ok: false;
      reason: "unreadable" | "missingColumns" | "tooManyRows" | "empty" | "tooLargeUnpacked";
      detail?: string;
    };

function normaliseHeader(value: string): string {
  return value
    .replace(/^\ufeff/, "")
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ");
}

function mapHeader(cells: string[]): Map<number, ImportColumn> {
  const map = new Map<number, ImportColumn>();
  cells.forEach((cell, i) => {
    const h = normaliseHeader(cell);
    for (const [column, aliases] of Object.entries(ALIASES) as [ImportColumn, string[]][]) {
      if (aliases.includes(h) && ![...map.values()].includes(column)) map.set(i, column);
    }
  });
  return map;
}

function fromMatrix(matrix: { line: number; cells: string[] }[]): ParseResult {
  const nonEmpty = matrix.filter((r) => r.cells.some((c) => c.trim() !== ""));
  if (nonEmpty.length === 0) return { ok: false, reason: "empty" };
  const [header, ...body] = nonEmpty;
  const map = mapHeader(header.cells);
  const columns = [...map.values()];
  const hasKey = columns.includes("article") || columns.includes("nmId") || columns.includes("ozonSku");
  if (!hasKey || !columns.includes("date") || !columns.includes("cost")) {
    return { ok: false, reason: "missingColumns", detail: header.cells.join(", ").slice(0, 200) };
  }
  if (body.length > MAX_IMPORT_ROWS) return { ok: false, reason: "tooManyRows", detail: String(MAX_IMPORT_ROWS) };
  return {
    ok: true,
    columns,
    rows: body.map((r) => {
      const values: Partial<Record<ImportColumn, string>> = {};
      for (const [i, column] of map) {
        const v = (r.cells[i] ?? "").trim();
        if (v !== "") values[column] = v;
      }
      return { line: r.line, values };
    }),
  };
}

export function parseCsv(text: string): ParseResult {
  const result = Papa.parse<string[]>(text.replace(/^\ufeff/, ""), {
    skipEmptyLines: false,
    delimitersToGuess: [";", ",", "\t", "|"],
  });
  if (result.errors.some((e) => e.type === "Delimiter" && result.data.length > 1 && result.data[0].length <= 1)) {
    return { ok: false, reason: "unreadable" };
  }
  // papaparse rows map 1:1 to lines unless a quoted cell spans lines; count newlines to keep line numbers true
  const matrix: { line: number; cells: string[] }[] = [];
  let line = 1;
  for (const cells of result.data) {
    matrix.push({ line, cells: cells.map((c) => String(c ?? "")) });
    line += 1 + cells.reduce((n, c) => n + (String(c).match(/\r\n|\n|\r/g)?.length ?? 0), 0);
  }
  return fromMatrix(matrix);
}

/** The most an uploaded XLSX may unpack to (a cost price sheet of 20,000 rows unpacks to a few megabytes). */
export const MAX_XLSX_UNPACKED_BYTES = 50 * 1024 * 1024;
const MAX_XLSX_PARTS = 1000;
const XLSX_WORKER_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 };
const XLSX_WORKER_TIMEOUT_MS = 30_000;
// outside the bundle: the worker is a plain module next to this file, run from the project root
const XLSX_WORKER = path.join(
  /*turbopackIgnore: true*/ process.cwd(),
  "lib",
  "services",
  "cost-prices",
  "xlsx-worker.mjs",
);

type WorkerAnswer =
  | { ok: true; matrix: { line: number; cells: string[] }[] }
  | { ok: false; reason: "unreadable" | "empty" | "tooManyRows" | "tooLargeUnpacked" };

/**
 * Reads an XLSX in a worker thread with a memory ceiling and a deadline, so a hostile file costs the
 * server neither its memory nor its event loop (health checks and other users' pages keep answering).
 * The worker refuses a file whose parts unpack to more than MAX_XLSX_UNPACKED_BYTES before parsing it.
 */
export async function parseXlsx(bytes: Buffer): Promise<ParseResult> {
  const answer = await new Promise<WorkerAnswer>((resolve) => {
    const worker = new Worker(XLSX_WORKER, {
      workerData: {
        bytes: new Uint8Array(bytes),
        maxUnpackedBytes: MAX_XLSX_UNPACKED_BYTES,
        maxParts: MAX_XLSX_PARTS,
        maxRows: MAX_IMPORT_ROWS,
      },
      resourceLimits: XLSX_WORKER_LIMITS,
    });
    let settled = false;
    const settle = (value: WorkerAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      void worker.terminate();
      resolve(value);
    };
    const deadline = setTimeout(() => settle({ ok: false, reason: "tooLargeUnpacked" }), XLSX_WORKER_TIMEOUT_MS);
    worker.once("message", (message: WorkerAnswer) => settle(message));
    worker.once("error", (error: Error & { code?: string }) => {
      const outOfMemory = error.code === "ERR_WORKER_OUT_OF_MEMORY";
      if (!outOfMemory) logger.warn("cost_import.xlsx_worker_failed", { error });
      settle({ ok: false, reason: outOfMemory ? "tooLargeUnpacked" : "unreadable" });
    });
    worker.once("exit", () => settle({ ok: false, reason: "unreadable" }));
  });
  return answer.ok ? fromMatrix(answer.matrix) : { ok: false, reason: answer.reason };
}

/** CSV or XLSX by the file name (XLSX also by its zip signature). */
export async function parseCostPriceFile(fileName: string, bytes: Buffer): Promise<ParseResult> {
  const isZip = bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (/\.xlsx$/i.test(fileName) || isZip) return parseXlsx(bytes);
  if (/\.(csv|txt)$/i.test(fileName)) return parseCsv(bytes.toString("utf8"));
  return { ok: false, reason: "unreadable" };
}
