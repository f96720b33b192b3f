// next-intl request configuration (wired in next.config.ts through createNextIntlPlugin).
import { getRequestConfig } from "next-intl/server";
import { getEnv } from "@/lib/env";
import { loadMessages } from "./messages";
import { getRequestLocale } from "./server";

export default getRequestConfig(async () => {
  const locale = await getRequestLocale();
  return { locale, messages: loadMessages(locale), timeZone: getEnv().APP_TIMEZONE };
});
