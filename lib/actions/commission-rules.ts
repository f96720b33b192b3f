"use server";
// Commission rule edits: save and delete recalculate the governed days and write an audit row;
// preview computes the effect on the last 30 days inside a rolled-back transaction.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { schema } from "@/db";
import { commissionChannels, marketplaces } from "@/db/schema";
import { isIsoDay } from "@/lib/domain/dates";
import { deleteCommissionRule } from "@/lib/services/commission-rules/delete-commission-rule";
import { previewCommissionRule } from "@/lib/services/commission-rules/preview-commission-rule";
import { saveCommissionRule } from "@/lib/services/commission-rules/save-commission-rule";
import { updateCommissionRule } from "@/lib/services/commission-rules/update-commission-rule";
import { writeAudit } from "@/lib/services/audit/write-audit";
import { type ActionContext, authedAction } from "./safe-action";

const ruleInput = z.object({
  marketplace: z.enum(marketplaces),
  channel: z.enum(commissionChannels).default("all"),
  dtFrom: z.string().refine(isIsoDay, { message: "errors.invalidValue" }),
  /** the rule object; validated in depth by the commission domain schema inside the service */
  rule: z.unknown(),
});

/** A rule as the audit log keeps it. */
function ruleAudit(key: { marketplace: string; channel: string; dtFrom: string }, rule: unknown) {
  return { marketplace: key.marketplace, channel: key.channel, dtFrom: key.dtFrom, rule };
}

/** The audit row of a change to rule `id` (the rules before and after as ruleAudit gives them). */
async function auditRule(ctx: ActionContext, action: string, id: number, before: unknown, after?: unknown) {
  await writeAudit(ctx.db, {
    actor: ctx.actor,
    action,
    entity: "commission_rule",
    entityId: id,
    before,
    after,
    correlationId: ctx.correlationId,
  });
}

/** The days a change recalculated, as the form reports them (null: none). */
function recalculatedDays(recalculated: { from: string; to: string } | null | undefined) {
  return recalculated ? { from: recalculated.from, to: recalculated.to } : null;
}

export const previewCommissionRuleAction = authedAction("previewCommissionRuleAction", ruleInput, async (input, ctx) =>
  previewCommissionRule(ctx.db, { ...input, days: 30 }),
);

export const saveCommissionRuleAction = authedAction("saveCommissionRuleAction", ruleInput, async (input, ctx) => {
  const [before] = await ctx.db
    .select()
    .from(schema.commissionRules)
    .where(eq(schema.commissionRules.marketplace, input.marketplace))
    .then((rows) => rows.filter((r) => r.dtFrom === input.dtFrom && r.channel === input.channel));
  // the parsed input is the rule's marketplace, channel, first day and percentages, nothing else
  const saved = await saveCommissionRule(ctx.db, input);
  await auditRule(
    ctx,
    before ? "commission_rule.update" : "commission_rule.create",
    saved.rule.id,
    before ? ruleAudit(before, before.ruleJson) : undefined,
    ruleAudit(saved.rule, saved.rule.rule),
  );
  return { id: saved.rule.id, recalculated: recalculatedDays(saved.recalculated) };
});

export const deleteCommissionRuleAction = authedAction(
  "deleteCommissionRuleAction",
  z.object({ id: z.coerce.number().int().positive() }),
  async (input, ctx) => {
    const [before] = await ctx.db.select().from(schema.commissionRules).where(eq(schema.commissionRules.id, input.id));
    const result = await deleteCommissionRule(ctx.db, { id: input.id });
    await auditRule(ctx, "commission_rule.delete", input.id, before ? ruleAudit(before, before.ruleJson) : undefined);
    return { recalculated: recalculatedDays(result.recalculated) };
  },
);

/** Edits one rule in place (its channel, first day and percentages); the affected days are recalculated. */
export const updateCommissionRuleAction = authedAction(
  "updateCommissionRuleAction",
  z.object({
    id: z.coerce.number().int().positive(),
    channel: z.enum(commissionChannels),
    dtFrom: z.string().refine(isIsoDay, { message: "errors.invalidValue" }),
    rule: z.unknown(),
  }),
  async (input, ctx) => {
    const updated = await updateCommissionRule(ctx.db, input);
    await auditRule(
      ctx,
      "commission_rule.update",
      input.id,
      ruleAudit(updated.before, updated.before.rule),
      ruleAudit(updated.rule, updated.rule.rule),
    );
    return { id: input.id, recalculated: recalculatedDays(updated.recalculated) };
  },
);
