// Input rules for supply plans, shared by the actions and the services.
import { z } from "zod";
import { marketplaces } from "@/db/schema/accounts";
import { restockLocationKinds } from "@/db/schema/restock";

export const createSupplyPlanSchema = z.object({
  accountId: z.coerce.number().int().positive().nullable().optional(),
  marketplace: z.enum(marketplaces),
  locationKind: z.enum(restockLocationKinds),
  locationKey: z.string().min(1).max(100),
  locationName: z.string().max(200).nullable().optional(),
  lines: z
    .array(z.object({ skuId: z.number().int().positive(), qty: z.number().int().positive().max(10_000_000) }))
    .min(1, { message: "errors.supplyPlanEmpty" })
    .max(5000),
});
export type CreateSupplyPlanInput = z.output<typeof createSupplyPlanSchema>;

export const supplyPlanIdSchema = z.object({ planId: z.coerce.number().int().positive() });

export const createSupplyPlansFromAdviceSchema = z.object({
  adviceIds: z.array(z.coerce.number().int().positive()).min(1, { message: "errors.supplyPlanEmpty" }).max(5000),
});
