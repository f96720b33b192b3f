// recalculate-metrics: the job defined in lib/jobs/recalculate-metrics.ts.
import { recalculateMetricsJob } from "@/lib/jobs/recalculate-metrics";
import { jobFunction } from "../job-function";

export const recalculateMetricsFunction = jobFunction(recalculateMetricsJob);
