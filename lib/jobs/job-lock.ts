// A database lease per job name (job_locks), so two scheduler ticks, two processes on one
// PostgreSQL, or a "Sync now" during the nightly run never run the same job at once. A lease
// expires by itself (locked_until) when its holder dies; a live holder renews it.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { type Db, schema } from "@/db";
import { logger } from "@/lib/logger";

export interface JobLockOptions {
  db: Db;
  name: string;
  /** lease length; renewed every ttlMs / 3 while the job runs (default 10 minutes) */
  ttlMs?: number;
  /** who holds it (default: a random id per call) */
  holder?: string;
}

export type JobLockOutcome<T> = { ran: true; result: T } | { ran: false; heldBy: string; lockedUntil: Date };

/** Takes the lease if it is free or expired; returns the holder, or null when someone else holds it. */
export async function acquireJobLock(db: Db, name: string, holder: string, ttlMs: number): Promise<boolean> {
  const rows = await db
    .insert(schema.jobLocks)
    .values({ name, holder, lockedUntil: sql`now() + ${`${ttlMs} milliseconds`}::interval`, acquiredAt: sql`now()` })
    .onConflictDoUpdate({
      target: schema.jobLocks.name,
      set: { holder, lockedUntil: sql`now() + ${`${ttlMs} milliseconds`}::interval`, acquiredAt: sql`now()` },
      setWhere: sql`${schema.jobLocks.lockedUntil} < now() OR ${schema.jobLocks.holder} = ${holder}`,
    })
    .returning({ holder: schema.jobLocks.holder });
  return rows.length === 1;
}

export async function renewJobLock(db: Db, name: string, holder: string, ttlMs: number): Promise<boolean> {
  const rows = await db
    .update(schema.jobLocks)
    .set({ lockedUntil: sql`now() + ${`${ttlMs} milliseconds`}::interval` })
    .where(and(eq(schema.jobLocks.name, name), eq(schema.jobLocks.holder, holder)))
    .returning({ name: schema.jobLocks.name });
  return rows.length === 1;
}

export async function releaseJobLock(db: Db, name: string, holder: string): Promise<void> {
  await db.delete(schema.jobLocks).where(and(eq(schema.jobLocks.name, name), eq(schema.jobLocks.holder, holder)));
}

export interface JobLease {
  name: string;
  holder: string;
  /** stops renewing and deletes the lease */
  release(): Promise<void>;
}

/** Takes the lease and keeps renewing it until released; null when another live holder has it. */
export async function tryAcquireJobLease(options: JobLockOptions): Promise<JobLease | null> {
  const { db, name } = options;
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const holder = options.holder ?? `${process.pid}:${randomUUID()}`;
  if (!(await acquireJobLock(db, name, holder, ttlMs))) return null;
  const heartbeat = setInterval(
    () => {
      renewJobLock(db, name, holder, ttlMs).catch((error: Error) =>
        logger.warn("job.lock_renew_failed", { name, error: error.message }),
      );
    },
    Math.max(1000, Math.floor(ttlMs / 3)),
  );
  heartbeat.unref?.();
  let released = false;
  return {
    name,
    holder,
    async release() {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      await releaseJobLock(db, name, holder).catch((error: Error) =>
        logger.warn("job.lock_release_failed", { name, error: error.message }),
      );
    },
  };
}

/** Runs fn while holding the lease `name`; when another holder has it, returns { ran: false } without running. */
export async function withJobLock<T>(options: JobLockOptions, fn: () => Promise<T>): Promise<JobLockOutcome<T>> {
  const lease = await tryAcquireJobLease(options);
  if (!lease) {
    const [current] = await options.db.select().from(schema.jobLocks).where(eq(schema.jobLocks.name, options.name));
    logger.info("job.lock_busy", { name: options.name, heldBy: current?.holder });
    return { ran: false, heldBy: current?.holder ?? "unknown", lockedUntil: current?.lockedUntil ?? new Date() };
  }
  try {
    return { ran: true, result: await fn() };
  } finally {
    await lease.release();
  }
}
