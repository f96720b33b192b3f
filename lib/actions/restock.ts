"use server";
// Restock settings and supply plans. Each action is built with the one wrapper (session -> role -> zod
// -> service); roles are in policy.json (owner and editor). Each change of the plan's inputs asks for
// the current plan to be rebuilt (refresh-restock-plan), so the page follows what was just entered.
import {
  importRestockSettingsSchema,
  saveRestockSkuSettingsSchema,
  saveRestockStoreSettingsSchema,
} from "@/lib/services/restock/restock-settings-schemas";
import { createSupplyPlansFromAdvice } from "@/lib/services/restock/create-supply-plans-from-advice";
import { importRestockSettings } from "@/lib/services/restock/import-restock-settings";
import { saveRestockSkuSettings } from "@/lib/services/restock/save-restock-sku-settings";
import { saveRestockStoreSettings } from "@/lib/services/restock/save-restock-store-settings";
import { shipSupplyPlan } from "@/lib/services/restock/ship-supply-plan";
import { createSupplyPlansFromAdviceSchema, supplyPlanIdSchema } from "@/lib/services/restock/supply-plan-schemas";
import { requestRestockRefresh } from "@/lib/jobs/request-restock-refresh";
import type { z } from "zod";
import { type ActionContext, authedAction } from "./safe-action";

/**
 * An action that changes the plan's inputs: runs the service (which throws when it refuses), then asks
 * for the current plan to be rebuilt unless `changed` says nothing was saved.
 */
function planInputAction<S extends z.ZodType, T>(
  name: string,
  schema: S,
  reason: "settings" | "supply_plan",
  change: (input: z.output<S>, ctx: ActionContext) => Promise<T>,
  changed: (result: T) => boolean = () => true,
) {
  return authedAction(name, schema, async (input, ctx) => {
    const result = await change(input, ctx);
    if (changed(result)) await requestRestockRefresh({ db: ctx.db, reason });
    return result;
  });
}

const audited = (ctx: ActionContext) => ({ db: ctx.db, actor: ctx.actor, correlationId: ctx.correlationId });

export const saveRestockStoreSettingsAction = planInputAction(
  "saveRestockStoreSettingsAction",
  saveRestockStoreSettingsSchema,
  "settings",
  (input, ctx) => saveRestockStoreSettings({ ...audited(ctx), input }),
);

export const saveRestockSkuSettingsAction = planInputAction(
  "saveRestockSkuSettingsAction",
  saveRestockSkuSettingsSchema,
  "settings",
  (input, ctx) => saveRestockSkuSettings({ ...audited(ctx), input }),
);

/** Saves a settings CSV only when every row is good; otherwise returns the bad rows with their lines. */
export const importRestockSettingsAction = planInputAction(
  "importRestockSettingsAction",
  importRestockSettingsSchema,
  "settings",
  (input, ctx) =>
    importRestockSettings({
      ...audited(ctx),
      fileName: input.fileName,
      bytes: Buffer.from(input.contentBase64, "base64"),
    }),
  (result) => result.saved,
);

export const createSupplyPlansAction = planInputAction(
  "createSupplyPlansAction",
  createSupplyPlansFromAdviceSchema,
  "supply_plan",
  (input, ctx) => createSupplyPlansFromAdvice({ ...audited(ctx), adviceIds: input.adviceIds }),
);

export const shipSupplyPlanAction = planInputAction(
  "shipSupplyPlanAction",
  supplyPlanIdSchema,
  "supply_plan",
  (input, ctx) => shipSupplyPlan({ ...audited(ctx), planId: input.planId }),
);
