import { describe, expect, it } from "vitest";
import { createFormatters } from "./format";
import { flattenKeys, loadMessages } from "./messages";

describe("message catalogue", () => {
  it("has the same keys in Russian and English for every namespace", () => {
    const ru = loadMessages("ru");
    const en = loadMessages("en");
    expect(Object.keys(en).sort()).toEqual(Object.keys(ru).sort());
    for (const ns of Object.keys(ru)) {
      expect(flattenKeys(en[ns]).sort(), ns).toEqual(flattenKeys(ru[ns]).sort());
    }
  });

  it("has no empty messages", () => {
    for (const locale of ["ru", "en"] as const) {
      const messages = loadMessages(locale);
      for (const key of flattenKeys(messages)) {
        const value = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], messages);
        expect(typeof value === "string" && value.trim().length > 0, `${locale}:${key}`).toBe(true);
      }
    }
  });
});

describe("formatters", () => {
  it("formats money, numbers and days per locale", () => {
    const ru = createFormatters("ru", "Europe/Moscow");
    const en = createFormatters("en", "Europe/Moscow");
    expect(ru.rub("1234567.89", { fractionDigits: 2 }).replace(/\s/g, " ")).toBe("1 234 567,89 ₽");
    expect(en.rub("1234567.89", { fractionDigits: 2 })).toBe("₽1,234,567.89");
    expect(ru.number(12345).replace(/\s/g, " ")).toBe("12 345");
    expect(ru.day("2026-03-01")).toBe("01.03.2026");
    expect(en.day("2026-03-01")).toBe("01/03/2026");
    expect(ru.rub(null)).toBe("—");
  });

  it("keeps big decimal strings exact", () => {
    const en = createFormatters("en", "Europe/Moscow");
    expect(en.number("9007199254740993.01", 2)).toBe("9,007,199,254,740,993.01");
  });

  it("shows instants in the business time zone", () => {
    const ru = createFormatters("ru", "Europe/Moscow");
    // 22:30 UTC is 01:30 the next day in Moscow
    expect(ru.dateTime(new Date("2026-03-01T22:30:00Z"))).toBe("02.03.2026, 01:30");
  });
});
