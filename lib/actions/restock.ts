"use server";
// Restock settings and supply plans. Each action is built with the one wrapper (session -> role -> zod
// -> service); roles are in policy.json (owner and editor).
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
import { authedAction } from "./safe-action";

export const saveRestockStoreSettingsAction = authedAction(
  "saveRestockStoreSettingsAction",
  saveRestockStoreSettingsSchema,
  async (input, ctx) =>
    saveRestockStoreSettings({ db: ctx.db, input, actor: ctx.actor, correlationId: ctx.correlationId }),
);

export const saveRestockSkuSettingsAction = authedAction(
  "saveRestockSkuSettingsAction",
  saveRestockSkuSettingsSchema,
  async (input, ctx) =>
    saveRestockSkuSettings({ db: ctx.db, input, actor: ctx.actor, correlationId: ctx.correlationId }),
);

/** Saves a settings CSV only when every row is good; otherwise returns the bad rows with their lines. */
export const importRestockSettingsAction = authedAction(
  "importRestockSettingsAction",
  importRestockSettingsSchema,
  async (input, ctx) =>
    importRestockSettings({
      db: ctx.db,
      fileName: input.fileName,
      bytes: Buffer.from(input.contentBase64, "base64"),
      actor: ctx.actor,
      correlationId: ctx.correlationId,
    }),
);

export const createSupplyPlansAction = authedAction(
  "createSupplyPlansAction",
  createSupplyPlansFromAdviceSchema,
  async (input, ctx) =>
    createSupplyPlansFromAdvice({
      db: ctx.db,
      adviceIds: input.adviceIds,
      actor: ctx.actor,
      correlationId: ctx.correlationId,
    }),
);

export const shipSupplyPlanAction = authedAction("shipSupplyPlanAction", supplyPlanIdSchema, async (input, ctx) =>
  shipSupplyPlan({ db: ctx.db, planId: input.planId, actor: ctx.actor, correlationId: ctx.correlationId }),
);
