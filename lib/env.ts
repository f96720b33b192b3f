// The only reader of process.env. Every variable Sovani understands is declared here, validated
// with zod, and documented in the README's configuration table (keep the two in step).
import { z } from "zod";

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const booleanFlag = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === "") return false;
    if (["1", "true", "yes", "on"].includes(v.toLowerCase())) return true;
    if (["0", "false", "no", "off"].includes(v.toLowerCase())) return false;
    ctx.addIssue({ code: "custom", message: `expected true/false or 1/0, got "${v}"` });
    return z.NEVER;
  });

/** An integer setting at or above `min` (0 or 1), `fallback` when unset or empty. */
const intAtLeast = (min: 0 | 1, fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min) {
        const expected = min === 1 ? "a positive integer" : "0 or a positive integer";
        ctx.addIssue({ code: "custom", message: `expected ${expected}, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });
const positiveInt = (fallback: number) => intAtLeast(1, fallback);
const nonNegativeInt = (fallback: number) => intAtLeast(0, fallback);

const url = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const value = v === undefined || v.trim() === "" ? fallback : v.trim();
      try {
        const parsed = new URL(value);
        if (!["http:", "https:"].includes(parsed.protocol)) throw new Error("protocol");
      } catch {
        ctx.addIssue({ code: "custom", message: `expected an http(s) URL, got "${value}"` });
        return z.NEVER;
      }
      return value.replace(/\/+$/, "");
    });

const timeZone = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const value = v === undefined || v.trim() === "" ? "Europe/Moscow" : v.trim();
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: value });
    } catch {
      ctx.addIssue({ code: "custom", message: `unknown IANA time zone "${value}"` });
      return z.NEVER;
    }
    return value;
  });

const databaseUrl = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v.trim() === "") return undefined;
    try {
      const parsed = new URL(v);
      if (!["postgres:", "postgresql:"].includes(parsed.protocol)) throw new Error("protocol");
    } catch {
      ctx.addIssue({ code: "custom", message: "expected postgres://user:password@host:port/database" });
      return z.NEVER;
    }
    return v.trim();
  });

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: databaseUrl,
  /** where npm start keeps secrets.env and the first-run setup code (and backups go by default) */
  DATA_DIR: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? v.trim() : "./.data")),
  PGLITE_DIR: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? v.trim() : "./.data/pglite")),
  APP_TIMEZONE: timeZone,
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),

  AUTH_SECRET: optionalString,
  APP_ENCRYPTION_KEY: optionalString,
  /** the address `npm start` listens on (scripts/server.mjs reads it; default every interface) */
  LISTEN_HOST: optionalString,
  /** reverse proxies in front of Sovani whose X-Forwarded-For entries are believed (0: the socket address) */
  TRUSTED_PROXY_HOPS: nonNegativeInt(0),
  /** worker processes of `npm start` (scripts/server.mjs reads it; default 1 on PGlite, one per CPU up to 4 on PostgreSQL) */
  WEB_CONCURRENCY: optionalString,

  WB_API_TOKEN: optionalString,
  OZON_CLIENT_ID: optionalString,
  OZON_API_KEY: optionalString,
  WB_STATISTICS_API_URL: url("https://statistics-api.wildberries.ru"),
  WB_ANALYTICS_API_URL: url("https://seller-analytics-api.wildberries.ru"),
  WB_FINANCE_API_URL: url("https://finance-api.wildberries.ru"),
  WB_FEEDBACKS_API_URL: url("https://feedbacks-api.wildberries.ru"),
  WB_CONTENT_API_URL: url("https://content-api.wildberries.ru"),
  OZON_API_URL: url("https://api-seller.ozon.ru"),
  /** "off" only against the local emulator: the client then sends without waiting for WB/Ozon budgets */
  MARKETPLACE_RATE_LIMITS: z.enum(["on", "off"]).default("on"),

  AGGR_DAYS_WB: positiveInt(14),
  AGGR_DAYS_OZON: positiveInt(28),
  /** days of raw API payloads kept for rebuilding facts; older ones are deleted nightly */
  RAW_RETENTION_DAYS: positiveInt(400),

  INNGEST_SIGNING_KEY: optionalString,
  INNGEST_EVENT_KEY: optionalString,
  INNGEST_DEV: optionalString,
  INNGEST_BASE_URL: optionalString,

  TELEGRAM_BOT_TOKEN: optionalString,
  TELEGRAM_CHAT_ID: optionalString,
  TELEGRAM_API_URL: url("https://api.telegram.org"),

  DEMO_MODE: booleanFlag,
  /** off: the server does not start the in-process nightly scheduler (tests that need a quiet server) */
  EMBEDDED_SCHEDULER: z.enum(["on", "off"]).default("on"),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const parsed = result.data;
  if (parsed.OZON_CLIENT_ID && !/^\d+$/.test(parsed.OZON_CLIENT_ID)) {
    throw new EnvError(["OZON_CLIENT_ID: expected the numeric Client-Id from the Ozon seller account"]);
  }
  if (Boolean(parsed.OZON_CLIENT_ID) !== Boolean(parsed.OZON_API_KEY)) {
    throw new EnvError([
      `${parsed.OZON_CLIENT_ID ? "OZON_API_KEY" : "OZON_CLIENT_ID"}: an Ozon store needs both OZON_CLIENT_ID and OZON_API_KEY`,
    ]);
  }
  return parsed;
}

/** Requirements that only apply to a running production server (not to `next build` or the CLI). */
export function productionProblems(e: Env): string[] {
  const problems: string[] = [];
  if (e.NODE_ENV !== "production") return problems;
  if (!e.AUTH_SECRET)
    problems.push("AUTH_SECRET is missing: set it to a random string of 32+ characters (openssl rand -base64 32)");
  else if (e.AUTH_SECRET.length < 32) problems.push("AUTH_SECRET is too short: it needs 32+ characters");
  if (!e.APP_ENCRYPTION_KEY)
    problems.push("APP_ENCRYPTION_KEY is missing: set it to 32 random bytes in base64 (openssl rand -base64 32)");
  return problems;
}

let cached: Env | undefined;

/** The validated configuration; throws EnvError naming each bad variable. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export const env: Env = new Proxy({} as Env, {
  get: (_target, key: string) => getEnv()[key as keyof Env],
});

/** Inngest runs in cloud/self-hosted mode only when a signing key or dev mode is configured. */
export function isInngestConfigured(e: Env = getEnv()): boolean {
  return Boolean(e.INNGEST_SIGNING_KEY || e.INNGEST_DEV);
}
