// Business days: a fact's day d is the calendar day of the event in APP_TIMEZONE (Europe/Moscow by default).

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The calendar day (YYYY-MM-DD) of an instant in the given IANA time zone. */
export function toBusinessDate(instant: Date | string | number, timeZone: string): string {
  const date = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`invalid instant: ${String(instant)}`);
  const parts = formatterFor(timeZone).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** day + n calendar days (n may be negative), on YYYY-MM-DD strings. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Inclusive list of days from..to. */
export function eachDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Today's business day in the time zone. */
export function businessToday(timeZone: string, now: Date = new Date()): string {
  return toBusinessDate(now, timeZone);
}

/**
 * The UTC instant at which a wall-clock time in a zone occurs, e.g. a WB timestamp without an
 * offset ("2026-11-10T23:15:00", Moscow time) -> 2026-11-10T20:15:00Z.
 */
export function zonedWallTimeToInstant(wallTime: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?$/.exec(wallTime);
  if (!m) throw new RangeError(`invalid wall time: ${wallTime}`);
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "0"] = m;
  const ms = Number(frac.slice(0, 3).padEnd(3, "0"));
  const asUtc = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, ms);
  // offset of the zone at that moment, found by formatting the guess back into the zone
  const offset = zoneOffsetMs(new Date(asUtc), timeZone);
  let instant = asUtc - offset;
  const offset2 = zoneOffsetMs(new Date(instant), timeZone);
  if (offset2 !== offset) instant = asUtc - offset2;
  return new Date(instant);
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function zoneOffsetMs(date: Date, timeZone: string): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    offsetFormatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(date).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}
