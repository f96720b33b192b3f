import "server-only";
// Server-side locale, translator and formatters for the current request.
import { cookies } from "next/headers";
import { createTranslator } from "next-intl";
import { getEnv } from "@/lib/env";
import { defaultLocale, isLocale, LOCALE_COOKIE, type Locale } from "./config";
import { createFormatters, type Formatters } from "./format";
import { loadMessages } from "./messages";

/** Locale of this request: the locale cookie, else Russian. */
export async function getRequestLocale(): Promise<Locale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : defaultLocale;
}

/** A translator outside React (server actions, route handlers). */
export function getTranslatorFor(locale: Locale, namespace?: string) {
  return createTranslator({ locale, messages: loadMessages(locale), namespace: namespace as never });
}

export async function getFormatters(): Promise<Formatters> {
  return createFormatters(await getRequestLocale(), getEnv().APP_TIMEZONE);
}
