"use server";
// Restock settings and supply plans. Each action is built with the one wrapper (session -> role -> zod
// -> service); roles are in policy.json (owner and editor). Each change of the plan's inputs asks for
// the current plan to be rebuilt (refresh-restock-plan), so the page follows what was just entered.
import {
  addSupplierClosureSchema,
  importRestockSettingsSchema,
  saveRestockSkuSettingsSchema,
  saveRestockStoreSettingsSchema,
  supplierClosureIdSchema,
} from "@/lib/services/restock/restock-settings-schemas";
import { addSupplierClosure, deleteSupplierClosure } from "@/lib/services/restock/supplier-closures";
import { createSupplyPlansFromAdvice } from "@/lib/services/restock/create-supply-plans-from-advice";
import { importRestockSettings } from "@/lib/services/restock/import-restock-settings";
import { saveRestockSkuSettings } from "@/lib/services/restock/save-restock-sku-settings";
import { saveRestockStoreSettings } from "@/lib/services/restock/save-restock-store-settings";
import { shipSupplyPlan } from "@/lib/services/restock/ship-supply-plan";
import { createSupplyPlansFromAdviceSchema, supplyPlanIdSchema } from "@/lib/services/restock/supply-plan-schemas";
import { requestRestockRefresh } from "@/lib/jobs/request-restock-refresh";
import { type ActionContext, authedAction } from "./safe-action";

/**
 * Awaits a change of the plan's inputs (a service throws when it refuses), then asks for the current
 * plan to be rebuilt unless `changed` says nothing was saved.
 */
async function thenRefresh<T>(
  ctx: ActionContext,
  reason: "settings" | "supply_plan",
  change: Promise<T>,
  changed: (result: T) => boolean = () => true,
): Promise<T> {
  const result = await change;
  if (changed(result)) await requestRestockRefresh({ db: ctx.db, reason });
  return result;
}

const audited = (ctx: ActionContext) => ({ db: ctx.db, actor: ctx.actor, correlationId: ctx.correlationId });

export const saveRestockStoreSettingsAction = authedAction(
  "saveRestockStoreSettingsAction",
  saveRestockStoreSettingsSchema,
  (input, ctx) => thenRefresh(ctx, "settings", saveRestockStoreSettings({ ...audited(ctx), input })),
);

export const saveRestockSkuSettingsAction = authedAction(
  "saveRestockSkuSettingsAction",
  saveRestockSkuSettingsSchema,
  (input, ctx) => thenRefresh(ctx, "settings", saveRestockSkuSettings({ ...audited(ctx), input })),
);

export const addSupplierClosureAction = authedAction(
  "addSupplierClosureAction",
  addSupplierClosureSchema,
  (input, ctx) => thenRefresh(ctx, "settings", addSupplierClosure({ ...audited(ctx), input })),
);

export const deleteSupplierClosureAction = authedAction(
  "deleteSupplierClosureAction",
  supplierClosureIdSchema,
  (input, ctx) => thenRefresh(ctx, "settings", deleteSupplierClosure({ ...audited(ctx), closureId: input.closureId })),
);

/** Saves a settings CSV only when every row is good; otherwise returns the bad rows with their lines. */
export const importRestockSettingsAction = authedAction(
  "importRestockSettingsAction",
  importRestockSettingsSchema,
  (input, ctx) =>
    thenRefresh(
      ctx,
      "settings",
      importRestockSettings({
        ...audited(ctx),
        fileName: input.fileName,
        bytes: Buffer.from(input.contentBase64, "base64"),
      }),
      (result) => result.saved,
    ),
);

export const createSupplyPlansAction = authedAction(
  "createSupplyPlansAction",
  createSupplyPlansFromAdviceSchema,
  (input, ctx) =>
    thenRefresh(ctx, "supply_plan", createSupplyPlansFromAdvice({ ...audited(ctx), adviceIds: input.adviceIds })),
);

export const shipSupplyPlanAction = authedAction("shipSupplyPlanAction", supplyPlanIdSchema, (input, ctx) =>
  thenRefresh(ctx, "supply_plan", shipSupplyPlan({ ...audited(ctx), planId: input.planId })),
);
