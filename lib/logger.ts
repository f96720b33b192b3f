// Structured one-line JSON logs. Secrets are redacted by key name and by known secret values, so a
// token that slips into a message or an error never reaches the log; the parameters of a failed query
// (emails, hashes, tokens) are dropped from its message. In the server, console.error/warn (where
// Next.js reports its own errors as multi-line text) are routed through here too.
import { format } from "node:util";
import { getEnv } from "./env";

type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

const SECRET_KEYS = /pass(word)?|secret|token|api[-_]?key|authorization|cookie|credential|signing/i;

function secretValues(): string[] {
  try {
    const e = getEnv();
    const values = [
      e.AUTH_SECRET,
      e.APP_ENCRYPTION_KEY,
      e.WB_API_TOKEN,
      e.OZON_API_KEY,
      e.TELEGRAM_BOT_TOKEN,
      e.INNGEST_SIGNING_KEY,
    ];
    if (e.DATABASE_URL) {
      const password = new URL(e.DATABASE_URL).password;
      if (password) values.push(decodeURIComponent(password), password);
    }
    return values.filter((v): v is string => typeof v === "string" && v.length >= 6);
  } catch {
    return [];
  }
}

const extraSecrets = new Set<string>();

/** Registers a secret known only at run time (a store token read from the database). */
export function registerSecret(value: string | undefined | null) {
  if (value && value.length >= 6) extraSecrets.add(value);
}

/** Drizzle's "Failed query: <sql>\nparams: <values>": the values go, up to the stack trace if there is one. */
const QUERY_PARAMS = /\nparams: [\s\S]*?(?=\n\s+at |$)/g;

export function redactText(text: string): string {
  let out = text.replace(QUERY_PARAMS, "\nparams: [redacted]");
  for (const secret of [...secretValues(), ...extraSecrets]) {
    if (out.includes(secret)) out = out.split(secret).join("[redacted]");
  }
  return out.replace(/(postgres(?:ql)?:\/\/[^:/\s]+:)[^@\s]+@/g, "$1[redacted]@");
}

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return "[deep]";
  if (typeof value === "string") return redactText(value);
  if (value instanceof Error) {
    const cause = value.cause instanceof Error ? redact(value.cause, depth + 1) : undefined;
    return { name: value.name, message: redactText(value.message), ...(cause ? { cause } : {}) };
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEYS.test(k) ? "[redacted]" : redact(v, depth + 1);
    return out;
  }
  return value;
}

function threshold(): number {
  try {
    return order[getEnv().LOG_LEVEL];
  } catch {
    return order.info;
  }
}

function write(level: Level, event: string, fields?: Record<string, unknown>) {
  if (order[level] < threshold()) return;
  const line = JSON.stringify({ t: new Date().toISOString(), level, event, ...(redact(fields ?? {}) as object) });
  // the streams, not console: console.error may be routed back here
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(`${line}\n`);
}

/**
 * Sends whatever is written with console.error / console.warn (Next.js's own reports: failed queries,
 * "Body exceeded", "Invalid Server Actions request", with stacks over many lines) through the
 * redacting logger as one JSON line each.
 */
export function routeConsoleThroughLogger(): void {
  const route =
    (level: "error" | "warn") =>
    (...args: unknown[]) => {
      const error = args.find((a): a is Error => a instanceof Error);
      const text = args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : a));
      write(level, `console.${level}`, { message: format(...text), ...(error ? { error } : {}) });
    };
  console.error = route("error");
  console.warn = route("warn");
}

export const logger = {
  debug: (event: string, fields?: Record<string, unknown>) => write("debug", event, fields),
  info: (event: string, fields?: Record<string, unknown>) => write("info", event, fields),
  warn: (event: string, fields?: Record<string, unknown>) => write("warn", event, fields),
  error: (event: string, fields?: Record<string, unknown>) => write("error", event, fields),
};
