// JSON parsing that keeps integers beyond 2^53 exact: such integer literals (Ozon accrual_id, WB rrdId,
// reportId) are turned into strings before JSON.parse sees them. A tokenizer walks the text: strings are
// skipped whole and each number is read to its end (sign, digits, fraction, exponent), so only a complete
// integer literal can be quoted; fractions, exponents and every string stay as they were.

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** an integer literal JSON.parse would round: more than 16 digits, or 16 above 2^53 - 1 */
function isUnsafeInteger(literal: string, digits: number): boolean {
  if (digits < 16) return false;
  if (digits > 16) return true;
  const n = BigInt(literal);
  return n > MAX_SAFE || n < -MAX_SAFE;
}

/** Integer literals beyond the safe range (outside strings) become JSON strings; all else is unchanged. */
export function quoteBigIntegers(text: string): string {
  // no run of 16 digits: nothing can be out of range
  if (!/\d{16}/.test(text)) return text;
  let out = "";
  let last = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      i++;
      while (i < n) {
        const s = text.charCodeAt(i);
        if (s === 92 /* \ */) i += 2;
        else if (s === 34) break;
        else i++;
      }
      i++;
      continue;
    }
    if (c === 45 /* - */ || isDigit(c)) {
      const start = i;
      if (c === 45) i++;
      const intStart = i;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      const digits = i - intStart;
      let isInteger = true;
      if (i < n && text.charCodeAt(i) === 46 /* . */) {
        isInteger = false;
        i++;
        while (i < n && isDigit(text.charCodeAt(i))) i++;
      }
      const e = i < n ? text.charCodeAt(i) : 0;
      if (e === 101 /* e */ || e === 69 /* E */) {
        isInteger = false;
        i++;
        const sign = i < n ? text.charCodeAt(i) : 0;
        if (sign === 43 /* + */ || sign === 45) i++;
        while (i < n && isDigit(text.charCodeAt(i))) i++;
      }
      if (isInteger && digits > 0) {
        const literal = text.slice(start, i);
        if (isUnsafeInteger(literal, digits)) {
          out += text.slice(last, start) + '"' + literal + '"';
          last = i;
        }
      }
      continue;
    }
    i++;
  }
  return last === 0 ? text : out + text.slice(last);
}

export function parseJsonExact(text: string): unknown {
  return JSON.parse(quoteBigIntegers(text));
}
