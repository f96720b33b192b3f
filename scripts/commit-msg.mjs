#!/usr/bin/env node
// The commit-message check (`npm run hooks` installs it as git's commit-msg hook): a subject line of at
// most 72 characters that says what changed, a blank line, then the why in the body. Lines git itself
// drops (comments, everything below the scissors line of `commit -v`) are not part of the message.
import fs from "node:fs";

export const SUBJECT_MAX = 72;

/** The problems of a commit message as git will record it; empty when it passes. */
export function commitMessageProblems(text) {
  const lines = [];
  for (const line of text.split("\n")) {
    if (line.startsWith("# ------------------------ >8 ------------------------")) break;
    if (!line.startsWith("#")) lines.push(line.replace(/\s+$/, ""));
  }
  while (lines.length > 0 && lines[0] === "") lines.shift();
  const subject = lines[0] ?? "";
  const problems = [];
  if (subject === "") return ["the message is empty: write a subject line saying what changed"];
  if (subject.length > SUBJECT_MAX)
    problems.push(`the subject has ${subject.length} characters (at most ${SUBJECT_MAX}): move the detail to the body`);
  if (lines.length > 1 && lines[1] !== "")
    problems.push("the second line must be blank: the subject is one line, the body follows after a blank line");
  return problems;
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: scripts/commit-msg.mjs <message file>");
    process.exit(2);
  }
  const problems = commitMessageProblems(fs.readFileSync(file, "utf8"));
  if (problems.length > 0) {
    console.error(`commit message rejected:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    process.exit(1);
  }
}
