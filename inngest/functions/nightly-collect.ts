// nightly-collect: the job defined in lib/jobs/nightly-collect.ts (cron "0 2 * * *" in UTC there).
import { nightlyCollectJob } from "@/lib/jobs/nightly-collect";
import { jobFunction } from "../job-function";
import "./sync-store";
import "./recalculate-metrics";

export const NIGHTLY_CRON = `TZ=${nightlyCollectJob.schedule!.timeZone} ${nightlyCollectJob.schedule!.cron}`;
export const nightlyCollectFunction = jobFunction(nightlyCollectJob);
