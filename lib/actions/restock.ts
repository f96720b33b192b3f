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
import type { Db } from "@/db";
import { authedAction } from "./safe-action";

/**
 * Awaits a change of the plan's inputs (a service throws when it refuses), then asks for the plan to be
 * rebuilt unless `changed` says nothing was saved.
 */
async function thenRefresh<T>(
  db: Db,
  reason: "settings" | "supply_plan",
  change: Promise<T>,
  changed: (result: T) => boolean = () => true,
): Promise<T> {
  const result = await change;
  if (changed(result)) await requestRestockRefresh({ db, reason });
  return result;
}

export const saveRestockStoreSettingsAction = authedAction(
  "saveRestockStoreSettingsAction",
  saveRestockStoreSettingsSchema,
  async (input, ctx) =>
    thenRefresh(
      ctx.db,
      "settings",
      saveRestockStoreSettings({ db: ctx.db, input, actor: ctx.actor, correlationId: ctx.correlationId }),
    ),
);

export const saveRestockSkuSettingsAction = authedAction(
  "saveRestockSkuSettingsAction",
  saveRestockSkuSettingsSchema,
  async (input, ctx) =>
    thenRefresh(
      ctx.db,
      "settings",
      saveRestockSkuSettings({ db: ctx.db, input, actor: ctx.actor, correlationId: ctx.correlationId }),
    ),
);

/** Saves a settings CSV only when every row is good; otherwise returns the bad rows with their lines. */
export const importRestockSettingsAction = authedAction(
  "importRestockSettingsAction",
  importRestockSettingsSchema,
  async (input, ctx) =>
    thenRefresh(
      ctx.db,
      "settings",
      importRestockSettings({
        db: ctx.db,
        fileName: input.fileName,
        bytes: Buffer.from(input.contentBase64, "base64"),
        actor: ctx.actor,
        correlationId: ctx.correlationId,
      }),
      (result) => result.saved,
    ),
);

export const createSupplyPlansAction = authedAction(
  "createSupplyPlansAction",
  createSupplyPlansFromAdviceSchema,
  async (input, ctx) =>
    thenRefresh(
      ctx.db,
      "supply_plan",
      createSupplyPlansFromAdvice({
        db: ctx.db,
        adviceIds: input.adviceIds,
        actor: ctx.actor,
        correlationId: ctx.correlationId,
      }),
    ),
);

export const shipSupplyPlanAction = authedAction("shipSupplyPlanAction", supplyPlanIdSchema, async (input, ctx) =>
  thenRefresh(
    ctx.db,
    "supply_plan",
    shipSupplyPlan({ db: ctx.db, planId: input.planId, actor: ctx.actor, correlationId: ctx.correlationId }),
  ),
);
