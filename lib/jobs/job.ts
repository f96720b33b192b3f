// One definition per job (lib/jobs/<job>.ts): its input schema, schedule, concurrency and a handler
// written against the small step interface below. Two runners execute the same definitions: the
// inline one (lib/jobs/run-inline.ts: embedded scheduler, CLI, "Sync now" without Inngest) and the
// Inngest one (inngest/job-function.ts), so the orchestration exists once (documenso's jobs).
import type { z } from "zod";
import type { Db } from "@/db";
import { type SyncFailure, syncFailureOf, syncFailureSchema } from "@/lib/marketplaces/http/errors";

export type JobTrigger = "cli" | "schedule" | "manual" | "inngest" | "demo" | "test";

export interface JobStep {
  /** a named unit of work; Inngest memoizes its (JSON) result across retries, inline it just runs */
  run<T>(id: string, fn: () => Promise<T>): Promise<T>;
  sleep(id: string, ms: number): Promise<void>;
  /** starts another job without waiting for its result (Inngest: an event; inline: runs it now) */
  sendEvent<I>(id: string, job: JobDefinition<I, unknown>, input: I): Promise<void>;
  /** runs another job and waits for its result; rejects with its failure when it fails */
  invoke<I, O>(id: string, job: JobDefinition<I, O>, input: I, options?: { timeout?: string }): Promise<O>;
}

export interface JobContext<I> {
  input: I;
  /** the run's id (Inngest's run id, or a random one inline): keys the job's run record */
  runId: string;
  step: JobStep;
  getDb(): Promise<Db>;
  /** aborted when the process running the job inline is asked to stop (npm run sync's Ctrl+C) */
  signal?: AbortSignal;
}

export interface JobFailureContext<I> {
  input: I;
  runId: string;
  error: Error;
  failure: SyncFailure;
  getDb(): Promise<Db>;
}

export interface JobDefinition<I, O> {
  id: string;
  name: string;
  /** the event that starts it (Inngest); its payload is the input */
  event?: string;
  /** cron (five fields) in timeZone, and the input a scheduled run gets */
  schedule?: { cron: string; timeZone: string; input: NoInfer<I> };
  input: z.ZodType<I>;
  /** at most `limit` runs at a time per value of input[key]; later ones queue */
  concurrency?: { key?: keyof I & string; limit: number };
  /** a run started while one with the same input[key] runs is skipped */
  singleton?: { key?: keyof I & string };
  /** run starts per value of input[key] are spread out (queued, never dropped) */
  throttle?: { key: keyof I & string; limit: number; period: `${number}${"s" | "m" | "h"}`; burst?: number };
  /** retries after the first attempt (Inngest; the inline runner does not retry) */
  retries: number;
  handler(ctx: JobContext<I>): Promise<O>;
  /** after the last attempt failed: mark records failed, tell someone */
  onFailure?(ctx: JobFailureContext<I>): Promise<unknown>;
}

export function defineJob<I, O>(definition: JobDefinition<I, O>): JobDefinition<I, O> {
  return definition;
}

/** A job step that failed in a known way: the runners decide retries on `failure`, not on the text. */
export class JobFailedError extends Error {
  constructor(
    message: string,
    public readonly failure: SyncFailure,
  ) {
    // the cause is plain data, so it survives Inngest's error serialization between functions
    super(message, { cause: { failure } });
    this.name = "JobFailedError";
  }
}

/** The typed failure an error carries: its own, or the one in its cause (an error that crossed Inngest). */
export function jobFailureOf(error: unknown): SyncFailure {
  if (error instanceof JobFailedError) return error.failure;
  const cause = error instanceof Error ? (error.cause as { failure?: unknown } | undefined) : undefined;
  const carried = syncFailureSchema.safeParse(cause?.failure);
  return carried.success ? carried.data : syncFailureOf(error);
}

export function errorMessageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
