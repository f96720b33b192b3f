// Reads a cost price file (CSV or XLSX) into rows with their line numbers, recognising the columns
// by their headers in Russian or English. No database access: resolution and checks come after.
import ExcelJS from "exceljs";
import Papa from "papaparse";
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
  | { ok: false; reason: "unreadable" | "missingColumns" | "tooManyRows" | "empty"; detail?: string };

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

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    // Excel dates are calendar days stored as UTC midnight
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
    if ("error" in value) return "";
    return "";
  }
  return String(value);
}

export async function parseXlsx(bytes: Buffer): Promise<ParseResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, reason: "unreadable" };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, reason: "empty" };
  const matrix: { line: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    matrix.push({ line: rowNumber, cells: Array.from(cells, (c) => c ?? "") });
  });
  return fromMatrix(matrix);
}

/** CSV or XLSX by the file name (XLSX also by its zip signature). */
export async function parseCostPriceFile(fileName: string, bytes: Buffer): Promise<ParseResult> {
  const isZip = bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (/\.xlsx$/i.test(fileName) || isZip) return parseXlsx(bytes);
  if (/\.(csv|txt)$/i.test(fileName)) return parseCsv(bytes.toString("utf8"));
  return { ok: false, reason: "unreadable" };
}
