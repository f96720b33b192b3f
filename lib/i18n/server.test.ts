import { describe, expect, it } from "vitest";
import { getTranslatorFor } from "./server";

describe("process-wide translators", () => {
  it("reuses one translator per locale and namespace", () => {
    expect(getTranslatorFor("ru", "skus")).toBe(getTranslatorFor("ru", "skus"));
    expect(getTranslatorFor("ru", "skus")).not.toBe(getTranslatorFor("en", "skus"));
    expect(getTranslatorFor("ru", "skus")).not.toBe(getTranslatorFor("ru", "dashboard"));
    expect(getTranslatorFor("ru")).not.toBe(getTranslatorFor("ru", "skus"));
  });

  it("formats the same message with different values each time, in each locale", () => {
    const ru = getTranslatorFor("ru", "skus");
    const en = getTranslatorFor("en", "skus");
    // a message reused from the cache must still take this call's values
    expect(ru("detail.coverValue", { days: 3 })).toBe("3 дн.");
    expect(ru("detail.coverValue", { days: 17 })).toBe("17 дн.");
    expect(en("detail.coverValue", { days: 5 })).toBe("5 days");
    // plural rules per locale, from the cached parse
    expect(en("detail.provisionalDays", { count: 1 })).toMatch(/^1 day of/);
    expect(en("detail.provisionalDays", { count: 4 })).toMatch(/^4 days of/);
    expect(getTranslatorFor("ru", "dashboard")("flags.provisional")).toBe("предварительно");
    expect(getTranslatorFor("en")("dashboard.flags.provisional")).not.toBe("предварительно");
  });
});
