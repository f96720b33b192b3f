import { describe, expect, it } from "vitest";
import { connectionStateOf } from "@/components/stores/connection-state";
import { wordFailure } from "./failure-wording";
import { getTranslatorFor } from "./server";

describe("typed failures in the user's language", () => {
  const ru = getTranslatorFor("ru", "failures");
  const en = getTranslatorFor("en", "failures");

  it("words every kind with what to do next, never the exception text", () => {
    expect(wordFailure(ru, { kind: "circuit_open" })).toMatch(/^Маркетплейс несколько раз подряд/);
    expect(wordFailure(ru, { kind: "circuit_open" })).not.toMatch(/circuit/i);
    expect(wordFailure(en, { kind: "credentials", status: 401 })).toContain("Settings → Stores");
    expect(wordFailure(ru, { kind: "upstream", status: 502 })).toContain("(502)");
    expect(wordFailure(ru, { kind: "rate_limited", retryAfterMs: 61_500 })).toContain("62 с");
    expect(wordFailure(ru, { kind: "skipped", reason: "unavailable" })).toContain("Управление отзывами");
    expect(wordFailure(ru, null)).toBeNull();
  });
});

describe("a store's connection state", () => {
  const base = { status: "ok" as const, statusDetail: null, verifiedAt: null };
  it("is not verified until the marketplace accepted the key", () => {
    expect(connectionStateOf(base)).toBe("not_verified");
    expect(connectionStateOf({ ...base, verifiedAt: new Date("2026-12-01T10:00:00Z") })).toBe("working");
    expect(connectionStateOf({ ...base, status: "needs_attention", statusDetail: "token_rejected" })).toBe(
      "token_rejected",
    );
    expect(connectionStateOf({ ...base, status: "needs_attention", statusDetail: "missing_scope" })).toBe(
      "missing_scope",
    );
    expect(connectionStateOf({ ...base, verifiedAt: new Date(), isActive: false })).toBe("inactive");
  });
});
