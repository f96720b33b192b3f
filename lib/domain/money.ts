// Money is exact: a Decimal (decimal.js) in TypeScript, numeric(14,2) in PostgreSQL. Never float arithmetic.
import Decimal from "decimal.js";

export { Decimal };
export type MoneyInput = Decimal.Value;

export class MoneyParseError extends Error {
  constructor(public readonly value: unknown) {
    super(`not a money amount: ${JSON.stringify(value)}`);
    this.name = "MoneyParseError";
  }
}

const MONEY_PATTERN = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;

/**
 * Parses a marketplace amount exactly: a JSON number, a numeric string ("412.37", "412,37",
 * "1 234.50"), or null/"" (meaning zero). Anything else throws MoneyParseError.
 */
export function parseMoney(value: unknown): Decimal {
  if (value === null || value === undefined || value === "") return new Decimal(0);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new MoneyParseError(value);
    // a JSON number's shortest round-trip text is the amount the marketplace sent
    return new Decimal(value.toString());
  }
  if (typeof value === "bigint") return new Decimal(value.toString());
  if (value instanceof Decimal) return value;
  if (typeof value === "string") {
    const compact = value.replace(/[\s\u00a0]/g, "");
    if (!MONEY_PATTERN.test(compact)) throw new MoneyParseError(value);
    return new Decimal(compact.replace(",", "."));
  }
  throw new MoneyParseError(value);
}

export function toDecimal(value: MoneyInput): Decimal {
  return value instanceof Decimal ? value : new Decimal(value);
}

/** Rounds half away from zero to kopecks, as numeric(14,2) does, and returns the text form. */
export function toMoneyString(value: MoneyInput): string {
  return toDecimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/** a / b x 100 with 2 decimals; null when b is 0 (or, with `positive`, not above 0). */
export function percentOf(a: MoneyInput, b: MoneyInput, options: { positive?: boolean } = {}): string | null {
  const d = new Decimal(b);
  if (d.isZero() || (options.positive && d.lte(0))) return null;
  return new Decimal(a).div(d).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

export function sumMoney(values: Iterable<MoneyInput>): Decimal {
  let total = new Decimal(0);
  for (const v of values) total = total.plus(toDecimal(v));
  return total;
}
