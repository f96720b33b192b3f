// CSV and XLSX of the rows a page currently shows. Text cells that a spreadsheet would read as a
// formula (= + - @, tab, carriage return) are prefixed with an apostrophe (OWASP CSV injection).
import ExcelJS from "exceljs";
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

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** A text cell made safe for spreadsheets. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function cellOf<T>(column: ExportColumn<T>, row: T): string | number | null {
  const raw = column.value(row);
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "boolean") return raw ? "1" : "0";
  if (column.type === "number") {
    const text = String(raw);
    // numbers stay numbers (a minus sign on a numeral is not a formula); anything else is text
    if (typeof raw === "number" && Number.isFinite(raw)) return raw;
    if (PLAIN_NUMBER.test(text)) return text;
    return neutraliseCell(text);
  }
  return neutraliseCell(String(raw));
}

export async function buildExport<T>(options: BuildExportOptions<T>): Promise<ExportFile> {
  const matrix = options.rows.map((row) => options.columns.map((c) => cellOf(c, row)));
  if (options.format === "csv") {
    const csv = Papa.unparse(
      { fields: options.columns.map((c) => neutraliseCell(c.header)), data: matrix },
      { newline: "\r\n" },
    );
    // BOM so Excel reads UTF-8 (Cyrillic names)
    return { body: Buffer.from(`\ufeff${csv}`, "utf8"), contentType: "text/csv; charset=utf-8", extension: "csv" };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet((options.sheetName ?? "Sovani").slice(0, 31));
  sheet.addRow(options.columns.map((c) => neutraliseCell(c.header))).font = { bold: true };
  for (const cells of matrix) {
    sheet.addRow(
      cells.map((cell, i) => {
        // decimal text from PostgreSQL becomes a spreadsheet number (display precision is enough there)
        if (options.columns[i].type === "number" && typeof cell === "string" && PLAIN_NUMBER.test(cell))
          return Number(cell);
        return cell;
      }),
    );
  }
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  const buffer = await workbook.xlsx.writeBuffer();
  return {
    body: Buffer.from(buffer as ArrayBuffer),
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
