// The one-time setup code: while no user exists, /setup creates the owner only for someone who can
// read the server's log or its data directory, not for whoever reaches the port first.
import { randomInt, timingSafeEqual } from "node:crypto";
import { sql } from "drizzle-orm";
import { type Db, rowsOf, type Tx } from "@/db";
import { hasUsers } from "./has-users";

// no 0/O, 1/I/L: read from a terminal and typed by hand
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const LENGTH = 12;

function newSetupCode(): string {
  const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return chars.match(/.{4}/g)!.join("-");
}

/** The code as stored: upper case, without the dashes and spaces people type or copy along. */
export function normaliseSetupCode(value: string): string {
  return value.toUpperCase().replace(/[\s-]/g, "");
}

/**
 * The current setup code while no user exists (made on first call, then the same for every process
 * and restart until the owner exists); null once a user exists.
 */
export async function ensureSetupCode(db: Db): Promise<string | null> {
  if (await hasUsers(db)) return null;
  await db.execute(sql`insert into setup_codes (id, code) values (1, ${newSetupCode()}) on conflict (id) do nothing`);
  const [row] = rowsOf<{ code: string }>(await db.execute(sql`select code from setup_codes where id = 1`));
  return row?.code ?? null;
}

/** Whether `typed` is the current setup code (constant time); false when there is none. */
export async function isSetupCodeValid(db: Db | Tx, typed: string): Promise<boolean> {
  const [row] = rowsOf<{ code: string }>(await db.execute(sql`select code from setup_codes where id = 1`));
  if (!row) return false;
  const expected = Buffer.from(normaliseSetupCode(row.code));
  const given = Buffer.from(normaliseSetupCode(typed));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function deleteSetupCode(db: Db | Tx): Promise<void> {
  await db.execute(sql`delete from setup_codes`);
}
