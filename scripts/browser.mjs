#!/usr/bin/env node
// Which Chromium the browser tests use, found before anything is built or tested: `npm test` runs this
// first, so a machine without a browser stops at once with one line saying how to get one, instead of
// running the unit tests and then reporting every browser test as "did not run".
// Order: CHROMIUM_PATH when set (it must exist: a typo is not silently replaced), Debian's
// /usr/bin/chromium, `chromium`/`chromium-browser` on PATH, then a browser `npx playwright install
// chromium` already put into Playwright's cache.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const INSTALL_HINT =
  "install it with `apt-get install -y chromium` (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium binary";

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function playwrightChromium() {
  try {
    const require = createRequire(import.meta.url);
    return require("playwright-core").chromium.executablePath();
  } catch {
    return null;
  }
}

/**
 * @param {Record<string, string | undefined>} env
 * @param {{ playwrightPath?: string | null }} [options] the Playwright cache's browser (looked up when omitted)
 * @returns {{ path: string, error?: undefined } | { path?: undefined, error: string }}
 */
export function findChromium(env, options = {}) {
  if (env.CHROMIUM_PATH) {
    return isExecutable(env.CHROMIUM_PATH)
      ? { path: env.CHROMIUM_PATH }
      : { error: `Chromium not found at CHROMIUM_PATH=${env.CHROMIUM_PATH}: ${INSTALL_HINT}` };
  }
  const onPath = (env.PATH ?? "")
    .split(path.delimiter)
    .filter(Boolean)
    .flatMap((dir) => [path.join(dir, "chromium"), path.join(dir, "chromium-browser")]);
  const cached = "playwrightPath" in options ? options.playwrightPath : playwrightChromium();
  const found = ["/usr/bin/chromium", ...onPath, cached].find((file) => file && isExecutable(file));
  return found ? { path: found } : { error: `Chromium not found for the browser tests: ${INSTALL_HINT}` };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = findChromium(process.env);
  if (found.error) {
    console.error(found.error);
    process.exit(1);
  }
}
