// Telegram notifications for the scheduled jobs. Sent only when TELEGRAM_BOT_TOKEN and
// TELEGRAM_CHAT_ID are set; TELEGRAM_API_URL overrides the API base (tests use a local fake).
import { getEnv } from "@/lib/env";
import { logger, registerSecret } from "@/lib/logger";

export interface TelegramConfig {
  botToken: string;
  chatId: string;
  /** default https://api.telegram.org */
  apiUrl: string;
}

/** The configuration from the environment, or null when notifications are off. */
export function telegramConfigFromEnv(): TelegramConfig | null {
  const e = getEnv();
  if (!e.TELEGRAM_BOT_TOKEN || !e.TELEGRAM_CHAT_ID) return null;
  return { botToken: e.TELEGRAM_BOT_TOKEN, chatId: e.TELEGRAM_CHAT_ID, apiUrl: e.TELEGRAM_API_URL };
}

export class TelegramError extends Error {
  constructor(
    public readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "TelegramError";
  }
}

/** Escapes text for Telegram's HTML parse mode. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Sends one HTML message; throws TelegramError with the API's description on failure. */
export async function sendTelegramMessage(config: TelegramConfig, html: string, timeoutMs = 10_000): Promise<void> {
  registerSecret(config.botToken);
  const url = `${config.apiUrl.replace(/\/+$/, "")}/bot${config.botToken}/sendMessage`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      // Telegram rejects messages over 4096 characters
      body: JSON.stringify({
        chat_id: config.chatId,
        text: html.slice(0, 4000),
        parse_mode: "HTML",
        disable_web_page_preview: true,
      }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new TelegramError(0, `Telegram is unreachable: ${(error as Error).message}`);
  }
  if (!response.ok) {
    let description = response.statusText;
    try {
      const body = (await response.json()) as { description?: string };
      if (body.description) description = body.description;
    } catch {
      // not JSON: keep the status text
    }
    throw new TelegramError(response.status, `Telegram answered ${response.status}: ${description}`);
  }
}

/**
 * Sends when configured; never throws (a notification must not fail the job it reports on).
 * Returns whether a message went out.
 */
export async function notify(html: string, config: TelegramConfig | null = telegramConfigFromEnv()): Promise<boolean> {
  if (!config) return false;
  try {
    await sendTelegramMessage(config, html);
    return true;
  } catch (error) {
    logger.error("telegram.send_failed", { error: (error as Error).message });
    return false;
  }
}
