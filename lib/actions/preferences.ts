"use server";
// Per-user UI settings: every signed-in role may change its own, nobody anyone else's.
import { z } from "zod";
import { skuOptionalColumnIds } from "@/lib/data/sku-columns-choice";
import { saveUserPreference } from "@/lib/services/preferences/save-user-preference";
import { authedAction } from "./safe-action";

export const saveSkuColumnsAction = authedAction(
  "saveSkuColumnsAction",
  z.object({ columns: z.array(z.enum(skuOptionalColumnIds)).max(skuOptionalColumnIds.length) }),
  async (input, ctx) => {
    const columns = skuOptionalColumnIds.filter((id) => input.columns.includes(id));
    await saveUserPreference(ctx.db, { userId: ctx.user.id, key: "skus.columns", value: columns });
    return { columns };
  },
);
