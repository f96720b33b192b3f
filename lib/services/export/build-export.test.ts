import { inflateRawSync } from "node:zlib";
import { Workbook } from "@cj-tech-master/excelts";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { attachmentHeader, buildExport, neutraliseCell } from "./build-export";

interface Row {
  article: string;
  name: string;
  profit: string | null;
  units: number;
}

const rows: Row[] = [
  { article: '=HYPERLINK("http://x")', name: "+7 915", profit: "-120.50", units: 3 },
  { article: "@SUM(A1)", name: 'Кружка, синяя "big"', profit: null, units: 0 },
  { article: "-2+3", name: "\tcmd", profit: "=1+1", units: -1 },
];
const columns = [
  { header: "Article", value: (r: Row) => r.article },
  { header: "Name", value: (r: Row) => r.name },
  { header: "Profit", type: "number" as const, value: (r: Row) => r.profit },
  { header: "Units", type: "number" as const, value: (r: Row) => r.units },
];

describe("exports", () => {
  it("neutralises formula-looking text, also after leading whitespace", () => {
    expect(neutraliseCell("=1+1")).toBe("'=1+1");
    expect(neutraliseCell(" =1+1")).toBe("' =1+1");
    expect(neutraliseCell("  +7 915")).toBe("'  +7 915");
    expect(neutraliseCell("\u00a0@SUM(A1)")).toBe("'\u00a0@SUM(A1)");
    expect(neutraliseCell("\n-2+3")).toBe("'\n-2+3");
    expect(neutraliseCell("\tcmd")).toBe("'\tcmd");
    expect(neutraliseCell(" plain = fine")).toBe(" plain = fine");
    expect(neutraliseCell("+1")).toBe("'+1");
    expect(neutraliseCell("-1")).toBe("'-1");
    expect(neutraliseCell("@x")).toBe("'@x");
    expect(neutraliseCell("plain")).toBe("plain");
  });

  it("writes CSV with neutralised text and real numbers", async () => {
    const file = await buildExport({ format: "csv", columns, rows });
    const text = file.body.toString("utf8");
    expect(text.startsWith("\ufeff")).toBe(true);
    const parsed = Papa.parse<string[]>(text.slice(1).trim(), { skipEmptyLines: true }).data;
    expect(parsed).toEqual([
      ["Article", "Name", "Profit", "Units"],
      ['\'=HYPERLINK("http://x")', "'+7 915", "-120.50", "3"],
      ["'@SUM(A1)", 'Кружка, синяя "big"', "", "0"],
      ["'-2+3", "'\tcmd", "'=1+1", "-1"],
    ]);
  });

  it("writes XLSX as typed text without formulas or visible apostrophes, numbers as numbers", async () => {
    const withSpace = [...rows, { article: " =2+2", name: "ok", profit: "1.5", units: 1 }];
    const file = await buildExport({ format: "xlsx", columns, rows: withSpace, sheetName: "SKUs" });
    const workbook = new Workbook();
    await workbook.xlsx.load(file.body);
    const sheet = workbook.getWorksheet("SKUs")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "Article", "Name", "Profit", "Units"]);
    expect(sheet.getCell("A2").value).toBe('=HYPERLINK("http://x")');
    expect(sheet.getCell("B2").value).toBe("+7 915");
    expect(sheet.getCell("C2").value).toBe(-120.5);
    expect(sheet.getCell("D4").value).toBe(-1);
    expect(sheet.getCell("C4").value).toBe("=1+1");
    expect(sheet.getCell("A5").value).toBe(" =2+2");
    let formulas = 0;
    sheet.eachRow((row) => row.eachCell((cell) => void (cell.formula !== undefined && formulas++)));
    expect(formulas).toBe(0);
    // and in the file itself: no <f> element anywhere in the sheet
    expect(sheetXml(file.body)).not.toMatch(/<f[ >]/);
  });

  interface SkuRow {
    article: string;
    day: string;
    units: number;
    profit: string | null;
    margin: string | null;
  }
  const skuRows: SkuRow[] = [
    { article: "OZ-2", day: "2026-11-01", units: 3, profit: "1234.50", margin: "12.35" },
    { article: "OZ-10", day: "2026-11-02", units: 2, profit: "-45.25", margin: "-3.10" },
    { article: "OZ-11", day: "2026-11-03", units: 1, profit: null, margin: null },
  ];
  const skuColumns = [
    { header: "Артикул", value: (r: SkuRow) => r.article },
    { header: "День", format: "date" as const, value: (r: SkuRow) => r.day },
    { header: "Шт.", type: "number" as const, format: "integer" as const, value: (r: SkuRow) => r.units },
    { header: "Прибыль", type: "number" as const, format: "money" as const, value: (r: SkuRow) => r.profit },
    { header: "Маржа", type: "number" as const, format: "percent" as const, value: (r: SkuRow) => r.margin },
  ];

  it("writes the Russian CSV with semicolons, decimal commas and dd.mm.yyyy days", async () => {
    const file = await buildExport({ format: "csv-ru", columns: skuColumns, rows: skuRows });
    const text = file.body.toString("utf8");
    expect(text.startsWith("\ufeff")).toBe(true);
    // parsed back as Excel with Russian settings reads it: semicolons between columns
    const parsed = Papa.parse<string[]>(text.slice(1).trim(), { delimiter: ";", skipEmptyLines: true }).data;
    expect(parsed).toEqual([
      ["Артикул", "День", "Шт.", "Прибыль", "Маржа"],
      ["OZ-2", "01.11.2026", "3", "1234,50", "12,35"],
      ["OZ-10", "02.11.2026", "2", "-45,25", "-3,10"],
      ["OZ-11", "03.11.2026", "1", "", ""],
    ]);
    // the numbers come back exactly with the comma read as the decimal separator
    const profits = parsed.slice(1).map((r) => (r[3] === "" ? null : Number(r[3].replace(",", "."))));
    expect(profits).toEqual([1234.5, -45.25, null]);
    // and the standard dialect stays available
    const standard = (await buildExport({ format: "csv", columns: skuColumns, rows: skuRows })).body.toString("utf8");
    expect(standard.split("\r\n")[1]).toBe("OZ-2,2026-11-01,3,1234.50,12.35");
  });

  it("types XLSX cells: roubles with two decimals, percent, dates, widths, frozen header, totals", async () => {
    const file = await buildExport({
      format: "xlsx",
      columns: skuColumns,
      rows: skuRows,
      sheetName: "Товары",
      totalsLabel: "Итого",
    });
    const workbook = new Workbook();
    await workbook.xlsx.load(file.body);
    const sheet = workbook.getWorksheet("Товары")!;
    expect(sheet.getCell("D2").value).toBe(1234.5);
    expect(sheet.getCell("D2").numFmt).toBe('#,##0.00 "₽";-#,##0.00 "₽"');
    expect(sheet.getCell("E2").value).toBeCloseTo(0.1235, 10);
    expect(sheet.getCell("E2").numFmt).toBe("0.00%");
    expect(sheet.getCell("B2").value).toEqual(new Date("2026-11-01T00:00:00Z"));
    expect(sheet.getCell("B2").numFmt).toBe("dd.mm.yyyy");
    expect(sheet.getCell("C2").numFmt).toBe("#,##0");
    expect(sheet.getCell("D4").value).toBeNull();
    // totals: units 3 + 2 + 1 = 6, profit 1234.50 - 45.25 = 1189.25; no sum of percentages
    expect(sheet.getCell("A5").value).toBe("Итого");
    expect(sheet.getCell("C5").value).toEqual({ formula: "SUM(C2:C4)", result: 6 });
    expect(sheet.getCell("D5").value).toEqual({ formula: "SUM(D2:D4)", result: 1189.25 });
    expect(sheet.getCell("E5").value).toBeNull();
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    // wide enough for the header and the longest value
    // wide enough for the longest value: "1234.50" and " ₽" with a thousands space, plus a margin = 7 + 4 + 2
    expect(sheet.getColumn(4).width).toBe(13);
  });

  it("names the download in ASCII and UTF-8", () => {
    expect(attachmentHeader("товары-2026", "csv")).toBe(
      "attachment; filename=\"______-2026.csv\"; filename*=UTF-8''%D1%82%D0%BE%D0%B2%D0%B0%D1%80%D1%8B-2026.csv",
    );
  });
});

/** The first worksheet's XML of an XLSX, found through the zip's central directory. */
function sheetXml(zip: Buffer): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
    const method = zip.readUInt16LE(at + 10);
    const packed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString();
    const local = zip.readUInt32LE(at + 42);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (name !== "xl/worksheets/sheet1.xml") continue;
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + packed);
    return (method === 8 ? inflateRawSync(data) : data).toString("utf8");
  }
  throw new Error("no sheet1.xml");
}
