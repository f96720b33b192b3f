// Review replies over real local HTTP: the emulator plays WB and Ozon (nothing reaches a marketplace),
// the services write to PGlite and PostgreSQL. Counted by the emulator's own record of what arrived.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "@/db";
import { users } from "@/db/schema/auth";
import { reviews } from "@/db/schema/facts";
import { reviewReplies } from "@/db/schema/replies";
import { useEmulator } from "@/lib/emulator/use-emulator";
import { marketplaceConfigForEmulator } from "@/lib/services/ingestion/config";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { replyToReview } from "./reply-to-review";
import { FAST_RESILIENCE as fast, syncFromEmulator } from "@/lib/services/ingestion/testing/emulator-sync";

describe.each(testDatabaseKinds())("replying to reviews through the emulator on %s", (kind) => {
  const { db } = useTestDatabase(kind);
  const emulator = useEmulator({ seed: 11, skus: 10, days: 10, warehouses: 2, endDate: "2026-11-20" });
  const config = () => marketplaceConfigForEmulator(emulator);
  let actor = { id: 0, email: "editor@example.com" };

  const sync = () => syncFromEmulator(db, emulator);
  const reply = (
    reviewId: string,
    text: string,
    key: string,
    extra: Partial<Parameters<typeof replyToReview>[1]> = {},
  ) =>
    replyToReview(db, {
      input: { reviewId, text, idempotencyKey: key },
      actor,
      config: config(),
      resilience: fast,
      ...extra,
    });
  /** an unanswered review no test has replied to yet */
  const unanswered = async (marketplace: "WB" | "OZON") => {
    const rows = rowsOf<{ id: string }>(
      await db.execute(sql`
        select r.review_id as id from reviews r
        where r.marketplace = ${marketplace} and r.reply_status = 'unanswered'
          and not exists (select 1 from review_replies x where x.review_id = r.review_id)
        order by r.review_id limit 1`),
    );
    expect(rows).toHaveLength(1);
    return rows[0].id;
  };
  const arrived = (reviewId: string) => emulator.replies.filter((r) => r.reviewId === reviewId);
  const stateOf = async (reviewId: string) =>
    (await db.select().from(reviewReplies).where(eq(reviewReplies.reviewId, reviewId))).map((r) => [r.kind, r.state]);

  it("sends a WB answer exactly once for a double click and a retry, and the next sync confirms it", async () => {
    const [user] = await db
      .insert(users)
      .values({ email: "editor@example.com", passwordHash: "x", role: "editor" })
      .returning({ id: users.id });
    actor = { id: user.id, email: "editor@example.com" };
    await sync();
    const id = await unanswered("WB");
    const text = "Спасибо за отзыв, Марина!";
    const [a, b] = await Promise.all([reply(id, text, "key-wb-1"), reply(id, text, "key-wb-1")]);
    expect(a.replyId).toBe(b.replyId);
    expect([a.isRepeat, b.isRepeat].sort()).toEqual([false, true]);
    const retry = await reply(id, text, "key-wb-1");
    expect(retry).toMatchObject({ replyId: a.replyId, isRepeat: true });
    expect(arrived(id)).toEqual([{ marketplace: "WB", kind: "answer", reviewId: id, text, applied: true }]);
    // the 204 was checked by reading the review back: one POST, then one GET of that review
    const calls = emulator.requests.filter(
      (r) => r.path === "/api/v1/feedbacks/answer" || r.path === "/api/v1/feedback",
    );
    expect(calls.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "POST /api/v1/feedbacks/answer 204",
      "GET /api/v1/feedback 200",
    ]);
    expect(await stateOf(id)).toEqual([["answer", "sent"]]);
    const audit = rowsOf<{ action: string; user_id: number }>(
      await db.execute(
        sql`select action, user_id from audit_log where entity = 'review' and entity_id = ${id} order by id`,
      ),
    );
    expect(audit).toEqual([
      { action: "review.reply", user_id: user.id },
      { action: "review.reply_sent", user_id: user.id },
    ]);

    await sync();
    expect(await stateOf(id)).toEqual([["answer", "confirmed"]]);
    const [row] = await db.select().from(reviews).where(eq(reviews.reviewId, id));
    expect(row.replyStatus).toBe("answered");
  });

  it("edits a WB answer once (PATCH), refuses a second edit and an edit after 60 days without sending", async () => {
    const id = await unanswered("WB");
    const sentAt = new Date();
    await reply(id, "Спасибо!", "key-edit-0", { now: () => sentAt });
    const edit = await reply(id, "Спасибо, размер уточнили.", "key-edit-1");
    expect(edit).toMatchObject({ kind: "edit", state: "sent", failure: null });
    await expect(reply(id, "Третий вариант", "key-edit-2")).rejects.toMatchObject({
      code: "CONFLICT",
      message: "errors.replyEditUsed",
    });
    expect(arrived(id).map((r) => `${r.kind} ${r.applied}`)).toEqual(["answer true", "edit true"]);

    const late = await unanswered("WB");
    await reply(late, "Спасибо!", "key-late-0", { now: () => new Date("2026-01-01T10:00:00Z") });
    await expect(
      reply(late, "Правка", "key-late-1", { now: () => new Date("2026-03-03T10:00:01Z") }),
    ).rejects.toMatchObject({ message: "errors.replyEditExpired" });
    expect(arrived(late).map((r) => r.kind)).toEqual(["answer"]);
  });

  it("a read-only token gets no_write_access and nothing is published", async () => {
    const id = await unanswered("WB");
    const before = emulator.replies.length;
    const outcome = await reply(id, "Спасибо за отзыв!", "key-ro-1", {
      config: { ...config(), wbToken: emulator.wbReadOnlyToken },
    });
    expect(outcome).toMatchObject({ state: "failed", failure: "no_write_access", isRepeat: false });
    expect(emulator.replies.length).toBe(before);
    const refused = emulator.requests.filter((r) => r.path === "/api/v1/feedbacks/answer" && r.status === 403);
    expect(refused).toHaveLength(1);
    // a failed reply does not block a new attempt with a token that may write
    const again = await reply(id, "Спасибо за отзыв!", "key-ro-2");
    expect(again).toMatchObject({ state: "sent", kind: "answer" });
    expect(arrived(id)).toHaveLength(1);
  });

  it("WB's 204 for a review WB does not have is caught by the re-read", async () => {
    const [store] = rowsOf<{ account_id: number }>(
      await db.execute(sql`select account_id from reviews where marketplace = 'WB' limit 1`),
    );
    await db.insert(reviews).values({
      reviewId: "wb-gone-review",
      marketplace: "WB",
      accountId: store.account_id,
      createdAtUtc: new Date("2026-11-15T10:00:00Z"),
      rating: 2,
      srcHash: "x",
    });
    const outcome = await reply("wb-gone-review", "Спасибо!", "key-gone-1");
    expect(outcome).toMatchObject({ state: "failed", failure: "not_accepted" });
    expect(arrived("wb-gone-review")).toEqual([
      { marketplace: "WB", kind: "answer", reviewId: "wb-gone-review", text: "Спасибо!", applied: false },
    ]);
  });

  it("posts an Ozon comment once; the next sync confirms it; a second reply is refused", async () => {
    const id = await unanswered("OZON");
    const outcome = await reply(id, "Спасибо за оценку!", "key-oz-1");
    expect(outcome).toMatchObject({ kind: "answer", state: "sent" });
    const [row] = await db.select().from(reviewReplies).where(eq(reviewReplies.reviewId, id));
    expect(row.externalId).toMatch(/^[0-9a-f-]{36}$/);
    expect(arrived(id)).toEqual([
      { marketplace: "OZON", kind: "comment", reviewId: id, text: "Спасибо за оценку!", applied: true },
    ]);
    await sync();
    expect(await stateOf(id)).toEqual([["answer", "confirmed"]]);
    await expect(reply(id, "Ещё раз", "key-oz-2")).rejects.toMatchObject({ message: "errors.replyAlreadyAnswered" });
    expect(arrived(id)).toHaveLength(1);
  });
});
