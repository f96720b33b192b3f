import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { commitMessageProblems } from "./commit-msg.mjs";

describe("the commit-message check", () => {
  it("passes a subject of at most 72 characters, a blank line and a body", () => {
    expect(commitMessageProblems(`${"a".repeat(72)}\n\nWhy: the numbers.\n`)).toEqual([]);
    expect(commitMessageProblems("Fix the sign of WB storno lines\n")).toEqual([]);
  });

  it("names a long subject, a missing blank line and an empty message", () => {
    expect(commitMessageProblems(`${"a".repeat(73)}\n`)).toEqual([
      "the subject has 73 characters (at most 72): move the detail to the body",
    ]);
    expect(commitMessageProblems("Subject\nbody right under it\n")).toEqual([
      "the second line must be blank: the subject is one line, the body follows after a blank line",
    ]);
    expect(commitMessageProblems("\n# only a comment\n")).toEqual([
      "the message is empty: write a subject line saying what changed",
    ]);
  });

  it("reads the message as git records it: comments and the diff under the scissors are not part of it", () => {
    const verbose = `Short subject\n\nBody.\n# Please enter the commit message\n# ------------------------ >8 ------------------------\n${"x".repeat(200)}\n`;
    expect(commitMessageProblems(verbose)).toEqual([]);
  });

  it("rejects through the hook with exit code 1", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "commit-msg-")), "MSG");
    fs.writeFileSync(file, `${"b".repeat(80)}\n`);
    const run = spawnSync(process.execPath, [path.join(__dirname, "commit-msg.mjs"), file], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("the subject has 80 characters");
    fs.writeFileSync(file, "Good subject\n");
    expect(spawnSync(process.execPath, [path.join(__dirname, "commit-msg.mjs"), file]).status).toBe(0);
  });
});
