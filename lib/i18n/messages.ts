// The message catalogue: one JSON file per namespace and locale under lib/i18n/messages/<locale>/,
// merged here as { [namespace]: messages }. Engineers add a namespace by adding a file pair, without
// touching anyone else's files. Files are read at run time (self-hosted), once per process.
import fs from "node:fs";
import path from "node:path";
import { type Locale, locales } from "./config";

export type Messages = Record<string, Record<string, unknown>>;

const cache = new Map<Locale, Messages>();

export function messagesDir(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "i18n", "messages");
}

/** All namespaces of one locale. */
export function loadMessages(locale: Locale, dir: string = messagesDir()): Messages {
  const hit = dir === messagesDir() ? cache.get(locale) : undefined;
  if (hit) return hit;
  const out: Messages = {};
  const localeDir = path.join(/*turbopackIgnore: true*/ dir, locale);
  for (const file of fs.readdirSync(localeDir).sort()) {
    if (!file.endsWith(".json")) continue;
    const namespace = file.slice(0, -".json".length);
    out[namespace] = JSON.parse(fs.readFileSync(path.join(/*turbopackIgnore: true*/ localeDir, file), "utf8"));
  }
  if (dir === messagesDir()) cache.set(locale, out);
  return out;
}

/** Dotted keys of a nested message object, for the catalogue-completeness test. */
export function flattenKeys(value: unknown, prefix = ""): string[] {
  if (!value || typeof value !== "object") return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    flattenKeys(v, prefix ? `${prefix}.${k}` : k),
  );
}

export { locales };
