// Store credentials at rest: AES-256-GCM with the key from APP_ENCRYPTION_KEY and a fresh 12-byte IV
// per value. Output "v1.<iv>.<tag>.<ciphertext>" (base64url). Plaintext never leaves the server.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { getEnv } from "./env";

export class EncryptionKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EncryptionKeyError";
  }
}

/** 32 bytes from APP_ENCRYPTION_KEY: base64 or hex of 32 bytes, or else a passphrase hashed with SHA-256. */
export function deriveKey(raw: string | undefined = getEnv().APP_ENCRYPTION_KEY): Buffer {
  if (!raw) throw new EncryptionKeyError("APP_ENCRYPTION_KEY is not set: it is needed to store marketplace tokens");
  if (/^[0-9a-f]{64}$/i.test(raw)) return Buffer.from(raw, "hex");
  const b64 = Buffer.from(raw, "base64");
  if (b64.length === 32 && /^[A-Za-z0-9+/_-]+=*$/.test(raw)) return b64;
  if (raw.length < 16)
    throw new EncryptionKeyError("APP_ENCRYPTION_KEY is too short: use 32 random bytes (openssl rand -base64 32)");
  return createHash("sha256").update(raw, "utf8").digest();
}

export function encryptSecret(plaintext: string, key: Buffer = deriveKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return ["v1", iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(".");
}

export function decryptSecret(sealed: string, key: Buffer = deriveKey()): string {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || ciphertext === undefined) throw new Error("unrecognised secret format");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}

/** The only form in which a stored secret is ever shown: its last four characters. */
export function lastFour(secret: string): string {
  return secret.length <= 4 ? "****" : secret.slice(-4);
}
