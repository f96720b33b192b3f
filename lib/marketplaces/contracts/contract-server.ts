// Test-only: the set-up every contract test shares. A fixture server for the file (or the describe block it is
// called in) with its recorded requests cleared after each test, the client under test pointed at it, the
// named fixtures of a contract queued on its route, and the requests a contract received checked against
// the spec's request schema.
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { type EndpointContract, fixture } from "./fixture";
import { checkRequest, queryValues } from "./request-schema";
import { type FixtureServer, type RecordedRequest, startFixtureServer } from "./serve";

export interface ContractServer<C> {
  /** the running server (set before the first test) */
  readonly server: FixtureServer;
  /** the client under test, made for the server's url */
  readonly client: C;
  /** queue the named fixtures of a contract on its route */
  serve(contract: EndpointContract, ...names: string[]): void;
  /** the requests sent to the contract's path: at least one, each conforming to the spec's request schema */
  sentTo(contract: EndpointContract): RecordedRequest[];
}

export function setUpContractServer<C = undefined>(makeClient?: (url: string) => C): ContractServer<C> {
  let server: FixtureServer | undefined;
  let client: C | undefined;
  beforeAll(async () => {
    server = await startFixtureServer();
    client = makeClient?.(server.url);
  });
  afterAll(() => server?.close());
  afterEach(() => {
    if (server) server.requests.length = 0;
  });
  const running = (): FixtureServer => {
    if (!server) throw new Error("the fixture server starts in beforeAll");
    return server;
  };
  return {
    get server() {
      return running();
    },
    get client() {
      running();
      return client as C;
    },
    serve(contract, ...names) {
      running().serve(`${contract.method} ${contract.path}`, ...names.map((n) => fixture(contract, n)));
    },
    sentTo(contract) {
      const sent = running().requests.filter((r) => r.path === contract.path);
      expect(sent.length).toBeGreaterThan(0);
      for (const r of sent) {
        const value = contract.method === "GET" ? queryValues(r.query, contract.request) : r.body;
        expect(checkRequest(contract.request, value), JSON.stringify(value)).toEqual([]);
      }
      return sent;
    },
  };
}
