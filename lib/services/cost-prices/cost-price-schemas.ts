// Input rules for cost prices, shared by the actions, the service and the import.
import { z } from "zod";
import { addDays, businessToday, isIsoDay } from "@/lib/domain/dates";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { MAX_RECALC_DAYS } from "@/lib/services/metrics/recalculate-metrics";
import { MAX_IMPORT_BYTES } from "@/lib/upload-limits";
import { MoneyParseError, parseMoney } from "@/lib/domain/money";

/** numeric(14,2): at most 12 digits before the point */
export const MAX_COST_PRICE = "999999999999.99";

/** Parses a cost typed by a person ("1 234,50") into "1234.50", or explains why not. */
export function parseCostPrice(
  value: unknown,
):
  | { ok: true; value: string }
  | { ok: false; reason: "costNotNumber" | "costNegative" | "costTooLarge" | "costTooPrecise" } {
  let d;
  try {
    d = parseMoney(typeof value === "string" ? value.trim() : value);
  } catch (error) {
    if (error instanceof MoneyParseError) return { ok: false, reason: "costNotNumber" };
    throw error;
  }
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === ""))
    return { ok: false, reason: "costNotNumber" };
  if (d.isNegative()) return { ok: false, reason: "costNegative" };
  if (d.gt(MAX_COST_PRICE)) return { ok: false, reason: "costTooLarge" };
  if (d.decimalPlaces() > 2) return { ok: false, reason: "costTooPrecise" };
  return { ok: true, value: d.toFixed(2) };
}

/** The earliest day a change may start: the recalculation after it covers at most MAX_RECALC_DAYS up to today. */
export function earliestCostPriceDay(today: string): string {
  return addDays(today, -(MAX_RECALC_DAYS - 1));
}

export function costPriceToday(today?: string): string {
  return today ?? businessToday(getEnv().APP_TIMEZONE);
}

/**
 * Refuses a change whose recalculation would be refused. Called inside the transaction, before the
 * commit, so a refused change leaves neither the row nor its audit entry behind.
 */
export function assertRecalculableFrom(from: string, today: string): void {
  if (from < earliestCostPriceDay(today))
    throw new AppError("VALIDATION", "errors.costPriceTooEarly", { dtFrom: "errors.costPriceTooEarly" });
}

const costPrice = z.string().transform((v, ctx) => {
  const parsed = parseCostPrice(v);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: `errors.${parsed.reason}` });
    return z.NEVER;
  }
  return parsed.value;
});

const day = z.string().refine(isIsoDay, { message: "errors.invalidDate" });
const id = z.coerce.number().int().positive().max(2_147_483_647);

export const saveCostPriceSchema = z.object({
  /** set when editing an existing entry */
  id: z
    .union([z.literal(""), id])
    .optional()
    .transform((v) => (v === "" || v === undefined ? undefined : v)),
  skuId: id,
  dtFrom: day,
  costPrice,
});
export type SaveCostPriceInput = Omit<z.output<typeof saveCostPriceSchema>, "id"> & { id?: number };

export const deleteCostPriceSchema = z.object({ id });

/** A file travels as text (CSV) or base64 (XLSX): server actions here never accept File objects. */
export { MAX_IMPORT_BYTES };
export const MAX_IMPORT_ROWS = 20_000;

export const costPriceImportSchema = z.object({
  fileName: z.string().min(1).max(255),
  /** base64 of the file's bytes */
  contentBase64: z
    .string()
    .min(1)
    .max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4),
});
export type CostPriceImportInput = z.output<typeof costPriceImportSchema>;
