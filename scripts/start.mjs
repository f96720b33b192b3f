#!/usr/bin/env node
// `npm start`: the zero-setup path for a self-hosting seller. Builds the app when there is no build
// (or the sources are newer than it), makes sure AUTH_SECRET and APP_ENCRYPTION_KEY exist (generated
// once into .data/secrets.env when not set in the environment), then runs the server (scripts/server.mjs).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { isBuildStale } from "./build-freshness.mjs";
import { productionBuildEnv } from "./production-build.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const env = { ...process.env };
const distDir = path.join(root, env.NEXT_DIST_DIR || ".next");
const nextBin = path.join(root, "node_modules", ".bin", "next");

function loadOrCreateSecrets() {
  const dataDir = path.join(root, ".data");
  const file = path.join(dataDir, "secrets.env");
  const stored = {};
  if (fs.existsSync(file)) {
    for (const line of fs.readFileSync(file, "utf8").split("\n")) {
      const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
      if (m) stored[m[1]] = m[2];
    }
  }
  let created = false;
  for (const name of ["AUTH_SECRET", "APP_ENCRYPTION_KEY"]) {
    if (env[name]) continue;
    if (!stored[name]) {
      stored[name] = randomBytes(32).toString("base64");
      created = true;
    }
    env[name] = stored[name];
  }
  if (created) {
    fs.mkdirSync(dataDir, { recursive: true });
    const body =
      Object.entries(stored)
        .map(([k, v]) => `${k}=${v}`)
        .join("\n") + "\n";
    fs.writeFileSync(file, body, { mode: 0o600 });
    console.log(`Generated AUTH_SECRET / APP_ENCRYPTION_KEY into ${path.relative(root, file)}. Back this file up:`);
    console.log("without APP_ENCRYPTION_KEY the marketplace tokens stored in the database cannot be decrypted.");
  }
}

if (isBuildStale(root, distDir)) {
  console.log("Building Sovani (first start or sources changed)...");
  const result = spawnSync(nextBin, ["build"], {
    cwd: root,
    stdio: "inherit",
    env: productionBuildEnv(env),
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

loadOrCreateSecrets();
env.AUTH_TRUST_HOST ??= "true";
// `npm start -- -p 8080 -H 127.0.0.1` as with `next start`
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i += 2) {
  if (["-p", "--port"].includes(args[i])) env.PORT = args[i + 1];
  else if (["-H", "--hostname"].includes(args[i])) env.LISTEN_HOST = args[i + 1];
  else {
    console.error(`Unknown option ${args[i]} (use -p PORT and -H HOSTNAME)`);
    process.exit(2);
  }
}
env.PORT ||= "3000";
const child = spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], { cwd: root, stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
