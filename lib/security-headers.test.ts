import { describe, expect, it } from "vitest";
import { buildCsp, staticSecurityHeaders } from "./security-headers";

describe("security headers", () => {
  it("builds a nonce CSP without unsafe-eval in production", () => {
    const csp = buildCsp("abc123", false);
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it("sets nosniff and the referrer policy", () => {
    expect(staticSecurityHeaders["X-Content-Type-Options"]).toBe("nosniff");
    expect(staticSecurityHeaders["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
  });
});
