// Failures travel as data (SyncFailure, SourceSummary.failure / .skipped), never as text to be read back:
// no source outside tests may apply a regular expression or a prefix test to an error's message.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOTS = ["lib", "inngest", "app", "scripts", "components"];

// an error-ish operand: message, error, err, detail, reason, lastError, statusDetail (any casing, as a word part)
const ERRORISH = String.raw`[\w.?!]*(?:message|error|err|detail|reason|statusDetail)\w*`;
const RULES: { name: string; pattern: RegExp }[] = [
  // RATE_LIMITED.exec(message), /rejected/.test(error.message)
  {
    name: "regular expression run on an error's text",
    pattern: new RegExp(String.raw`\.(?:test|exec)\(\s*${ERRORISH}\s*[),]`, "i"),
  },
  // error?.startsWith("not "), message.includes("429"), error.message.match(/.../)
  {
    name: "string test on an error's text",
    pattern: new RegExp(String.raw`\b${ERRORISH}\??\.(?:startsWith|endsWith|includes|match|matchAll|search)\(`, "i"),
  },
];

// where reading text is the point, with the reason
const ALLOWED: Record<string, string> = {
  // the HTTP client reads the marketplace's own response body once, to build the typed AuthError
  "lib/marketplaces/ozon/client.ts": "/subscription/i.test(message)",
  // zod issue messages here are i18n keys by convention ("errors.required"), not error texts
  "lib/actions/safe-action.ts": 'issue.message?.startsWith("errors.")',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name) ? [full] : [];
  });
}

function violations(file: string, text: string): string[] {
  const found: string[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trimStart().startsWith("//") || line.trimStart().startsWith("*")) return;
    for (const rule of RULES) {
      if (!rule.pattern.test(line)) continue;
      if (ALLOWED[file] && line.includes(ALLOWED[file])) continue;
      found.push(`${file}:${i + 1}: ${rule.name}: ${line.trim()}`);
    }
  });
  return found;
}

describe("failures are typed", () => {
  it("catches the ways error texts used to be parsed", () => {
    const old = [
      "const limited = RATE_LIMITED.exec(message);",
      '  if (AUTH.test(message)) return { kind: "auth", message };',
      'const blocked = Object.values(summary.sources).some((s) => s.status === "skipped" && s.error?.startsWith("not "));',
      "if (/429/.test(error.message)) retry();",
      'if ((err as Error).message.includes("rate limit")) retry();',
    ];
    for (const line of old) expect(violations("lib/x.ts", line), line).toHaveLength(1);
    // reading typed fields is fine
    expect(violations("lib/x.ts", 'if (s.skipped === "inputs_failed" || failure.kind === "rate_limited") {}')).toEqual(
      [],
    );
  });

  it("no source reads an error's message to decide anything", () => {
    const found = ROOTS.flatMap((root) =>
      sourceFiles(root).flatMap((file) => violations(file.split(path.sep).join("/"), readFileSync(file, "utf8"))),
    );
    expect(found).toEqual([]);
  });

  it("the allowed exceptions still exist (an allowance for a line that is gone is removed)", () => {
    for (const [file, line] of Object.entries(ALLOWED)) expect(readFileSync(file, "utf8")).toContain(line);
  });
});
