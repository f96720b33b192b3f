// refresh-restock-plan: the job defined in lib/jobs/refresh-restock-plan.ts.
import { refreshRestockPlanJob } from "@/lib/jobs/refresh-restock-plan";
import { jobFunction } from "../job-function";

export const refreshRestockPlanFunction = jobFunction(refreshRestockPlanJob);
