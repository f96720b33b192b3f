// Password hashing: Argon2id at OWASP's floor or above (m=19456 KiB, t=2, p=1). Passwords are never
// truncated: anything from 8 to 1024 characters is hashed whole; longer input is refused, not cut.
import { hash, verify } from "@node-rs/argon2";

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 1024;

/** Algorithm.Argon2id (a const enum in the package typings, unusable with isolatedModules) */
const ARGON2ID = 2;
export const argon2Options = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export async function hashPassword(password: string): Promise<string> {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    throw new Error(`password must be ${PASSWORD_MIN_LENGTH}-${PASSWORD_MAX_LENGTH} characters`);
  }
  return hash(password, argon2Options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/** A real hash of a random password, verified against when the account does not exist so that
 * unknown and known emails cost the same time. */
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hash(`dummy-${Math.random()}-${Date.now()}`, argon2Options);
  return dummy;
}
