// An empty database for a process the test starts (the CLI, a child it kills): a scratch PostgreSQL
// database or a fresh PGlite directory, dropped or removed by the suite's cleanup.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createScratchPostgres, type TestDatabaseKind } from "@/lib/testing/database";

export async function scratchTarget(
  kind: TestDatabaseKind,
  prefix: string,
  cleanup: (() => Promise<void>)[],
): Promise<{ url: string } | { pgliteDir: string }> {
  if (kind === "postgres") {
    const scratch = await createScratchPostgres();
    cleanup.push(scratch.drop);
    return { url: scratch.url };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanup.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  return { pgliteDir: path.join(dir, "pglite") };
}
