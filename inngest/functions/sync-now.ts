// sync-now: the job defined in lib/jobs/sync-now.ts.
import { syncNowJob } from "@/lib/jobs/sync-now";
import { jobFunction } from "../job-function";
import "./sync-store";
import "./recalculate-metrics";

export const syncNowFunction = jobFunction(syncNowJob);
