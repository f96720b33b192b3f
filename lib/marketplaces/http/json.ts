// JSON parsing that keeps integers beyond 2^53 exact: such integers (Ozon accrual_id, WB rrdId, reportId)
// are turned into strings before JSON.parse sees them. Strings in the payload are never touched.

/** a 16+ digit number token (after : [ or ,); digits inside strings never have those neighbours */
const BIG_INT = /[:[,]\s*-?\d{16,}\s*[,\]}]/;

/** Integer literals with 16+ digits (outside strings) become JSON strings; all else is unchanged. */
export function quoteBigIntegers(text: string): string {
  if (!BIG_INT.test(text)) return text;
  let out = "";
  let last = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) {
      inString = true;
      continue;
    }
    if ((c >= 48 && c <= 57) || c === 45 /* - */) {
      let j = i + (c === 45 ? 1 : 0);
      while (j < text.length && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      const next = text.charCodeAt(j);
      const isInteger = next !== 46 /* . */ && next !== 101 /* e */ && next !== 69; /* E */
      const digits = j - i - (c === 45 ? 1 : 0);
      if (isInteger && digits >= 16) {
        out += text.slice(last, i) + '"' + text.slice(i, j) + '"';
        last = j;
      }
      i = j - 1;
    }
  }
  return out + text.slice(last);
}

export function parseJsonExact(text: string): unknown {
  return JSON.parse(quoteBigIntegers(text));
}
