// Shared pieces of record validation: ids that may exceed 2^53 are kept as decimal strings, money is
// accepted as number or string and parsed exactly later, and a failure names the offending field.
import { z } from "zod";

export class RecordError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "RecordError";
  }
}

/** an integer id as a decimal string (numbers beyond 2^53 arrive as strings from parseJsonExact) */
export const idString = z.union([
  z
    .number()
    .int()
    .transform((n) => String(n)),
  z.string().regex(/^-?\d+$/, "expected an integer id"),
]);

/** money as sent: JSON number, numeric string, null or absent */
export const money = z.union([z.number(), z.string(), z.null()]).optional();

/** money wrapped the Ozon way: { amount: "412.37", currency: "RUB" } */
export const moneyObject = z
  .object({ amount: z.union([z.string(), z.number()]), currency: z.string().optional() })
  .nullish();

export function zodReason(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join(".") || "record"}: ${i.message}`)
    .join("; ");
}

// Business days of many timestamps: Intl is slow, and every zone's offset changes only at
// quarter-hour boundaries, so the day of an instant is cached per 15 minutes of time.
const QUARTER = 15 * 60_000;
const dayCache = new Map<string, string>();

export function businessDayOfInstant(
  ms: number,
  timeZone: string,
  toDay: (instant: Date, tz: string) => string,
): string {
  const key = `${timeZone}|${Math.floor(ms / QUARTER)}`;
  let day = dayCache.get(key);
  if (day === undefined) {
    day = toDay(new Date(Math.floor(ms / QUARTER) * QUARTER), timeZone);
    if (dayCache.size > 200_000) dayCache.clear();
    dayCache.set(key, day);
  }
  return day;
}

const offsetCache = new Map<string, number>();

/** UTC ms of a wall time in a zone, with the zone's offset cached per quarter hour of wall time. */
export function wallTimeToMs(wall: string, timeZone: string, toInstant: (wall: string, tz: string) => Date): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?/.exec(wall);
  if (!m) return toInstant(wall, timeZone).getTime();
  const [, y, mo, d, h, mi, s = "0", frac = "0"] = m;
  const asUtc = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, Number(frac.slice(0, 3).padEnd(3, "0")));
  const key = `${timeZone}|${Math.floor(asUtc / QUARTER)}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    const bucketWall = new Date(Math.floor(asUtc / QUARTER) * QUARTER).toISOString().slice(0, 19);
    offset = Math.floor(asUtc / QUARTER) * QUARTER - toInstant(bucketWall, timeZone).getTime();
    if (offsetCache.size > 200_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return asUtc - offset;
}

/** `raw` parsed by a record's schema; a RecordError naming the offending fields when it does not fit */
export function parseRecord<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new RecordError(zodReason(parsed.error));
  return parsed.data;
}
