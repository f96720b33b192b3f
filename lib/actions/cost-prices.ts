"use server";
// Cost price edits and imports. Each action is built with the one wrapper (session -> role -> zod ->
// service); roles are in policy.json (owner and editor).
import { previewCostPriceImport } from "@/lib/services/cost-prices/preview-cost-price-import";
import { importCostPrices } from "@/lib/services/cost-prices/import-cost-prices";
import {
  costPriceImportSchema,
  deleteCostPriceSchema,
  saveCostPriceSchema,
} from "@/lib/services/cost-prices/cost-price-schemas";
import { deleteCostPrice } from "@/lib/services/cost-prices/delete-cost-price";
import { saveCostPrice } from "@/lib/services/cost-prices/save-cost-price";
import { authedAction } from "./safe-action";

export const saveCostPriceAction = authedAction("saveCostPriceAction", saveCostPriceSchema, async (input, ctx) =>
  saveCostPrice({ db: ctx.db, input, actor: ctx.actor, correlationId: ctx.correlationId }),
);

export const deleteCostPriceAction = authedAction("deleteCostPriceAction", deleteCostPriceSchema, async (input, ctx) =>
  deleteCostPrice({ db: ctx.db, id: input.id, actor: ctx.actor, correlationId: ctx.correlationId }),
);

/** Checks a file and lists its bad rows; saves nothing. */
export const previewCostPriceImportAction = authedAction(
  "previewCostPriceImportAction",
  costPriceImportSchema,
  async (input, ctx) => previewCostPriceImport(ctx.db, input.fileName, Buffer.from(input.contentBase64, "base64")),
);

/** Saves a file only when every row is good (checked again here, never trusted from the preview). */
export const importCostPricesAction = authedAction(
  "importCostPricesAction",
  costPriceImportSchema,
  async (input, ctx) =>
    importCostPrices({
      db: ctx.db,
      fileName: input.fileName,
      bytes: Buffer.from(input.contentBase64, "base64"),
      actor: ctx.actor,
      correlationId: ctx.correlationId,
    }),
);
