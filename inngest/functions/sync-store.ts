// sync-store: the job defined in lib/jobs/sync-store.ts (schedule, concurrency and retries there).
import { syncStoreJob } from "@/lib/jobs/sync-store";
import { jobFunction } from "../job-function";

export const syncStoreFunction = jobFunction(syncStoreJob);
