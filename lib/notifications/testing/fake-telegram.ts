// Test-only: a local fake of the Telegram Bot API that records what it receives.
import http from "node:http";
import type { AddressInfo } from "node:net";

interface Received {
  path: string;
  body: { chat_id: string; text: string; parse_mode: string };
}

export async function startFakeTelegram(): Promise<{
  url: string;
  received: Received[];
  failNext(status: number, description: string): void;
  close(): Promise<void>;
}> {
  const received: Received[] = [];
  let failure: { status: number; description: string } | null = null;
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      received.push({ path: req.url ?? "", body: JSON.parse(raw) });
      if (failure) {
        res.writeHead(failure.status, { "content-type": "application/json" });
        res.end(JSON.stringify({ ok: false, error_code: failure.status, description: failure.description }));
        failure = null;
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: true, result: { message_id: received.length } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    failNext: (status, description) => (failure = { status, description }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
