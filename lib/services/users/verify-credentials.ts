// Checks an email and password with throttling per account and per client address. Unknown emails
// cost one Argon2 verification like known ones, every failure gets the same answer, and during a
// lockout even the correct password is refused.
import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { loginThrottle, users, type Role } from "@/db/schema/auth";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { logger } from "@/lib/logger";

export const THROTTLE = {
  accountMaxFailures: 5,
  ipMaxFailures: 20,
  windowMs: 15 * 60 * 1000,
  lockMs: 15 * 60 * 1000,
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

/** The throttle keys locked at `now`, with when their lock ends. */
async function activeLocks(db: Db, keys: string[], now: Date): Promise<{ key: string; lockedUntil: Date | null }[]> {
  return db
    .select({ key: loginThrottle.key, lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(
      and(
        sql`${loginThrottle.key} in (${sql.join(
          keys.map((k) => sql`${k}`),
          sql`, `,
        )})`,
        gt(loginThrottle.lockedUntil, now),
      ),
    );
}

export async function verifyCredentials(db: Db, options: VerifyCredentialsOptions): Promise<VerifyCredentialsResult> {
  const now = options.now ?? new Date();
  const email = options.email.trim().toLowerCase();
  const keys = [accountKey(email), ipKey(options.ip)];

  const locks = await activeLocks(db, keys, now);

  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1);
  // one verification on every path, so the answer time says nothing about the account
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), options.password);

  if (locks.length > 0) {
    const until = Math.max(...locks.map((l) => l.lockedUntil!.getTime()));
    logger.warn("auth.login_locked", { email, ip: options.ip, lockedKeys: locks.map((l) => l.key.split(":")[0]) });
    return { ok: false, reason: "locked", retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
  }

  if (user && passwordOk && !user.isDisabled) {
    await db.delete(loginThrottle).where(eq(loginThrottle.key, accountKey(email)));
    await db.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
    logger.info("auth.login_ok", { userId: user.id, ip: options.ip });
    return {
      ok: true,
      user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion },
    };
  }

  await recordFailure(db, accountKey(email), THROTTLE.accountMaxFailures, now);
  await recordFailure(db, ipKey(options.ip), THROTTLE.ipMaxFailures, now);
  logger.warn("auth.login_failed", {
    email,
    ip: options.ip,
    known: Boolean(user),
    disabled: user?.isDisabled ?? false,
  });
  return { ok: false, reason: "invalid" };
}

async function recordFailure(db: Db, key: string, maxFailures: number, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - THROTTLE.windowMs);
  const lockUntil = new Date(now.getTime() + THROTTLE.lockMs);
  // one statement: a fresh window restarts the count; reaching the limit sets the lock
  await db.execute(sql`
    insert into login_throttle (key, failures, window_started_at, locked_until)
    values (${key}, 1, ${now.toISOString()}::timestamptz, ${maxFailures <= 1 ? lockUntil.toISOString() : null}::timestamptz)
    on conflict (key) do update set
      failures = case when login_throttle.window_started_at < ${windowStart.toISOString()}::timestamptz then 1 else login_throttle.failures + 1 end,
      window_started_at = case when login_throttle.window_started_at < ${windowStart.toISOString()}::timestamptz then excluded.window_started_at else login_throttle.window_started_at end,
      locked_until = case
        when (case when login_throttle.window_started_at < ${windowStart.toISOString()}::timestamptz then 1 else login_throttle.failures + 1 end) >= ${maxFailures}
        then ${lockUntil.toISOString()}::timestamptz
        else login_throttle.locked_until end
  `);
}

/**
 * For a signed-in user who must re-enter their password (changing it): a wrong password counts
 * toward the same per-account lockout as a failed sign-in, and during a lockout it is refused.
 */
export async function checkAccountPassword(
  db: Db,
  options: { email: string; passwordHash: string; password: string; now?: Date },
): Promise<"ok" | "wrong" | "locked"> {
  const now = options.now ?? new Date();
  const key = accountKey(options.email);
  const [lock] = await activeLocks(db, [key], now);
  const passwordOk = await verifyPassword(options.passwordHash, options.password);
  if (lock) return "locked";
  if (passwordOk) return "ok";
  await recordFailure(db, key, THROTTLE.accountMaxFailures, now);
  logger.warn("auth.password_check_failed", { email: options.email.trim().toLowerCase() });
  return "wrong";
}
