// Input rules for restock settings, shared by the actions, the services and the CSV import.
import { z } from "zod";
import { daysBetween, isIsoDay } from "@/lib/domain/dates";
import { SERVICE_LEVELS } from "@/lib/domain/restock/plan";

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const numberish = (v: unknown) => (typeof v === "string" ? Number(v.trim().replace(",", ".")) : v);

const int = (min: number, max: number, message: string) =>
  z.preprocess(numberish, z.number({ message }).int({ message }).min(min, { message }).max(max, { message }));
export const leadTimeDays = int(1, 365, "errors.restockLeadTime");
export const coverDays = int(0, 365, "errors.restockCoverDays");
export const moq = int(0, 1_000_000, "errors.restockMoq");
export const casePack = int(1, 100_000, "errors.restockCasePack");
export const serviceLevel = z.preprocess(
  numberish,
  z
    .number()
    .refine((n) => (SERVICE_LEVELS as readonly number[]).includes(n), { message: "errors.restockServiceLevel" }),
);
export const manualFactor = z.preprocess(
  numberish,
  z.number({ message: "errors.restockManualFactor" }).gt(0, { message: "errors.restockManualFactor" }).max(100, {
    message: "errors.restockManualFactor",
  }),
);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToNull, schema.nullable().optional());

export const saveRestockStoreSettingsSchema = z.object({
  accountId: z.coerce.number().int().positive(),
  leadTimeDays,
  coverDays,
  serviceLevel,
  moq,
  casePack,
  /** comma-separated warehouse ids in a form, an array from code */
  wbShipWarehouseIds: z
    .preprocess(
      (v) =>
        typeof v === "string"
          ? v
              .split(",")
              .map((s) => s.trim())
              .filter(Boolean)
              .map(Number)
          : (v ?? []),
      z.array(z.number().int().positive()).max(200),
    )
    .optional(),
});
export type SaveRestockStoreSettingsInput = z.output<typeof saveRestockStoreSettingsSchema>;

export const saveRestockSkuSettingsSchema = z.object({
  skuId: z.coerce.number().int().positive(),
  leadTimeDays: optional(leadTimeDays),
  coverDays: optional(coverDays),
  serviceLevel: optional(serviceLevel),
  moq: optional(moq),
  casePack: optional(casePack),
  manualFactor: optional(manualFactor),
});
export type SaveRestockSkuSettingsInput = z.output<typeof saveRestockSkuSettingsSchema>;

export const MAX_RESTOCK_IMPORT_BYTES = 2 * 1024 * 1024;
export const importRestockSettingsSchema = z.object({
  fileName: z.string().min(1).max(200),
  /** base64 of a CSV file */
  contentBase64: z.string().max(Math.ceil((MAX_RESTOCK_IMPORT_BYTES * 4) / 3) + 4),
});

/** the longest closure a store may enter, days (a year: anything longer is a supplier change, not a holiday) */
export const MAX_CLOSURE_DAYS = 366;
const closureDay = z.string({ message: "errors.closureDay" }).trim().refine(isIsoDay, { message: "errors.closureDay" });

export const addSupplierClosureSchema = z
  .object({
    accountId: z.coerce.number().int().positive(),
    firstDay: closureDay,
    lastDay: closureDay,
    note: z.preprocess(
      blankToNull,
      z.string().trim().max(200, { message: "errors.closureNote" }).nullable().optional(),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.lastDay < v.firstDay) ctx.addIssue({ code: "custom", path: ["lastDay"], message: "errors.closureOrder" });
    else if (daysBetween(v.firstDay, v.lastDay) >= MAX_CLOSURE_DAYS)
      ctx.addIssue({ code: "custom", path: ["lastDay"], message: "errors.closureLength" });
  });
export type AddSupplierClosureInput = z.output<typeof addSupplierClosureSchema>;

export const supplierClosureIdSchema = z.object({ closureId: z.coerce.number().int().positive() });
