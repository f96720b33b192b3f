// Reads the first sheet of an uploaded XLSX into rows of text, in a worker thread with a memory
// ceiling (see parse-cost-price-file.ts). Before any XML is parsed, the zip's parts are inflated with
// a byte budget: a small file that unpacks to hundreds of megabytes (a zip bomb) is refused, whatever
// sizes its directory claims. Plain JavaScript: it runs outside the Next.js bundle.
import { parentPort, workerData } from "node:worker_threads";
import { inflateRawSync } from "node:zlib";
import { Workbook } from "@cj-tech-master/excelts";

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Inflates every part within `budget` bytes in all: "ok", "tooLargeUnpacked" or "unreadable". */
export function checkZipParts(buf, budget, maxParts) {
  const view = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  let eocd = -1;
  for (let i = view.length - 22; i >= Math.max(0, view.length - 22 - 0xffff); i--) {
    if (view.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return "unreadable";
  const parts = view.readUInt16LE(eocd + 10);
  let at = view.readUInt32LE(eocd + 16);
  // ZIP64 markers: an XLSX of a few megabytes never needs them
  if (parts === 0xffff || at === 0xffffffff || parts > maxParts)
    return parts > maxParts ? "tooLargeUnpacked" : "unreadable";
  let left = budget;
  for (let n = 0; n < parts; n++) {
    if (at + 46 > view.length || view.readUInt32LE(at) !== CENTRAL) return "unreadable";
    const method = view.readUInt16LE(at + 10);
    const packed = view.readUInt32LE(at + 20);
    const claimed = view.readUInt32LE(at + 24);
    const nameLength = view.readUInt16LE(at + 28);
    const extraLength = view.readUInt16LE(at + 30);
    const commentLength = view.readUInt16LE(at + 32);
    const local = view.readUInt32LE(at + 42);
    at += 46 + nameLength + extraLength + commentLength;
    if (claimed > left) return "tooLargeUnpacked";
    if (local + 30 > view.length || view.readUInt32LE(local) !== LOCAL) return "unreadable";
    const start = local + 30 + view.readUInt16LE(local + 26) + view.readUInt16LE(local + 28);
    if (start + packed > view.length) return "unreadable";
    const data = view.subarray(start, start + packed);
    let size;
    if (method === 0) size = packed;
    else if (method === 8) {
      try {
        // one byte more than allowed: reaching it means the part is larger than the budget
        size = inflateRawSync(data, { maxOutputLength: left + 1 }).length;
      } catch (error) {
        return error && error.code === "ERR_BUFFER_TOO_LARGE" ? "tooLargeUnpacked" : "unreadable";
      }
    } else return "unreadable";
    if (size > left) return "tooLargeUnpacked";
    left -= size;
  }
  return "ok";
}

function cellText(value) {
  if (value === null || value === undefined) return "";
  // Excel dates are calendar days stored as UTC midnight
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if (Array.isArray(value.richText)) return value.richText.map((r) => r.text).join("");
    if ("result" in value) return cellText(value.result);
    if ("text" in value) return String(value.text);
    return "";
  }
  return String(value);
}

async function readFirstSheet(bytes, maxRows) {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(bytes);
  } catch {
    return { ok: false, reason: "unreadable" };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, reason: "empty" };
  const matrix = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // the header, the allowed rows and one more are enough to tell a file that is too long
    if (matrix.length >= maxRows + 2) return;
    const cells = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    matrix.push({ line: rowNumber, cells: Array.from(cells, (c) => c ?? "") });
  });
  return { ok: true, matrix };
}

if (parentPort && workerData) {
  const { bytes, maxUnpackedBytes, maxParts, maxRows } = workerData;
  const check = checkZipParts(bytes, maxUnpackedBytes, maxParts);
  const result = check === "ok" ? await readFirstSheet(bytes, maxRows) : { ok: false, reason: check };
  parentPort.postMessage(result);
}
