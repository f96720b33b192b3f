// Checks an email and password with throttling per account, per client address and across all
// sign-ins. Each attempt is counted before the password is verified, in one upsert per key that
// returns the new count, so concurrent guesses cannot slip past the limit between a check and a
// record. Unknown emails cost one Argon2 verification like known ones, every failure gets the same
// answer, and during a lockout even the correct password is refused. The counters live in the
// database, so they hold across several app processes on one PostgreSQL.
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { users, type Role } from "@/db/schema/auth";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { logger } from "@/lib/logger";

export const THROTTLE = {
  accountMaxFailures: 5,
  ipMaxFailures: 20,
  windowMs: 15 * 60 * 1000,
  lockMs: 15 * 60 * 1000,
  /** failed sign-ins per minute over all accounts and addresses (addresses can be rotated) */
  globalMaxFailuresPerMinute: 100,
};

export type VerifyCredentialsResult =
  | { ok: true; user: { id: number; email: string; name: string | null; role: Role; sessionVersion: number } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterSeconds: number };

export interface VerifyCredentialsOptions {
  email: string;
  password: string;
  ip: string;
  now?: Date;
}

export const accountKey = (email: string) => `email:${email.trim().toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;
export const GLOBAL_KEY = "global";

interface Limit {
  key: string;
  max: number;
  windowMs: number;
  lockMs: number;
}

const accountLimit = (email: string): Limit => ({
  key: accountKey(email),
  max: THROTTLE.accountMaxFailures,
  windowMs: THROTTLE.windowMs,
  lockMs: THROTTLE.lockMs,
});
const ipLimit = (ip: string): Limit => ({
  key: ipKey(ip),
  max: THROTTLE.ipMaxFailures,
  windowMs: THROTTLE.windowMs,
  lockMs: THROTTLE.lockMs,
});
const globalLimit: Limit = {
  key: GLOBAL_KEY,
  max: THROTTLE.globalMaxFailuresPerMinute,
  windowMs: 60_000,
  lockMs: 60_000,
};

/** A person's account in logs: the user id when it exists, else a short hash (the field may hold a typed password). */
export function accountForLog(email: string, userId: number | undefined): string {
  if (userId !== undefined) return `user:${userId}`;
  return `unknown:${createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 12)}`;
}

type Counted = { allowed: true; count: number } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one attempt against a limit and answers whether it may go on. An attempt during a lock is
 * refused and not counted (a user retrying does not extend their own lockout); the attempt past the
 * limit sets the lock, however many arrive at once.
 */
async function countAttempt(db: Db, limit: Limit, now: Date): Promise<Counted> {
  const at = now.toISOString();
  const windowStart = new Date(now.getTime() - limit.windowMs).toISOString();
  const [row] = rowsOf<{ failures: number; locked_until: string | Date | null }>(
    await db.execute(sql`
      insert into login_throttle (key, failures, window_started_at, locked_until)
      values (${limit.key}, 1, ${at}::timestamptz, null)
      on conflict (key) do update set
        failures = case
          when login_throttle.locked_until > ${at}::timestamptz then login_throttle.failures
          when login_throttle.window_started_at < ${windowStart}::timestamptz then 1
          else login_throttle.failures + 1 end,
        window_started_at = case
          when login_throttle.locked_until > ${at}::timestamptz then login_throttle.window_started_at
          when login_throttle.window_started_at < ${windowStart}::timestamptz then ${at}::timestamptz
          else login_throttle.window_started_at end
      returning failures, locked_until
    `),
  );
  const lockedUntil = row.locked_until ? new Date(row.locked_until) : null;
  if (lockedUntil && lockedUntil > now) {
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000)),
    };
  }
  if (row.failures > limit.max) {
    await lock(db, limit, now);
    return { allowed: false, retryAfterSeconds: Math.ceil(limit.lockMs / 1000) };
  }
  return { allowed: true, count: Number(row.failures) };
}

async function lock(db: Db, limit: Limit, now: Date): Promise<void> {
  const until = new Date(now.getTime() + limit.lockMs).toISOString();
  await db.execute(sql`
    update login_throttle set locked_until = ${until}::timestamptz
    where key = ${limit.key} and (locked_until is null or locked_until < ${until}::timestamptz)
  `);
}

/** A failed attempt that reached the limit locks at once (the next one need not arrive to lock). */
async function afterFailure(db: Db, limit: Limit, count: number, now: Date): Promise<void> {
  if (count >= limit.max) await lock(db, limit, now);
}

/**
 * A success is not a failure: it gives back the one attempt it counted, on every limit, and nothing
 * more. Failures counted before it stay until their window ends ("5 failed sign-ins in 15 minutes"):
 * wiping them would also forgive guesses still being verified beside it, and a guesser racing the
 * owner's sign-in would get a fresh allowance each time.
 */
async function afterSuccess(db: Db, limits: Limit[]): Promise<void> {
  for (const limit of limits) {
    await db.execute(sql`update login_throttle set failures = greatest(failures - 1, 0) where key = ${limit.key}`);
  }
}

export async function verifyCredentials(db: Db, options: VerifyCredentialsOptions): Promise<VerifyCredentialsResult> {
  const now = options.now ?? new Date();
  const email = options.email.trim().toLowerCase();
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1);
  const account = accountForLog(email, user?.id);

  // the widest limit first: an attempt refused there counts nowhere else
  const perAccount = accountLimit(email);
  const limits = [globalLimit, ipLimit(options.ip), perAccount];
  const counts = new Map<Limit, number>();
  for (const limit of limits) {
    const counted = await countAttempt(db, limit, now);
    if (!counted.allowed) {
      logger.warn("auth.login_locked", { account, ip: options.ip, limit: limit.key.split(":")[0] });
      return { ok: false, reason: "locked", retryAfterSeconds: counted.retryAfterSeconds };
    }
    counts.set(limit, counted.count);
  }

  // one verification on every path, so the answer time says nothing about the account
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), options.password);

  if (user && passwordOk && !user.isDisabled) {
    await afterSuccess(db, limits);
    await db.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
    logger.info("auth.login_ok", { userId: user.id, ip: options.ip });
    return {
      ok: true,
      user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion },
    };
  }

  for (const limit of limits) await afterFailure(db, limit, counts.get(limit)!, now);
  logger.warn("auth.login_failed", { account, ip: options.ip, disabled: user?.isDisabled ?? false });
  return { ok: false, reason: "invalid" };
}

/**
 * For a signed-in user who must re-enter their password (changing it): a wrong password counts
 * toward the same per-account lockout as a failed sign-in, and during a lockout it is refused.
 */
export async function checkAccountPassword(
  db: Db,
  options: { email: string; userId?: number; passwordHash: string; password: string; now?: Date },
): Promise<"ok" | "wrong" | "locked"> {
  const now = options.now ?? new Date();
  const limit = accountLimit(options.email);
  const counted = await countAttempt(db, limit, now);
  if (!counted.allowed) return "locked";
  if (await verifyPassword(options.passwordHash, options.password)) {
    await afterSuccess(db, [limit]);
    return "ok";
  }
  await afterFailure(db, limit, counted.count, now);
  logger.warn("auth.password_check_failed", { account: accountForLog(options.email, options.userId) });
  return "wrong";
}
