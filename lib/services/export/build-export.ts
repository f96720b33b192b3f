// CSV and XLSX of the rows a page currently shows. In CSV, a text cell that a spreadsheet would read as
// a formula (= + - @ or a tab / carriage return, also after leading spaces, which spreadsheets skip)
// is prefixed with an apostrophe (OWASP CSV injection). In XLSX every text cell is a typed string that
// no spreadsheet evaluates, so it is written as it is, without a visible apostrophe. The workbook is
// built with @cj-tech-master/excelts, which also styles columns (number formats, widths, frozen rows).
import { Workbook } from "@cj-tech-master/excelts";
import Papa from "papaparse";

export type ExportFormat = "csv" | "xlsx";

export interface ExportColumn<T> {
  header: string;
  /** "number" cells are written as numbers when they are plain numerals; everything else is text */
  type?: "text" | "number";
  value: (row: T) => string | number | boolean | null | undefined;
}

export interface BuildExportOptions<T> {
  format: ExportFormat;
  columns: ExportColumn<T>[];
  rows: T[];
  /** worksheet name for XLSX */
  sheetName?: string;
}

export interface ExportFile {
  body: Buffer;
  contentType: string;
  extension: ExportFormat;
}

const FORMULA_START = /^[\s\u00a0]*[=+\-@]|^[\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** A text cell made safe for spreadsheets. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

type Cell = string | number | null;

/** A cell's value: numbers as numbers where the column says so, everything else as text. */
function cellOf<T>(column: ExportColumn<T>, row: T, neutralise: (text: string) => string): Cell {
  const raw = column.value(row);
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "boolean") return raw ? "1" : "0";
  if (column.type === "number") {
    // numbers stay numbers (a minus sign on a numeral is not a formula); anything else is text
    if (typeof raw === "number" && Number.isFinite(raw)) return raw;
    const text = String(raw);
    if (PLAIN_NUMBER.test(text)) return text;
    return neutralise(text);
  }
  return neutralise(String(raw));
}

const asIs = (text: string) => text;

export async function buildExport<T>(options: BuildExportOptions<T>): Promise<ExportFile> {
  if (options.format === "csv") {
    const matrix = options.rows.map((row) => options.columns.map((c) => cellOf(c, row, neutraliseCell)));
    const csv = Papa.unparse(
      { fields: options.columns.map((c) => neutraliseCell(c.header)), data: matrix },
      { newline: "\r\n" },
    );
    // BOM so Excel reads UTF-8 (Cyrillic names)
    return { body: Buffer.from(`\ufeff${csv}`, "utf8"), contentType: "text/csv; charset=utf-8", extension: "csv" };
  }
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet((options.sheetName ?? "Sovani").slice(0, 31));
  sheet.addRow(options.columns.map((c) => c.header)).font = { bold: true };
  for (const row of options.rows) {
    sheet.addRow(
      options.columns.map((column) => {
        const cell = cellOf(column, row, asIs);
        // decimal text from PostgreSQL becomes a spreadsheet number (display precision is enough there)
        if (column.type === "number" && typeof cell === "string" && PLAIN_NUMBER.test(cell)) return Number(cell);
        return cell;
      }),
    );
  }
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  const buffer = await workbook.xlsx.writeBuffer();
  return {
    body: Buffer.from(buffer),
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extension: "xlsx",
  };
}

/** Content-Disposition for a download, with an ASCII fallback and the UTF-8 name. */
export function attachmentHeader(baseName: string, extension: ExportFormat): string {
  const name = `${baseName}.${extension}`;
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
