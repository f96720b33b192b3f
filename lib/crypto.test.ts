import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, deriveKey, encryptSecret, lastFour } from "./crypto";

describe("secret box", () => {
  const key = deriveKey(randomBytes(32).toString("base64"));
  it("round-trips and uses a unique IV per value", () => {
    const a = encryptSecret("wb-token-123456", key);
    const b = encryptSecret("wb-token-123456", key);
    expect(a).not.toBe(b);
    expect(a).not.toContain("wb-token");
    expect(decryptSecret(a, key)).toBe("wb-token-123456");
  });
  it("rejects tampering and a wrong key", () => {
    const sealed = encryptSecret("secret-value", key);
    const parts = sealed.split(".");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(() => decryptSecret(parts.join("."), key)).toThrow();
    expect(() => decryptSecret(sealed, deriveKey(randomBytes(32).toString("hex")))).toThrow();
  });
  it("shows only the last four characters", () => {
    expect(lastFour("abcdefgh1234")).toBe("1234");
    expect(lastFour("abc")).toBe("****");
  });
});
