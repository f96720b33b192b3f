// Deletes a stored reply template (audited); replies already sent keep their text.
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { reviewReplyTemplates } from "@/db/schema/replies";
import { AppError } from "@/lib/errors";
import { type AuditActor, writeAudit } from "@/lib/services/audit/write-audit";

export interface DeleteReplyTemplateOptions {
  id: number;
  actor: AuditActor;
  correlationId?: string;
}

export async function deleteReplyTemplate(db: Db, options: DeleteReplyTemplateOptions): Promise<void> {
  await db.transaction(async (tx) => {
    const [deleted] = await tx.delete(reviewReplyTemplates).where(eq(reviewReplyTemplates.id, options.id)).returning();
    if (!deleted) throw new AppError("NOT_FOUND", "errors.notFound");
    await writeAudit(tx, {
      actor: options.actor,
      action: "reply_template.delete",
      entity: "reply_template",
      entityId: options.id,
      before: { name: deleted.name, body: deleted.body },
      correlationId: options.correlationId,
    });
  });
}
