import { parseOptions } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import { hashPassword, PASSWORD_MAX_LENGTH, verifyPassword } from "./password";

describe("password hashing", () => {
  it("uses Argon2id at or above OWASP's floor (m>=19456 KiB, t>=2, p=1)", async () => {
    const h = await hashPassword("correct horse battery");
    expect(h.startsWith("$argon2id$")).toBe(true);
    const o = parseOptions(h);
    expect(o.memoryCost).toBeGreaterThanOrEqual(19456);
    expect(o.timeCost).toBeGreaterThanOrEqual(2);
    expect(o.parallelism).toBe(1);
  });

  it("accepts long passphrases without truncating them", async () => {
    const long = "мой очень длинный пароль из многих слов ".repeat(8); // > 72 bytes, non-ASCII
    const h = await hashPassword(long);
    expect(await verifyPassword(h, long)).toBe(true);
    expect(await verifyPassword(h, long.slice(0, 72))).toBe(false);
    expect(await verifyPassword(h, long.slice(0, -1))).toBe(false);
  });

  it("refuses passwords shorter than 8 or longer than the limit instead of cutting them", async () => {
    await expect(hashPassword("short7!")).rejects.toThrow();
    await expect(hashPassword("x".repeat(PASSWORD_MAX_LENGTH + 1))).rejects.toThrow();
    await expect(hashPassword("exactly8")).resolves.toMatch(/^\$argon2id\$/);
  });

  it("answers false (not an exception) for a malformed hash", async () => {
    expect(await verifyPassword("not-a-hash", "whatever-123")).toBe(false);
  });
});
