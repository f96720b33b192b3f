// Translation by keys computed at run time (a column id, a status or an audit action read from the database).
// next-intl types a translator's keys as the literal keys of its namespace, so the compiler cannot check a
// computed key: the one cast lives here instead of at every call.

/** a translator over computed keys, as columns and forms take it */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** what next-intl's translators (useTranslations, getTranslations, createTranslator) have in common */
interface Translator {
  (key: never, values?: never): string;
  has(key: never): boolean;
}

/** next-intl's translator over computed keys */
export function runtimeKeys(t: Translator): Translate {
  return (key, values) => t(key as never, values as never);
}

/** the message at a computed key, or `fallback` where the namespace has none (a value newer than the catalogue) */
export function messageOr(t: Translator, key: string, fallback: string): string {
  return t.has(key as never) ? t(key as never) : fallback;
}
