// Test-only: a tiny HTTP server that answers each request with the next fixture queued for its route and
// records what the client sent, so a contract test runs the real client over real HTTP.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { ResponseFixture } from "./fixture";

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  /** the parsed JSON body (POST), undefined for GET */
  body: unknown;
}

export interface FixtureServer {
  url: string;
  requests: RecordedRequest[];
  /** queue fixtures for "METHOD /path"; each request takes the next, the last one repeats */
  serve(route: string, ...fixtures: ResponseFixture[]): void;
  close(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, ResponseFixture[]>();
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://fixture");
      const text = Buffer.concat(chunks).toString("utf8");
      requests.push({
        method: req.method ?? "GET",
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: text ? (JSON.parse(text) as unknown) : undefined,
      });
      const queue = routes.get(`${req.method} ${url.pathname}`);
      if (!queue || queue.length === 0) {
        res.writeHead(404, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ code: 5, message: `no fixture for ${req.method} ${url.pathname}` }));
        return;
      }
      const next = queue.length > 1 ? queue.shift()! : queue[0];
      res.writeHead(next.status, { "Content-Type": "application/json; charset=utf-8" });
      res.end(next.status === 204 ? undefined : next.body);
    });
  });
  // Node closes an idle keep-alive socket after 5 s; a client that picks that socket for its next request in
  // the same instant gets "fetch failed (other side closed)". Test servers keep sockets open for the run.
  server.keepAliveTimeout = 10 * 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    serve(route, ...fixtures) {
      routes.set(route, [...fixtures]);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
