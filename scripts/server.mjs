#!/usr/bin/env node
// The production HTTP server behind `npm start` (and the e2e and multi-process tests): Next.js's own
// request handler inside a plain Node server, so that every request reaches the app with an
// X-Forwarded-For the client cannot forge (`next start` keeps a client's header as it came).
// PORT (default 3000) and LISTEN_HOST (default every interface) say where it listens.
// WEB_CONCURRENCY worker processes share the port (node:cluster): one Node.js process renders one page
// at a time, so on PostgreSQL the default is one per CPU (at most 4); the embedded database belongs to
// one process, so on PGlite it is 1. Every multi-process rule of the README holds between the workers
// (sign-in limits and sessions in the database, the scheduler's lease); only worker 1 runs the embedded
// scheduler, the others leave the nightly run to it.
import cluster from "node:cluster";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import next from "next";
import { forwardedFor } from "./forwarded-for.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const port = Number(process.env.PORT || 3000);
const hostname = process.env.LISTEN_HOST || undefined;
const hops = Number(process.env.TRUSTED_PROXY_HOPS || 0);
if (!Number.isInteger(hops) || hops < 0) {
  console.error(`TRUSTED_PROXY_HOPS: expected 0 or a positive integer, got "${process.env.TRUSTED_PROXY_HOPS}"`);
  process.exit(1);
}

const workers = webConcurrency();
if (workers > 1 && cluster.isPrimary) {
  runPrimary(workers);
} else {
  await runWorker();
}

function webConcurrency() {
  const raw = process.env.WEB_CONCURRENCY?.trim();
  const embedded = !process.env.DATABASE_URL?.trim();
  if (!raw) return embedded ? 1 : Math.min(os.availableParallelism(), 4);
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`WEB_CONCURRENCY: expected a positive integer, got "${raw}"`);
    process.exit(1);
  }
  if (n > 1 && embedded) {
    console.error(
      `WEB_CONCURRENCY=${n}: the embedded database (no DATABASE_URL) serves one process; set WEB_CONCURRENCY=1 or use PostgreSQL`,
    );
    process.exit(1);
  }
  return n;
}

/** Forks the workers, replaces one that dies, and stops them all on SIGINT/SIGTERM. */
function runPrimary(count) {
  let stopping = false;
  const fork = (index) => {
    const worker = cluster.fork({
      SOVANI_WORKER: String(index),
      // one scheduler is enough; the lease would keep the others from running a job twice anyway
      ...(index > 1 ? { EMBEDDED_SCHEDULER: "off" } : {}),
    });
    let listening = false;
    worker.on("listening", () => (listening = true));
    worker.on("exit", (code, signal) => {
      if (stopping || code === 0) return;
      if (!listening) {
        // it could not start (configuration, database, pending migrations): another would fail alike
        console.error(`worker ${index} could not start (${signal ?? code}); stopping`);
        stopAll(1);
        return;
      }
      console.error(`worker ${index} exited (${signal ?? code}); starting another`);
      setTimeout(() => fork(index), 1000).unref();
    });
  };
  const stopAll = (code) => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    const exit = () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(code);
    };
    cluster.on("exit", exit);
    exit();
    setTimeout(() => process.exit(code), 6000).unref();
  };
  for (let i = 1; i <= count; i++) fork(i);
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stopAll(0));
}

async function runWorker() {
  const app = next({ dev: false, dir: root, hostname: hostname ?? "localhost", port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = http.createServer((req, res) => {
    req.headers["x-forwarded-for"] = forwardedFor(req.headers["x-forwarded-for"], req.socket.remoteAddress, hops);
    handle(req, res);
  });
  server.listen(port, hostname, () => {
    const address = server.address();
    const shown = typeof address === "object" && address ? `${address.address}:${address.port}` : String(address);
    const worker = process.env.SOVANI_WORKER ? ` (worker ${process.env.SOVANI_WORKER})` : "";
    console.log(`Sovani listening on ${shown}${worker}`);
  });

  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      server.close();
      app.close().finally(() => process.exit(0));
      setTimeout(() => process.exit(0), 5000).unref();
    });
  }
}
