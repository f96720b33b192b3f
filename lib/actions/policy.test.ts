// Every server action is built with the one wrapper and listed in policy.json with valid roles.
// (e2e/actions.spec.ts does the same against the production build's server-reference manifest.)
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import policy from "./policy.json";

const root = path.resolve(__dirname, "../..");

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" || e.name.startsWith(".") ? [] : walk(full);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

const useServerFiles = ["app", "lib", "components"]
  .flatMap((d) => walk(path.join(root, d)))
  .filter((f) => /^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(fs.readFileSync(f, "utf8")));

describe("server action policy", () => {
  it("finds the action files", () => {
    expect(useServerFiles.length).toBeGreaterThan(0);
  });

  it.each(useServerFiles.map((f) => [path.relative(root, f)]))(
    "%s: every export is a wrapped action listed in policy.json",
    (rel) => {
      const source = fs.readFileSync(path.join(root, rel), "utf8");
      expect(rel.startsWith("lib/actions/"), "'use server' files live in lib/actions").toBe(true);
      const exports = [...source.matchAll(/^export\s+(?:async\s+)?(?:const|function|let|var)\s+(\w+)/gm)].map(
        (m) => m[1],
      );
      expect(source).not.toMatch(/^export\s*\{/m);
      for (const name of exports) {
        const wrapped = new RegExp(`export const ${name} = (authedAction|publicAction)\\(\\s*"${name}"`).test(source);
        expect(wrapped, `${rel}: ${name} must be built with authedAction/publicAction("${name}", ...)`).toBe(true);
        expect(Object.keys(policy), `${name} is missing from lib/actions/policy.json`).toContain(name);
      }
    },
  );

  it("lists only known roles, and marks public actions explicitly", () => {
    for (const [name, entry] of Object.entries(
      policy as Record<string, { roles: string[]; mutates: boolean; selfOnly?: boolean }>,
    )) {
      expect(entry.roles.length, name).toBeGreaterThan(0);
      for (const role of entry.roles) expect(["owner", "editor", "viewer", "anonymous"], name).toContain(role);
      expect(typeof entry.mutates, name).toBe("boolean");
      // a viewer may only change their own session
      if (entry.mutates && entry.roles.includes("viewer"))
        expect(entry.selfOnly, `${name}: viewers must not mutate shared data`).toBe(true);
    }
  });
});
