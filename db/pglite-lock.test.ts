import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "./index";
import { lockPathFor, PgliteLockedError } from "./pglite-lock";

const root = path.resolve(__dirname, "..");
// node --import tsx runs TypeScript in this very process (the tsx binary would fork a grandchild that survives kill -9)
const tsNode = [process.execPath, "--import", "tsx"] as const;
const children: ChildProcess[] = [];

function holdInChild(dir: string): Promise<ChildProcess> {
  const child = spawn(tsNode[0], [...tsNode.slice(1), path.join(root, "db/testing/hold-pglite.ts"), dir], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let err = "";
    child.stderr!.on("data", (d) => (err += d));
    child.stdout!.on("data", (d) => String(d).includes("ready") && resolve(child));
    child.on("exit", (code) => reject(new Error(`holder exited ${code}: ${err}`)));
  });
}

afterEach(() => {
  for (const c of children.splice(0)) c.kill("SIGKILL");
});

describe("one owner per PGlite directory", () => {
  it("a second opener gets a clear error while the first process holds the directory", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sovani-lock-")), "nested", "pglite");
    const holder = await holdInChild(dir);
    await expect(openDatabase({ pgliteDir: dir })).rejects.toBeInstanceOf(PgliteLockedError);
    await expect(openDatabase({ pgliteDir: dir })).rejects.toThrow(
      /already open in another process \(pid \d+\).*DATABASE_URL/,
    );

    // the CLI path: a second process exits non-zero with the same message
    const cli = spawnSync(tsNode[0], [...tsNode.slice(1), path.join(root, "scripts/db-migrate.ts")], {
      cwd: root,
      env: { ...process.env, PGLITE_DIR: dir, DATABASE_URL: "" },
      encoding: "utf8",
    });
    expect(cli.status).not.toBe(0);
    expect(cli.stderr).toMatch(/already open in another process/);

    holder.kill("SIGKILL");
    await new Promise((r) => holder.once("exit", r));
    // a stale lock left by a killed owner is taken over
    expect(fs.existsSync(lockPathFor(dir))).toBe(true);
    const database = await openDatabase({ pgliteDir: dir });
    await database.close();
    expect(fs.existsSync(lockPathFor(dir))).toBe(false);
  }, 120_000);

  it("the same process may open its own directory again (re-entrant)", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sovani-lock-")), "pglite");
    const first = await openDatabase({ pgliteDir: dir });
    await first.close();
    const second = await openDatabase({ pgliteDir: dir });
    await second.close();
  }, 60_000);
});
