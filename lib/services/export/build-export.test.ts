import ExcelJS from "exceljs";
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
  it("neutralises formula-looking text", () => {
    expect(neutraliseCell("=1+1")).toBe("'=1+1");
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

  it("writes XLSX without formulas, numbers as numbers", async () => {
    const file = await buildExport({ format: "xlsx", columns, rows, sheetName: "SKUs" });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("SKUs")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "Article", "Name", "Profit", "Units"]);
    expect(sheet.getCell("A2").value).toBe('\'=HYPERLINK("http://x")');
    expect(sheet.getCell("C2").value).toBe(-120.5);
    expect(sheet.getCell("D4").value).toBe(-1);
    expect(sheet.getCell("C4").value).toBe("'=1+1");
    let formulas = 0;
    sheet.eachRow((row) => row.eachCell((cell) => void (cell.type === ExcelJS.ValueType.Formula && formulas++)));
    expect(formulas).toBe(0);
  });

  it("names the download in ASCII and UTF-8", () => {
    expect(attachmentHeader("товары-2026", "csv")).toBe(
      "attachment; filename=\"______-2026.csv\"; filename*=UTF-8''%D1%82%D0%BE%D0%B2%D0%B0%D1%80%D1%8B-2026.csv",
    );
  });
});
