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
