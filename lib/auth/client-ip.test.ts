import { describe, expect, it } from "vitest";
import { forwardedFor } from "@/scripts/forwarded-for.mjs";
import { clientIpFrom } from "./client-ip";

// scripts/server.mjs appends the socket address to X-Forwarded-For, so the last entry is always the peer
const headers = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });

describe("client address", () => {
  it("without a trusted proxy it is the socket address, whatever the client claims", () => {
    expect(clientIpFrom(headers("127.0.0.1, 203.0.113.9"), 0)).toBe("203.0.113.9");
    expect(clientIpFrom(headers("1.1.1.1, 2.2.2.2, 203.0.113.9"), 0)).toBe("203.0.113.9");
    expect(clientIpFrom(headers("203.0.113.9"), 0)).toBe("203.0.113.9");
  });

  it("behind N trusted proxies it is the address the outermost proxy saw", () => {
    // client-forged, the client (added by the proxy), the proxy itself (the socket)
    expect(clientIpFrom(headers("127.0.0.1, 198.51.100.7, 10.0.0.2"), 1)).toBe("198.51.100.7");
    expect(clientIpFrom(headers("9.9.9.9, 198.51.100.7, 10.0.0.3, 10.0.0.2"), 2)).toBe("198.51.100.7");
    // fewer hops than configured: the first entry, never undefined
    expect(clientIpFrom(headers("10.0.0.2"), 3)).toBe("10.0.0.2");
  });

  it("answers 'unknown' without the header and never more than 64 characters", () => {
    expect(clientIpFrom(headers(), 0)).toBe("unknown");
    expect(clientIpFrom(headers(`1.1.1.1, ${"x".repeat(200)}`), 0)).toHaveLength(64);
  });
});

describe("the header scripts/server.mjs hands to the app", () => {
  it("keeps only what trusted proxies added, then the socket address", () => {
    // a client forging its address straight at Sovani: throttled as its socket address
    expect(clientIpFrom(new Headers({ "x-forwarded-for": forwardedFor("127.0.0.1", "203.0.113.9", 0) }), 0)).toBe(
      "203.0.113.9",
    );
    // rotating the header changes nothing
    const seen = new Set(
      ["1.1.1.1", "2.2.2.2", "3.3.3.3, 4.4.4.4"].map((xff) =>
        clientIpFrom(new Headers({ "x-forwarded-for": forwardedFor(xff, "203.0.113.9", 0) }), 0),
      ),
    );
    expect([...seen]).toEqual(["203.0.113.9"]);
    // behind one proxy (10.0.0.2) the address it appended is the client's, a forged one before it is not
    const behindProxy = forwardedFor("127.0.0.1, 198.51.100.7", "10.0.0.2", 1);
    expect(behindProxy).toBe("198.51.100.7, 10.0.0.2");
    expect(clientIpFrom(new Headers({ "x-forwarded-for": behindProxy }), 1)).toBe("198.51.100.7");
    expect(forwardedFor(undefined, "::1", 0)).toBe("::1");
    expect(forwardedFor(["a", "b"], "::1", 2)).toBe("a, b, ::1");
  });
});
