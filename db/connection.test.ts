// Every PostgreSQL connection of the app's pool runs with JIT off (db/index.ts): its compile time cost
// the SKU period and recalculation statements far more than it saved.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase, rowsOf, withJitOff } from "@/db";
import { createScratchPostgres, testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";

describe("withJitOff", () => {
  it("adds jit=off after the URL's own startup options and keeps the rest of it", () => {
    expect(withJitOff("postgres://sovani:p%40ss@db.local:6432/sovani?sslmode=require")).toBe(
      "postgres://sovani:p%40ss@db.local:6432/sovani?sslmode=require&options=-c+jit%3Doff",
    );
    const kept = new URL(withJitOff("postgres://h/db?options=-c%20statement_timeout%3D5000"));
    expect(kept.searchParams.get("options")).toBe("-c statement_timeout=5000 -c jit=off");
  });
});

describe.skipIf(!testDatabaseKinds().includes("postgres"))("PostgreSQL connections", () => {
  const database = useTestDatabase("postgres");

  it("have JIT off on every connection of the pool", async () => {
    const db = database.db;
    // five at once: each on its own connection of the pool
    const settings = await Promise.all(
      Array.from({ length: 5 }, () =>
        db.transaction(async (tx) => {
          const [row] = rowsOf<{ jit: string; pid: number }>(
            await tx.execute(sql`SELECT current_setting('jit') AS jit, pg_backend_pid() AS pid, pg_sleep(0.05)`),
          );
          return row;
        }),
      ),
    );
    expect(new Set(settings.map((s) => s.pid)).size).toBe(5);
    expect(settings.map((s) => s.jit)).toEqual(["off", "off", "off", "off", "off"]);
  });

  it("keep the startup options of the database URL beside it", async () => {
    const scratch = await createScratchPostgres();
    const url = new URL(scratch.url);
    url.searchParams.set("options", "-c statement_timeout=12345");
    const opened = await openDatabase({ url: url.toString(), maxConnections: 1 });
    try {
      const [row] = rowsOf<{ jit: string; timeout: string }>(
        await opened.db.execute(
          sql`SELECT current_setting('jit') AS jit, current_setting('statement_timeout') AS timeout`,
        ),
      );
      expect(row).toEqual({ jit: "off", timeout: "12345ms" });
    } finally {
      await opened.close();
      await scratch.drop();
    }
  });
});
