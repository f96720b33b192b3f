import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findChromium } from "./browser.mjs";

const root = path.resolve(__dirname, "..");

function fakeBrowser(dir: string, name: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, "#!/bin/sh\n", { mode: 0o755 });
  return file;
}

describe("finding Chromium for the browser tests", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sovani-browser-"));

  it("takes CHROMIUM_PATH when it names an executable, and refuses a wrong one with the way to install", () => {
    const file = fakeBrowser(dir, "my-chrome");
    expect(findChromium({ CHROMIUM_PATH: file, PATH: "" }, { playwrightPath: null })).toEqual({ path: file });
    const missing = findChromium({ CHROMIUM_PATH: "/nonexistent", PATH: dir }, { playwrightPath: file });
    expect(missing.error).toBe(
      "Chromium not found at CHROMIUM_PATH=/nonexistent: install it with `apt-get install -y chromium` (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium binary",
    );
  });

  it("falls back to a browser on PATH, then to one Playwright already installed", () => {
    const pathDir = fs.mkdtempSync(path.join(dir, "bin-"));
    const onPath = fakeBrowser(pathDir, "chromium-browser");
    const cached = fakeBrowser(dir, "chrome");
    const hasDebian = fs.existsSync("/usr/bin/chromium");
    const fromPath = findChromium({ PATH: pathDir }, { playwrightPath: cached });
    expect(fromPath.path).toBe(hasDebian ? "/usr/bin/chromium" : onPath);
    if (!hasDebian) {
      expect(findChromium({ PATH: "" }, { playwrightPath: cached })).toEqual({ path: cached });
      expect(findChromium({ PATH: "" }, { playwrightPath: path.join(dir, "absent") }).error).toMatch(
        /^Chromium not found/,
      );
    }
  });

  it("`npm test` stops at once with that one line before any test runs", () => {
    const started = Date.now();
    const run = spawnSync("npm", ["test", "--silent"], {
      cwd: root,
      env: { ...process.env, CHROMIUM_PATH: "/nonexistent" },
      encoding: "utf8",
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^Chromium not found at CHROMIUM_PATH=\/nonexistent: /),
    ]);
    expect(run.stdout).not.toMatch(/vitest|Test Files/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
