// CSV and XLSX of the rows a page currently shows. In CSV, a text cell that a spreadsheet would read as
// a formula (= + - @ or a tab / carriage return, also after leading spaces, which spreadsheets skip)
// is prefixed with an apostrophe (OWASP CSV injection). In XLSX every text cell is a typed string that
// no spreadsheet evaluates, so it is written as it is, without a visible apostrophe. The workbook is
// built with @cj-tech-master/excelts, which also styles columns (number formats, widths, frozen rows).
import { Workbook } from "@cj-tech-master/excelts";
import Papa from "papaparse";

/**
 * csv: standard CSV (comma, decimal point, ISO dates), for scripts and non-Russian spreadsheets;
 * csv-ru: what Excel with Russian regional settings opens into columns (semicolon, decimal comma,
 * dd.mm.yyyy dates), the same dialect as the cost-import sample; xlsx: a typed workbook.
 */
export type ExportFormat = "csv" | "csv-ru" | "xlsx";

/**
 * How a column's values are meant: money (roubles, 2 decimals), percent (in percent units: 12.5
 * means 12.5 %), date (YYYY-MM-DD business day), integer, number, or text.
 */
export type ExportCellFormat = "text" | "number" | "integer" | "money" | "percent" | "date";

export interface ExportColumn<T> {
  header: string;
  /** "number" cells are written as numbers when they are plain numerals; everything else is text */
  type?: "text" | "number";
  /** the number format in XLSX and the value's shape in CSV; numeric columns default to "number" */
  format?: ExportCellFormat;
  /** summed in the XLSX totals row; by default money and integer columns are */
  total?: boolean;
  value: (row: T) => string | number | boolean | null | undefined;
}

export interface BuildExportOptions<T> {
  format: ExportFormat;
  columns: ExportColumn<T>[];
  rows: T[];
  /** worksheet name for XLSX */
  sheetName?: string;
  /** XLSX: a totals row under the data, labelled with this text in the first column */
  totalsLabel?: string;
}

export interface ExportFile {
  body: Buffer;
  contentType: string;
  extension: "csv" | "xlsx";
}

const FORMULA_START = /^[\s\u00a0]*[=+\-@]|^[\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A text cell made safe for spreadsheets. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

type Cell = string | number | null;

function formatOf<T>(column: ExportColumn<T>): ExportCellFormat {
  return column.format ?? (column.type === "number" ? "number" : "text");
}

const isNumeric = (format: ExportCellFormat) => format !== "text" && format !== "date";

/** A cell's value: numbers as numbers where the column says so, everything else as text. */
function cellOf<T>(column: ExportColumn<T>, row: T, neutralise: (text: string) => string): Cell {
  const raw = column.value(row);
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "boolean") return raw ? "1" : "0";
  const format = formatOf(column);
  if (isNumeric(format)) {
    // numbers stay numbers (a minus sign on a numeral is not a formula); anything else is text
    if (typeof raw === "number" && Number.isFinite(raw)) return raw;
    const text = String(raw);
    if (PLAIN_NUMBER.test(text)) return text;
    return neutralise(text);
  }
  if (format === "date" && ISO_DAY.test(String(raw))) return String(raw);
  return neutralise(String(raw));
}

/** A CSV cell in the Russian dialect: decimal comma, dd.mm.yyyy days. */
function ruCell<T>(column: ExportColumn<T>, cell: Cell): Cell {
  if (cell === null) return null;
  const format = formatOf(column);
  if (isNumeric(format) && (typeof cell === "number" || PLAIN_NUMBER.test(cell))) return String(cell).replace(".", ",");
  const day = format === "date" && typeof cell === "string" ? ISO_DAY.exec(cell) : null;
  return day ? `${day[3]}.${day[2]}.${day[1]}` : cell;
}

const asIs = (text: string) => text;

/** Excel number formats; Excel shows the separators of the reader's regional settings. */
const NUM_FMT: Partial<Record<ExportCellFormat, string>> = {
  money: '#,##0.00 "₽";-#,##0.00 "₽"',
  percent: "0.00%",
  integer: "#,##0",
  date: "dd.mm.yyyy",
};

/** The XLSX value of a cell: numbers as numbers (percent as a fraction), days as dates. */
function xlsxValue<T>(column: ExportColumn<T>, cell: Cell): Cell | Date {
  const format = formatOf(column);
  if (cell === null) return null;
  if (isNumeric(format) && typeof cell === "string" && PLAIN_NUMBER.test(cell)) {
    // decimal text from PostgreSQL becomes a spreadsheet number (display precision is enough there)
    return format === "percent" ? Number(cell) / 100 : Number(cell);
  }
  if (format === "percent" && typeof cell === "number") return cell / 100;
  if (format === "date" && typeof cell === "string" && ISO_DAY.test(cell)) return new Date(`${cell}T00:00:00Z`);
  return cell;
}

function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export async function buildExport<T>(options: BuildExportOptions<T>): Promise<ExportFile> {
  if (options.format === "csv" || options.format === "csv-ru") {
    const isRu = options.format === "csv-ru";
    const matrix = options.rows.map((row) =>
      options.columns.map((c) => {
        const cell = cellOf(c, row, neutraliseCell);
        return isRu ? ruCell(c, cell) : cell;
      }),
    );
    const csv = Papa.unparse(
      { fields: options.columns.map((c) => neutraliseCell(c.header)), data: matrix },
      { newline: "\r\n", delimiter: isRu ? ";" : "," },
    );
    // BOM so Excel reads UTF-8 (Cyrillic names)
    return { body: Buffer.from(`\ufeff${csv}`, "utf8"), contentType: "text/csv; charset=utf-8", extension: "csv" };
  }
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet((options.sheetName ?? "Sovani").slice(0, 31));
  sheet.addRow(options.columns.map((c) => c.header)).font = { bold: true };
  const widths = options.columns.map((c) => c.header.length);
  for (const row of options.rows) {
    sheet.addRow(
      options.columns.map((column, i) => {
        const cell = cellOf(column, row, asIs);
        const shown = formatOf(column) === "money" ? String(cell ?? "").length + 4 : String(cell ?? "").length;
        if (shown > widths[i]) widths[i] = shown;
        return xlsxValue(column, cell);
      }),
    );
  }
  options.columns.forEach((column, i) => {
    const col = sheet.getColumn(i + 1);
    const fmt = NUM_FMT[formatOf(column)];
    if (fmt) col.numFmt = fmt;
    // wide enough for the header and the longest value, within reason
    col.width = Math.min(50, Math.max(8, widths[i] + 2));
  });
  if (options.totalsLabel !== undefined && options.rows.length > 0) {
    const last = options.rows.length + 1;
    const totals = sheet.addRow(
      options.columns.map((column, i) => {
        const format = formatOf(column);
        const summed = column.total ?? (format === "money" || format === "integer");
        if (!summed) return i === 0 ? options.totalsLabel : null;
        const letter = columnLetter(i);
        let result = 0;
        for (let r = 2; r <= last; r++) {
          const v = sheet.getCell(`${letter}${r}`).value;
          if (typeof v === "number") result += v;
        }
        // kopecks: a float sum of many 2-decimal amounts drifts in the last digit
        return { formula: `SUM(${letter}2:${letter}${last})`, result: Math.round(result * 100) / 100 };
      }),
    );
    totals.font = { bold: true };
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
export function attachmentHeader(baseName: string, extension: ExportFile["extension"]): string {
  const name = `${baseName}.${extension}`;
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The download of an export: its type, its file name, never cached. */
export function downloadResponse(file: ExportFile, baseName: string): Response {
  return new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": attachmentHeader(baseName, file.extension),
      "Cache-Control": "private, no-store",
    },
  });
}
