import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "@/db";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { acquireJobLock, withJobLock } from "./job-lock";

describe.each(testDatabaseKinds())("job lock (%s)", (kind) => {
  const { db } = useTestDatabase(kind);

  it("lets one holder run at a time and releases afterwards", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const events: string[] = [];
    const first = withJobLock({ db, name: "nightly", holder: "a" }, async () => {
      events.push("a:start");
      await gate;
      events.push("a:end");
      return 1;
    });
    // wait until a holds the lease
    while (!events.includes("a:start")) await new Promise((r) => setTimeout(r, 5));
    const second = await withJobLock({ db, name: "nightly", holder: "b" }, async () => {
      events.push("b:ran");
      return 2;
    });
    expect(second).toMatchObject({ ran: false, heldBy: "a" });
    // another job name is independent
    expect(await withJobLock({ db, name: "sync:1", holder: "b" }, async () => "other")).toEqual({
      ran: true,
      result: "other",
    });
    release();
    expect(await first).toEqual({ ran: true, result: 1 });
    expect(await db.select().from(schema.jobLocks).where(eq(schema.jobLocks.name, "nightly"))).toEqual([]);
    expect(await withJobLock({ db, name: "nightly", holder: "b" }, async () => 3)).toEqual({ ran: true, result: 3 });
    expect(events).toEqual(["a:start", "a:end"]);
  });

  it("releases the lease when the job throws", async () => {
    await expect(
      withJobLock({ db, name: "boom", holder: "a" }, async () => Promise.reject(new Error("failed"))),
    ).rejects.toThrow("failed");
    expect(await acquireJobLock(db, "boom", "b", 60_000)).toBe(true);
  });

  it("takes over an expired lease of a dead holder, never a live one", async () => {
    expect(await acquireJobLock(db, "lease", "dead", 60_000)).toBe(true);
    expect(await acquireJobLock(db, "lease", "other", 60_000)).toBe(false);
    await db
      .update(schema.jobLocks)
      .set({ lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(schema.jobLocks.name, "lease"));
    expect(await acquireJobLock(db, "lease", "other", 60_000)).toBe(true);
    const [row] = await db.select().from(schema.jobLocks).where(eq(schema.jobLocks.name, "lease"));
    expect(row.holder).toBe("other");
  });

  it("renews the lease while a long job runs", async () => {
    const result = await withJobLock({ db, name: "long", holder: "a", ttlMs: 1500 }, async () => {
      await new Promise((r) => setTimeout(r, 2500));
      // past the first ttl, but renewed: nobody else may take it
      return acquireJobLock(db, "long", "b", 1500);
    });
    expect(result).toEqual({ ran: true, result: false });
  });
});
