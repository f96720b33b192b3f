import "server-only";
// The one wrapper every server action is built with. A server action is a public POST endpoint, so
// the wrapper itself checks, in this order: the session (re-validated against the database), the
// role from the committed policy file, then the input with zod; only then does it call the handler
// (a thin call into lib/services). Errors reach the user as generic, localised messages with a
// correlation id; details go to the log. Field errors come back keyed by field name.
//
//   export const createUserAction = authedAction("createUserAction", createUserSchema, async (input, ctx) =>
//     createUser(ctx.db, { ...input, actor: ctx.actor, correlationId: ctx.correlationId }));
//
// Every action name must be listed in lib/actions/policy.json with its allowed roles (a test
// enumerates the build's actions and fails on a missing entry). Call an action either as
// `action(input)` or through useActionState as `action(prevState, formData)`.
import { randomBytes } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { type Db, getDb } from "@/db";
import type { Role } from "@/db/schema/auth";
import { getCurrentUser, type SessionUser } from "@/lib/auth/current-user";
import { AppError, asAppError, type ErrorCode } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { getRequestLocale, getTranslatorFor } from "@/lib/i18n/server";
import { logger } from "@/lib/logger";
import type { AuditActor } from "@/lib/services/audit/write-audit";
import policyFile from "./policy.json";

export type ActionResult<T = null> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; correlationId: string; fieldErrors?: Record<string, string> };

export interface PublicActionContext {
  db: Db;
  correlationId: string;
  locale: Locale;
}

export interface ActionContext extends PublicActionContext {
  user: SessionUser;
  actor: AuditActor;
}

export interface PolicyEntry {
  /** roles allowed to call the action; "anonymous" marks a public action (sign-in, first-run setup) */
  roles: (Role | "anonymous")[];
  /** whether the action changes data (checked by the action-enumeration test) */
  mutates: boolean;
  /** a valid input, sent by the enumeration test so a missing check would really change data */
  sample?: unknown;
  description?: string;
}

export const policy = policyFile as unknown as Record<string, PolicyEntry>;

type Input<S extends z.ZodType> = z.input<S> | FormData;
/** Callable directly with an input, or by useActionState with (previous state, form data). */
export type SafeAction<S extends z.ZodType, T> = (
  stateOrInput?: ActionResult<T> | null | Input<S>,
  input?: Input<S>,
) => Promise<ActionResult<T>>;

export function newCorrelationId(): string {
  return randomBytes(6).toString("hex");
}

function inputOf(args: unknown[]): unknown {
  const raw = args.length >= 2 ? args[1] : args[0];
  if (raw instanceof FormData) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of raw.entries()) {
      // React adds $ACTION_* fields for progressive enhancement; files are never accepted here
      if (key.startsWith("$") || typeof value !== "string") continue;
      out[key] = value;
    }
    return out;
  }
  return raw ?? {};
}

type Translator = ReturnType<typeof getTranslatorFor>;

function translateKey(t: Translator, key: string, values?: Record<string, string | number>): string {
  if (key.startsWith("errors.") && t.has(key as never)) return t(key as never, values as never);
  return t("errors.invalidValue" as never);
}

/** zod issues -> { field: localised message } */
export function fieldErrorsOf(error: z.ZodError, t: Translator): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "_form";
    if (out[field]) continue;
    if (issue.message?.startsWith("errors.")) {
      out[field] = translateKey(t, issue.message);
    } else if (issue.code === "too_small") {
      const min = Number((issue as { minimum?: number | bigint }).minimum ?? 1);
      out[field] = min <= 1 ? translateKey(t, "errors.required") : translateKey(t, "errors.tooShort", { min });
    } else if (issue.code === "too_big") {
      out[field] = translateKey(t, "errors.tooLong", {
        max: Number((issue as { maximum?: number | bigint }).maximum ?? 0),
      });
    } else if (issue.code === "invalid_format" && (issue as { format?: string }).format === "email") {
      out[field] = translateKey(t, "errors.invalidEmail");
    } else if (issue.code === "invalid_type" && (issue as { input?: unknown }).input === undefined) {
      out[field] = translateKey(t, "errors.required");
    } else {
      out[field] = translateKey(t, "errors.invalidValue");
    }
  }
  return out;
}

const codeMessage: Record<ErrorCode, string> = {
  UNAUTHENTICATED: "errors.unauthenticated",
  FORBIDDEN: "errors.forbidden",
  NOT_FOUND: "errors.notFound",
  VALIDATION: "errors.validation",
  CONFLICT: "errors.conflict",
  RATE_LIMITED: "errors.rateLimited",
  UPSTREAM: "errors.upstream",
  INTERNAL: "errors.generic",
};

function failure<T>(
  code: ErrorCode,
  t: Translator,
  correlationId: string,
  key?: string,
  fieldErrors?: Record<string, string>,
): ActionResult<T> {
  const messageKey = key && key.startsWith("errors.") && t.has(key as never) ? key : codeMessage[code];
  return {
    ok: false,
    code,
    message: t(messageKey as never, { ref: correlationId } as never),
    correlationId,
    ...(fieldErrors ? { fieldErrors } : {}),
  };
}

interface Definition<S extends z.ZodType, T, C> {
  name: string;
  schema: S;
  handler: (input: z.output<S>, ctx: C) => Promise<T>;
  isPublic: boolean;
}

function build<S extends z.ZodType, T, C extends PublicActionContext>(def: Definition<S, T, C>): SafeAction<S, T> {
  return async (...args: unknown[]): Promise<ActionResult<T>> => {
    const correlationId = newCorrelationId();
    const started = Date.now();
    let locale: Locale = "ru";
    let userId: number | undefined;
    const done = (result: ActionResult<T>) => {
      logger.info("action", {
        name: def.name,
        userId,
        ok: result.ok,
        code: result.ok ? undefined : result.code,
        correlationId,
        ms: Date.now() - started,
      });
      return result;
    };
    try {
      locale = await getRequestLocale();
    } catch {
      // no request scope (never in production); keep the default
    }
    const t = getTranslatorFor(locale);
    try {
      const entry = policy[def.name];
      if (!entry || entry.roles.length === 0) {
        logger.error("action.not_in_policy", { name: def.name, correlationId });
        return done(failure(def.isPublic ? "FORBIDDEN" : "UNAUTHENTICATED", t, correlationId));
      }
      if (def.isPublic !== entry.roles.includes("anonymous")) {
        logger.error("action.policy_mismatch", { name: def.name, correlationId });
        return done(failure("FORBIDDEN", t, correlationId));
      }
      const db = await getDb();
      let ctx: PublicActionContext | ActionContext = { db, correlationId, locale };
      if (!def.isPublic) {
        const user = await getCurrentUser();
        if (!user) return done(failure("UNAUTHENTICATED", t, correlationId));
        userId = user.id;
        if (!entry.roles.includes(user.role)) return done(failure("FORBIDDEN", t, correlationId));
        ctx = { ...ctx, user, actor: { id: user.id, email: user.email }, locale: user.locale ?? locale };
      }
      const parsed = def.schema.safeParse(inputOf(args));
      if (!parsed.success)
        return done(failure("VALIDATION", t, correlationId, undefined, fieldErrorsOf(parsed.error, t)));
      const data = await def.handler(parsed.data, ctx as C);
      return done({ ok: true, data });
    } catch (error) {
      unstable_rethrow(error); // redirect(), notFound() and Next's own control flow
      const appError = asAppError(error);
      if (appError) {
        if (appError !== error) logger.info("action.conflict", { name: def.name, correlationId, error });
        const fieldErrors = appError.fieldErrors
          ? Object.fromEntries(Object.entries(appError.fieldErrors).map(([k, v]) => [k, translateKey(t, v)]))
          : undefined;
        if (appError.code === "INTERNAL" || appError.code === "UPSTREAM")
          logger.error("action.failed", { name: def.name, correlationId, error });
        return done(failure(appError.code, t, correlationId, appError.message, fieldErrors));
      }
      logger.error("action.failed", {
        name: def.name,
        userId,
        correlationId,
        error,
        stack: error instanceof Error ? error.stack : undefined,
      });
      return done(failure("INTERNAL", t, correlationId));
    }
  };
}

/** A server action for signed-in users whose role is allowed by policy.json. */
export function authedAction<S extends z.ZodType, T>(
  name: string,
  schema: S,
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<T>,
): SafeAction<S, T> {
  return build<S, T, ActionContext>({ name, schema, handler, isPublic: false });
}

/** A server action anyone may call (sign-in, first-run setup); policy.json must list it as "anonymous". */
export function publicAction<S extends z.ZodType, T>(
  name: string,
  schema: S,
  handler: (input: z.output<S>, ctx: PublicActionContext) => Promise<T>,
): SafeAction<S, T> {
  return build<S, T, PublicActionContext>({ name, schema, handler, isPublic: true });
}

export { AppError };
