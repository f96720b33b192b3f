// Adds or edits a stored reply template (audited). {name} and {product} are filled in when it is used.
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { reviewReplyTemplates } from "@/db/schema/replies";
import { AppError } from "@/lib/errors";
import { type AuditActor, writeAudit } from "@/lib/services/audit/write-audit";
import { type SaveReplyTemplateInput, saveReplyTemplateSchema } from "./reply-schemas";

export interface SaveReplyTemplateOptions {
  input: SaveReplyTemplateInput;
  actor: AuditActor;
  correlationId?: string;
}

export async function saveReplyTemplate(db: Db, options: SaveReplyTemplateOptions): Promise<{ id: number }> {
  const input = saveReplyTemplateSchema.parse(options.input);
  return db.transaction(async (tx) => {
    let before: typeof reviewReplyTemplates.$inferSelect | undefined;
    let id: number;
    if (input.id) {
      [before] = await tx.select().from(reviewReplyTemplates).where(eq(reviewReplyTemplates.id, input.id));
      if (!before) throw new AppError("NOT_FOUND", "errors.notFound");
      await tx
        .update(reviewReplyTemplates)
        .set({ name: input.name, body: input.body, updatedBy: options.actor.id, updatedAt: sql`now()` })
        .where(eq(reviewReplyTemplates.id, input.id));
      id = input.id;
    } else {
      const [row] = await tx
        .insert(reviewReplyTemplates)
        .values({ name: input.name, body: input.body, updatedBy: options.actor.id })
        .returning({ id: reviewReplyTemplates.id });
      id = row.id;
    }
    await writeAudit(tx, {
      actor: options.actor,
      action: before ? "reply_template.update" : "reply_template.create",
      entity: "reply_template",
      entityId: id,
      before: before ? { name: before.name, body: before.body } : undefined,
      after: { name: input.name, body: input.body },
      correlationId: options.correlationId,
    });
    return { id };
  });
}
