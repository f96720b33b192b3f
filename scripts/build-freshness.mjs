// Whether the production build in distDir is missing or older than the sources it was built from.
// Used by `npm start` (scripts/start.mjs), `npm run test:e2e` (scripts/e2e.mjs) and the page bench to build only when needed.
import fs from "node:fs";
import path from "node:path";

function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

export function isBuildStale(root, distDir) {
  const buildId = path.join(distDir, "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "db", "inngest"].map((d) => newestMtime(path.join(root, d)));
  const files = ["package-lock.json", "next.config.ts", "proxy.ts", "instrumentation.ts"]
    .map((f) => path.join(root, f))
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.statSync(f).mtimeMs);
  return Math.max(...sources, ...files) > built;
}
