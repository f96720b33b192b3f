import "server-only";
// Server-side locale, translator and formatters for the current request.
import { cookies } from "next/headers";
import { createTranslator, type Messages, type NamespaceKeys, type NestedKeyOf } from "next-intl";
import { getEnv } from "@/lib/env";
import { defaultLocale, isLocale, LOCALE_COOKIE, type Locale } from "./config";
import { createFormatters, type Formatters } from "./format";
import { loadMessages } from "./messages";

/** Locale of this request: the locale cookie, else Russian. */
export async function getRequestLocale(): Promise<Locale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : defaultLocale;
}

type Namespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;
/** The same type next-intl's getTranslations returns */
export type Translator<NS extends Namespace = never> = ReturnType<typeof createTranslator<Messages, NS>>;

/** Translators live for the process, one per locale and namespace (the catalogue is fixed per process). */
const translators = new Map<string, Translator<Namespace>>();

/**
 * The translator of one locale and namespace (all namespaces without one). A translator keeps the
 * parsed form of each message it has formatted, so reusing it parses every message once per process;
 * next-intl's own getTranslations keeps that cache for one request only, and the parsing (ICU parser
 * plus a locale lookup per message) showed up in every page's CPU profile.
 */
export function getTranslatorFor<NS extends Namespace = never>(locale: Locale, namespace?: NS): Translator<NS> {
  const key = `${locale}\u0000${namespace ?? ""}`;
  let translator = translators.get(key);
  if (!translator) {
    translator = createTranslator({
      locale,
      messages: loadMessages(locale) as Messages,
      namespace: namespace as never,
      timeZone: getEnv().APP_TIMEZONE,
    });
    translators.set(key, translator);
  }
  return translator as Translator<NS>;
}

/** Server components and route handlers: the translator of this request's locale. */
export async function getTranslations<NS extends Namespace = never>(namespace?: NS): Promise<Translator<NS>> {
  return getTranslatorFor(await getRequestLocale(), namespace);
}

export async function getFormatters(): Promise<Formatters> {
  return createFormatters(await getRequestLocale(), getEnv().APP_TIMEZONE);
}
