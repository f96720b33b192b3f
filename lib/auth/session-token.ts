// The claims of the Auth.js session cookie, decrypted with the same key and checks as Auth.js's own
// `decode` (next-auth/jwt), without `auth()`'s detour through a synthetic /api/auth/session request that
// also re-encrypts a cookie a server component cannot set. A decrypted token is remembered by its exact
// text until it expires, so a signed-in user's page views after the first skip the key derivation and
// decryption; whether the session is still valid (user enabled, session version current) is checked
// against the database on every request by getCurrentUser, as before.
import { decode } from "next-auth/jwt";
import { SESSION_COOKIE_NAMES } from "./session-cookie";

export interface SessionClaims {
  uid: number;
  sv: number;
  /** sign-in time, epoch seconds */
  lat: number;
  /** expiry, epoch seconds */
  exp: number;
}

export interface CookieReader {
  get(name: string): { value: string } | undefined;
  getAll(): { name: string; value: string }[];
}

/** Auth.js's clock tolerance for exp */
const CLOCK_TOLERANCE_SECONDS = 15;
const CACHE_LIMIT = 1000;
const decoded = new Map<string, SessionClaims>();
/** the secret the remembered tokens were decrypted with (one per process in the app; tests vary it) */
let decodedWith: string | undefined;

/** The session cookie's text under `name`, joined from Auth.js's `.0`, `.1`, ... chunks when it was split. */
function cookieToken(cookies: CookieReader, name: string): string | undefined {
  const whole = cookies.get(name)?.value;
  if (whole) return whole;
  const chunks = cookies
    .getAll()
    .filter((c) => c.name.startsWith(`${name}.`) && /^\d+$/.test(c.name.slice(name.length + 1)))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length > 0 ? chunks.map((c) => c.value).join("") : undefined;
}

function claimsOf(payload: Record<string, unknown>): SessionClaims | null {
  const claims = {
    uid: Number(payload.uid),
    sv: Number(payload.sv),
    lat: Number(payload.lat),
    exp: Number(payload.exp),
  };
  if (
    !Number.isInteger(claims.uid) ||
    !Number.isInteger(claims.sv) ||
    !Number.isFinite(claims.lat) ||
    !Number.isFinite(claims.exp)
  )
    return null;
  return claims;
}

function remember(token: string, claims: SessionClaims): void {
  if (decoded.size >= CACHE_LIMIT) {
    const now = Date.now() / 1000;
    for (const [key, value] of decoded) if (value.exp + CLOCK_TOLERANCE_SECONDS < now) decoded.delete(key);
    // still full of live sessions: drop the oldest entries (a Map iterates in insertion order)
    for (const key of decoded.keys()) {
      if (decoded.size < CACHE_LIMIT) break;
      decoded.delete(key);
    }
  }
  decoded.set(token, claims);
}

/** The claims of a valid, unexpired session cookie, or null (none, tampered, wrong secret, expired). */
export async function readSessionClaims(cookies: CookieReader, secret: string): Promise<SessionClaims | null> {
  if (secret !== decodedWith) {
    decoded.clear();
    decodedWith = secret;
  }
  for (const name of SESSION_COOKIE_NAMES) {
    const token = cookieToken(cookies, name);
    if (!token) continue;
    const key = `${name}\n${token}`;
    let claims = decoded.get(key) ?? null;
    if (!claims) {
      try {
        // the salt is the cookie name, as Auth.js encrypts it
        const payload = await decode({ token, secret, salt: name });
        claims = payload ? claimsOf(payload) : null;
      } catch {
        claims = null;
      }
      if (!claims) continue;
      remember(key, claims);
    }
    if (claims.exp + CLOCK_TOLERANCE_SECONDS < Date.now() / 1000) {
      decoded.delete(key);
      continue;
    }
    return claims;
  }
  return null;
}
