#!/usr/bin/env node
// The production HTTP server behind `npm start` (and the e2e and multi-process tests): Next.js's own
// request handler inside a plain Node server, so that every request reaches the app with an
// X-Forwarded-For the client cannot forge (`next start` keeps a client's header as it came).
// PORT (default 3000) and LISTEN_HOST (default every interface) say where it listens.
import http from "node:http";
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
  console.log(`Sovani listening on ${shown}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    app.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
