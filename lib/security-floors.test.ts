// `npm audit` does not work against this registry, so the security floors live here: the test reads
// what package-lock.json actually installs and fails when a fixed version is missed.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

interface LockFile {
  packages: Record<string, { version?: string }>;
}

const lock = JSON.parse(fs.readFileSync(path.resolve(__dirname, "..", "package-lock.json"), "utf8")) as LockFile;

/** [major, minor, patch, prerelease parts] compared the semver way (a release beats its prereleases) */
function compare(a: string, b: string): number {
  const parse = (v: string) => {
    const [main, pre] = v.split("-", 2);
    return { nums: main.split(".").map(Number), pre: pre ? pre.split(".") : [] };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) if (x.nums[i] !== y.nums[i]) return x.nums[i] - y.nums[i];
  if (x.pre.length === 0 || y.pre.length === 0) return y.pre.length - x.pre.length;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i];
    const q = y.pre[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    const pn = Number(p);
    const qn = Number(q);
    if (!Number.isNaN(pn) && !Number.isNaN(qn)) {
      if (pn !== qn) return pn - qn;
    } else if (p !== q) return p < q ? -1 : 1;
  }
  return 0;
}

const floors: Record<string, string> = {
  next: "16.2.11",
  "next-auth": "5.0.0-beta.32",
  "drizzle-orm": "0.45.2",
};

describe("security floors in package-lock.json", () => {
  it("compares versions the semver way", () => {
    expect(compare("5.0.0-beta.32", "5.0.0-beta.4")).toBeGreaterThan(0);
    expect(compare("5.0.0", "5.0.0-beta.40")).toBeGreaterThan(0);
    expect(compare("16.2.10", "16.2.11")).toBeLessThan(0);
  });
  for (const [name, floor] of Object.entries(floors)) {
    it(`every installed ${name} is >= ${floor}`, () => {
      const installed = Object.entries(lock.packages)
        .filter(([p]) => p === `node_modules/${name}` || p.endsWith(`/node_modules/${name}`))
        .map(([, meta]) => meta.version!);
      expect(installed.length).toBeGreaterThan(0);
      for (const version of installed) expect(compare(version, floor), `${name}@${version}`).toBeGreaterThanOrEqual(0);
    });
  }
});

// exceljs 4.4.0 (unmaintained since 2023) pulled these deprecated packages; nothing may bring them back
const retired = ["exceljs", "unzipper", "fstream", "inflight"];

describe("retired packages", () => {
  it(`none of ${retired.join(", ")} is installed`, () => {
    const found = Object.keys(lock.packages).filter((p) => retired.some((name) => p.endsWith(`node_modules/${name}`)));
    expect(found).toEqual([]);
  });
});
