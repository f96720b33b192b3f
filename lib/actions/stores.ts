"use server";
// Store management (owner). Tokens go in, never come out: results carry ids and outcomes only.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { redactText } from "@/lib/logger";
import { addStore } from "@/lib/services/stores/add-store";
import { checkStoreConnection } from "@/lib/services/stores/check-store-connection";
import { renameStore } from "@/lib/services/stores/rename-store";
import { replaceStoreCredentials } from "@/lib/services/stores/replace-store-credentials";
import { setStoreActive } from "@/lib/services/stores/set-store-active";
import { formBoolean } from "./form-fields";
import { auditedCall } from "./audited-call";
import { authedAction } from "./safe-action";

const storeId = z.coerce.number().int().positive().max(2_147_483_647);
const name = z.string().trim().min(1).max(100);
const token = z.string().trim().min(16).max(4000);
const clientId = z.string().trim().min(1).max(20).regex(/^\d+$/, "errors.digitsOnly");

const credentials = z.discriminatedUnion("marketplace", [
  z.object({ marketplace: z.literal("WB"), token }),
  z.object({ marketplace: z.literal("OZON"), clientId, apiKey: token }),
]);

export const addStoreAction = authedAction(
  "addStoreAction",
  z.intersection(z.object({ name }), credentials),
  async (input, ctx) => {
    const created = await addStore(ctx.db, { ...input, actor: ctx.actor, correlationId: ctx.correlationId });
    revalidatePath("/settings/stores");
    revalidatePath("/", "layout");
    return created;
  },
);

export const replaceStoreCredentialsAction = authedAction(
  "replaceStoreCredentialsAction",
  z.intersection(z.object({ storeId }), credentials),
  async (input, ctx) => {
    const { storeId: id, ...creds } = input;
    await replaceStoreCredentials(ctx.db, {
      storeId: id,
      credentials: creds as z.output<typeof credentials>,
      actor: ctx.actor,
      correlationId: ctx.correlationId,
    });
    revalidatePath("/settings/stores");
    return null;
  },
);

export const renameStoreAction = authedAction(
  "renameStoreAction",
  z.object({ storeId, name }),
  auditedCall(renameStore, "/", "layout"),
);

export const setStoreActiveAction = authedAction(
  "setStoreActiveAction",
  z.object({
    storeId,
    active: formBoolean,
  }),
  auditedCall(setStoreActive, "/", "layout"),
);

export const testStoreConnectionAction = authedAction(
  "testStoreConnectionAction",
  z.object({ storeId }),
  async (input, ctx) => {
    const result = await checkStoreConnection(ctx.db, { storeId: input.storeId });
    // the store list, its page and the sync page show the same state
    revalidatePath("/settings/stores", "layout");
    revalidatePath("/sync");
    return result.ok
      ? { ok: true as const }
      : { ok: false as const, reason: result.reason, detail: redactText(result.detail).slice(0, 300) };
  },
);
