// Test-only: where a body the emulator sends departs from an official example's shape. Every field the
// emulator sends must be one the example has, with the same JSON type (a number is not a string, an
// object is not an array); an example's null says the field is nullable and fits any value. Fields the
// example has and the emulator leaves out are not reported: the emulator models what Sovani reads.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const kind = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

/** "path: problem" lines, empty when `actual` fits the example's shape */
export function shapeDepartures(actual: unknown, example: unknown, path = "body"): string[] {
  if (example === null || actual === null) return [];
  if (kind(actual) !== kind(example)) return [`${path}: ${kind(actual)} where the example has ${kind(example)}`];
  if (Array.isArray(actual)) {
    const sample = (example as Json[])[0];
    if (sample === undefined) return [];
    return actual.flatMap((v, i) => shapeDepartures(v, sample, `${path}[${i}]`));
  }
  if (typeof actual === "object") {
    const model = example as Record<string, unknown>;
    return Object.entries(actual as Record<string, unknown>).flatMap(([key, v]) =>
      key in model ? shapeDepartures(v, model[key], `${path}.${key}`) : [`${path}.${key}: not in the example`],
    );
  }
  return [];
}
