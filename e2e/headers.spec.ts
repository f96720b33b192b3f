// Security headers on pages, API routes and authenticated responses.
import { expect, test } from "@playwright/test";
import { storageState } from "./support/fixtures";

function cspOf(headers: Record<string, string>): string {
  return headers["content-security-policy"] ?? "";
}

test("pages carry a nonce CSP (fresh per request) and the fixed security headers", async ({ request }) => {
  const a = await request.get("/login");
  const b = await request.get("/login");
  for (const res of [a, b]) {
    const h = res.headers();
    const csp = cspOf(h);
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["x-powered-by"]).toBeUndefined();
  }
  const nonceA = /'nonce-([^']+)'/.exec(cspOf(a.headers()))![1];
  const nonceB = /'nonce-([^']+)'/.exec(cspOf(b.headers()))![1];
  expect(nonceA).not.toBe(nonceB);
  // every script tag of the page carries the header's nonce
  const html = await a.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonceA}"`);
});

test("API routes and redirects carry the headers too", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.headers()["x-content-type-options"]).toBe("nosniff");
  expect(health.headers()["x-powered-by"]).toBeUndefined();
  const redirect = await request.get("/overview", { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expect(cspOf(redirect.headers())).toContain("frame-ancestors 'none'");
});

test.describe("signed in", () => {
  test.use({ storageState: storageState("viewer") });

  test("authenticated responses are private and not stored", async ({ page }) => {
    for (const path of ["/settings/stores", "/sync"]) {
      const res = await page.goto(path);
      const cc = res!.headers()["cache-control"] ?? "";
      expect(cc).toContain("private");
      expect(cc).toContain("no-store");
    }
  });

  test("the pages run under the CSP without violations", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.goto("/sync");
    await page.goto("/settings/stores");
    await page.getByTestId("locale-switch").click(); // a client-side action works (scripts ran)
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByTestId("locale-switch").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");
    expect(violations).toEqual([]);
  });
});
