// The Inngest runner: turns a job definition (lib/jobs) into an Inngest function. Steps become Inngest
// steps, invoke/sendEvent reach the other jobs' functions, and a typed failure becomes Inngest's retry
// semantics (429 -> RetryAfterError with the marketplace's delay, rejected credentials or scope ->
// NonRetriableError, anything else -> a plain, retried Error), with the failure kept in the cause.
import { eventType, type InngestFunction, NonRetriableError, referenceFunction, RetryAfterError } from "inngest";
import { jobDeps } from "@/lib/jobs/deps";
import { errorMessageOf, JobFailedError, type JobDefinition, type JobStep, jobFailureOf } from "@/lib/jobs/job";
import { retryPolicyOf } from "@/lib/jobs/sync-outcome";
import { inngest } from "./client";

const functionsByJob = new Map<string, InngestFunction.Any>();

/** Inngest's error for a job's failure: when to retry is read from the typed failure. */
export function toInngestError(error: unknown): unknown {
  if (!(error instanceof JobFailedError)) return error;
  const options = { cause: { failure: error.failure } };
  const policy = retryPolicyOf(error.failure);
  if (policy.retry === "after") return new RetryAfterError(error.message, policy.ms, options);
  if (policy.retry === "never") return new NonRetriableError(error.message, options);
  return new Error(error.message, options);
}

function eventOf(job: JobDefinition<unknown, unknown>): string {
  if (!job.event) throw new Error(`job ${job.id} has no event to start it by`);
  return job.event;
}

// the step tools Inngest passes a handler; only what the job step interface uses
interface InngestSteps {
  run(id: string, fn: () => Promise<unknown>): Promise<unknown>;
  sleep(id: string, ms: number): Promise<unknown>;
  sendEvent(id: string, payload: { name: string; data: unknown }): Promise<unknown>;
  invoke(id: string, opts: { function: unknown; data: unknown; timeout?: string }): Promise<unknown>;
}

function jobStepOf(step: InngestSteps): JobStep {
  return {
    run: async <T>(id: string, fn: () => Promise<T>) =>
      (await step.run(id, async () => {
        try {
          return await fn();
        } catch (error) {
          throw toInngestError(error);
        }
      })) as T,
    sleep: async (id, ms) => {
      await step.sleep(id, ms);
    },
    sendEvent: async (id, job, input) => {
      await step.sendEvent(id, { name: eventOf(job as JobDefinition<unknown, unknown>), data: input });
    },
    invoke: async <I, O>(id: string, job: JobDefinition<I, O>, input: I, options?: { timeout?: string }) => {
      const fn = functionsByJob.get(job.id) ?? referenceFunction({ functionId: job.id });
      try {
        return (await step.invoke(id, { function: fn, data: input, timeout: options?.timeout })) as O;
      } catch (error) {
        // the invoked job's typed failure comes back in the error's cause
        throw new JobFailedError(errorMessageOf(error), jobFailureOf(error));
      }
    },
  };
}

/** The Inngest function that runs `job`; inngest/functions/* are one call of this each. */
export function jobFunction<I, O>(job: JobDefinition<I, O>) {
  const getDb = () => jobDeps().getDb();
  const inputOf = (data: unknown): I => (job.schedule ? job.schedule.input : job.input.parse(data));
  // Inngest keys are expressions over the event; the job names a field of its input
  const key = (field?: string) => (field ? { key: `event.data.${field}` } : {});
  const fn = inngest.createFunction(
    {
      id: job.id,
      name: job.name,
      triggers: job.schedule
        ? [{ cron: `TZ=${job.schedule.timeZone} ${job.schedule.cron}` }]
        : [eventType(eventOf(job as JobDefinition<unknown, unknown>), { schema: job.input as never })],
      ...(job.concurrency ? { concurrency: [{ ...key(job.concurrency.key), limit: job.concurrency.limit }] } : {}),
      ...(job.singleton ? { singleton: { ...key(job.singleton.key), mode: "skip" as const } } : {}),
      ...(job.throttle ? { throttle: { ...job.throttle, ...key(job.throttle.key) } } : {}),
      // Inngest types retries as the literal range 0..20
      retries: job.retries as 0,
      onFailure: job.onFailure
        ? async ({ event, error }: { event: { data: { run_id: string; event: { data: unknown } } }; error: Error }) => {
            const data = event.data.event.data;
            const parsed = job.schedule
              ? { success: true as const, data: job.schedule.input }
              : job.input.safeParse(data);
            return job.onFailure!({
              input: parsed.success ? parsed.data : (data as I),
              runId: event.data.run_id,
              error,
              failure: jobFailureOf(error),
              getDb,
            });
          }
        : undefined,
    },
    async ({ event, step, runId }: { event: { data: unknown }; step: unknown; runId: string }) => {
      try {
        return await job.handler({ input: inputOf(event.data), runId, step: jobStepOf(step as InngestSteps), getDb });
      } catch (error) {
        throw toInngestError(error);
      }
    },
  );
  functionsByJob.set(job.id, fn as unknown as InngestFunction.Any);
  return fn;
}
