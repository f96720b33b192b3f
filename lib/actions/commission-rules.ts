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
import { authedAction } from "./safe-action";

const ruleInput = z.object({
  marketplace: z.enum(marketplaces),
  channel: z.enum(commissionChannels).default("all"),
  dtFrom: z.string().refine(isIsoDay, { message: "errors.invalidValue" }),
  /** the rule object; validated in depth by the commission domain schema inside the service */
  rule: z.unknown(),
});

/** A rule as the audit log keeps it. */
function ruleAudit(marketplace: string, channel: string, dtFrom: string, rule: unknown) {
  return { marketplace, channel, dtFrom, rule };
}

export const previewCommissionRuleAction = authedAction("previewCommissionRuleAction", ruleInput, async (input, ctx) =>
  previewCommissionRule(ctx.db, {
    marketplace: input.marketplace,
    channel: input.channel,
    dtFrom: input.dtFrom,
    rule: input.rule,
    days: 30,
  }),
);

export const saveCommissionRuleAction = authedAction("saveCommissionRuleAction", ruleInput, async (input, ctx) => {
  const [before] = await ctx.db
    .select()
    .from(schema.commissionRules)
    .where(eq(schema.commissionRules.marketplace, input.marketplace))
    .then((rows) => rows.filter((r) => r.dtFrom === input.dtFrom && r.channel === input.channel));
  const saved = await saveCommissionRule(ctx.db, {
    marketplace: input.marketplace,
    channel: input.channel,
    dtFrom: input.dtFrom,
    rule: input.rule,
  });
  await writeAudit(ctx.db, {
    actor: ctx.actor,
    action: before ? "commission_rule.update" : "commission_rule.create",
    entity: "commission_rule",
    entityId: saved.rule.id,
    before: before ? ruleAudit(before.marketplace, before.channel, before.dtFrom, before.ruleJson) : undefined,
    after: ruleAudit(saved.rule.marketplace, saved.rule.channel, saved.rule.dtFrom, saved.rule.rule),
    correlationId: ctx.correlationId,
  });
  return {
    id: saved.rule.id,
    recalculated: saved.recalculated ? { from: saved.recalculated.from, to: saved.recalculated.to } : null,
  };
});

export const deleteCommissionRuleAction = authedAction(
  "deleteCommissionRuleAction",
  z.object({ id: z.coerce.number().int().positive() }),
  async (input, ctx) => {
    const [before] = await ctx.db.select().from(schema.commissionRules).where(eq(schema.commissionRules.id, input.id));
    const result = await deleteCommissionRule(ctx.db, { id: input.id });
    await writeAudit(ctx.db, {
      actor: ctx.actor,
      action: "commission_rule.delete",
      entity: "commission_rule",
      entityId: input.id,
      before: before ? ruleAudit(before.marketplace, before.channel, before.dtFrom, before.ruleJson) : undefined,
      correlationId: ctx.correlationId,
    });
    return {
      recalculated: result.recalculated ? { from: result.recalculated.from, to: result.recalculated.to } : null,
    };
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
    const updated = await updateCommissionRule(ctx.db, {
      id: input.id,
      channel: input.channel,
      dtFrom: input.dtFrom,
      rule: input.rule,
    });
    await writeAudit(ctx.db, {
      actor: ctx.actor,
      action: "commission_rule.update",
      entity: "commission_rule",
      entityId: input.id,
      before: ruleAudit(updated.before.marketplace, updated.before.channel, updated.before.dtFrom, updated.before.rule),
      after: ruleAudit(updated.rule.marketplace, updated.rule.channel, updated.rule.dtFrom, updated.rule.rule),
      correlationId: ctx.correlationId,
    });
    return {
      id: input.id,
      recalculated: updated.recalculated ? { from: updated.recalculated.from, to: updated.recalculated.to } : null,
    };
  },
);
