// The inline runner: runs a job definition in this process (embedded scheduler, CLI, "Sync now"
// without Inngest). Steps run at once, their results round-tripped through JSON as Inngest stores
// them; an invoked job runs before the caller goes on, an event's job runs when it is sent. No retries
// here: the marketplace clients retry their requests, and the next run catches up what failed.
// A job's concurrency limit holds here too, per job and key value within this process (later runs
// wait their turn, as Inngest queues them); across processes, and for the singleton jobs (nightly
// collection, Sync now), the database leases (job_locks) the callers take keep runs apart.
import { randomUUID } from "node:crypto";
import type { Db } from "@/db";
import { logger } from "@/lib/logger";
import type { SyncFailure } from "@/lib/marketplaces/http/errors";
import { jobDeps } from "./deps";
import { errorMessageOf, type JobDefinition, type JobStep, jobFailureOf } from "./job";

/** A job an inline run started by sending its event, and how it ended. */
export type DispatchedJob =
  | { job: string; runId: string; ok: true; result: unknown }
  | { job: string; runId: string; ok: false; error: string; failure: SyncFailure; onFailure: unknown };

export interface InlineRun<O> {
  runId: string;
  result: O;
  /** the jobs started by sendEvent, in order, with their outcome */
  dispatched: DispatchedJob[];
}

export interface RunJobInlineOptions {
  /** the database the job uses; default jobDeps().getDb() */
  db?: Db;
  runId?: string;
  /** handed to the job and the jobs it starts, so they can stop early */
  signal?: AbortSignal;
}

// what a failed job's onFailure returned, kept for the run that sent the job's event
const onFailureResults = new WeakMap<object, unknown>();

interface Slot {
  active: number;
  waiting: (() => void)[];
}
const slots = new Map<string, Slot>();

/** Waits for one of `limit` places of `name`; resolves with the function that gives it back. */
async function acquireSlot(name: string, limit: number): Promise<() => void> {
  let slot = slots.get(name);
  if (!slot) {
    slot = { active: 0, waiting: [] };
    slots.set(name, slot);
  }
  const held = slot;
  if (held.active >= limit) await new Promise<void>((resolve) => held.waiting.push(resolve));
  else held.active++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const next = held.waiting.shift();
    // the place passes straight to the next waiter; the slot goes when nobody holds or wants it
    if (next) next();
    else if (--held.active === 0) slots.delete(name);
  };
}

/** The concurrency place a run of `job` with `input` needs, or null when the job has no limit. */
function concurrencySlot<I>(job: JobDefinition<I, unknown>, input: I): { name: string; limit: number } | null {
  if (!job.concurrency) return null;
  const key = job.concurrency.key;
  const value = key ? String((input as Record<string, unknown>)[key]) : "";
  return { name: `${job.id}:${value}`, limit: job.concurrency.limit };
}

/** Runs of a job waiting for or holding a concurrency place in this process (tests). */
export function inlineRunsOf(jobId: string): number {
  let n = 0;
  for (const [name, slot] of slots) if (name.startsWith(`${jobId}:`)) n += slot.active + slot.waiting.length;
  return n;
}

function roundTrip<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Runs `job` with `input` here; rejects with the job's error after its onFailure ran. */
export async function runJobInline<I, O>(
  job: JobDefinition<I, O>,
  input: I,
  options: RunJobInlineOptions = {},
): Promise<InlineRun<O>> {
  const dispatched: DispatchedJob[] = [];
  const result = await execute(job, input, options, dispatched);
  return { ...result, dispatched };
}

async function execute<I, O>(
  job: JobDefinition<I, O>,
  rawInput: I,
  options: RunJobInlineOptions,
  dispatched: DispatchedJob[],
): Promise<{ runId: string; result: O }> {
  const input = job.input.parse(rawInput);
  const place = concurrencySlot(job, input);
  const release = place ? await acquireSlot(place.name, place.limit) : () => {};
  const runId = options.runId ?? randomUUID();
  const getDb = async () => options.db ?? (await jobDeps().getDb());
  const step: JobStep = {
    run: async (_id, fn) => roundTrip(await fn()),
    sleep: (_id, ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    sendEvent: async (_id, target, targetInput) => {
      const childRunId = randomUUID();
      try {
        const child = await execute(
          target,
          targetInput,
          { db: options.db, runId: childRunId, signal: options.signal },
          dispatched,
        );
        dispatched.push({ job: target.id, runId: childRunId, ok: true, result: child.result });
      } catch (error) {
        // an event's job fails on its own (its onFailure has run); the sender goes on, as with Inngest
        dispatched.push({
          job: target.id,
          runId: childRunId,
          ok: false,
          error: errorMessageOf(error),
          failure: jobFailureOf(error),
          onFailure: error instanceof Error ? onFailureResults.get(error) : undefined,
        });
      }
    },
    invoke: async (_id, target, targetInput) =>
      roundTrip((await execute(target, targetInput, { db: options.db, signal: options.signal }, dispatched)).result),
  };
  try {
    return { runId, result: await job.handler({ input, runId, step, getDb, signal: options.signal }) };
  } catch (error) {
    const failure = jobFailureOf(error);
    logger.error("job.failed", { job: job.id, runId, kind: failure.kind, error: errorMessageOf(error) });
    if (job.onFailure) {
      try {
        const handled = await job.onFailure({
          input,
          runId,
          error: error instanceof Error ? error : new Error(String(error)),
          failure,
          getDb,
        });
        if (error instanceof Error) onFailureResults.set(error, handled);
      } catch (handlerError) {
        logger.error("job.on_failure_failed", { job: job.id, runId, error: errorMessageOf(handlerError) });
      }
    }
    throw error;
  } finally {
    // the concurrency place is given back after onFailure ran
    release();
  }
}
