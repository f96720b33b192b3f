// Shared pieces of record validation: ids that may exceed 2^53 are kept as decimal strings, money is
// accepted as number or string and parsed exactly later, and a failure names the offending field.
import { z } from "zod";

export class RecordError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "RecordError";
  }
}

/** an integer id as a decimal string (numbers beyond 2^53 arrive as strings from parseJsonExact) */
export const idString = z.union([
  z.number().int().transform((n) => String(n)),
  z.string().regex(/^-?\d+$/, "expected an integer id"),
]);

/** money as sent: JSON number, numeric string, null or absent */
export const money = z.union([z.number(), z.string(), z.null()]).optional();

/** money wrapped the Ozon way: { amount: "412.37", currency: "RUB" } */
export const moneyObject = z.object({ amount: z.union([z.string(), z.number()]), currency: z.string().optional() }).nullish();

export function zodReason(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join(".") || "record"}: ${i.message}`)
    .join("; ");
}
