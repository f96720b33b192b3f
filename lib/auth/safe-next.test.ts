import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

describe("safeNext", () => {
  it("keeps a path on this site with its query", () => {
    expect(safeNext("/skus?sort=profit&q=кружка")).toBe("/skus?sort=profit&q=%D0%BA%D1%80%D1%83%D0%B6%D0%BA%D0%B0");
    expect(safeNext("/settings/users")).toBe("/settings/users");
    expect(safeNext("/skus/12#top")).toBe("/skus/12");
  });

  it("sends every value that could leave the site, or loop back to sign-in, to the overview", () => {
    const corpus = [
      undefined,
      "",
      "//evil.example/x",
      "/\\evil.example/x",
      "\\\\evil.example",
      "/\t/evil.example/x",
      "/\n/evil.example/x",
      "/\r\n/evil.example",
      "\t//evil.example",
      " //evil.example",
      "/%2F%2Fevil.example", // stays a path: encoded slashes are not separators
      "/.//evil.example",
      "/..//evil.example",
      "https://evil.example/overview",
      "http:evil.example",
      "HTTP://evil.example",
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "//user:pass@evil.example",
      "evil.example",
      "/login",
      "/login?next=//evil.example",
      "/setup",
      "/\u0000/evil.example",
    ];
    for (const value of corpus) {
      const result = safeNext(value);
      // whatever comes back is a same-site absolute path that a browser cannot read as a host
      expect(result.startsWith("/") && !result.startsWith("//") && !result.startsWith("/\\"), String(value)).toBe(true);
      expect(new URL(result, "https://sovani.example").origin).toBe("https://sovani.example");
      expect(result).not.toMatch(/[\u0000-\u001f\s\\]/);
    }
    expect(safeNext("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
    for (const value of ["//evil.example/x", "/\t/evil.example/x", "/\n/evil.example/x", "javascript:alert(1)"]) {
      expect(safeNext(value)).toBe("/overview");
    }
  });
});
