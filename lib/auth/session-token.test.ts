import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { type CookieReader, readSessionClaims } from "./session-token";

const SECRET = "a-test-secret-of-more-than-32-characters";
const NAME = "authjs.session-token";

function jar(cookies: Record<string, string>): CookieReader {
  return {
    get: (name) => (name in cookies ? { value: cookies[name] } : undefined),
    getAll: () => Object.entries(cookies).map(([name, value]) => ({ name, value })),
  };
}

async function token(
  claims: Record<string, unknown>,
  options: { maxAge?: number; salt?: string; secret?: string } = {},
) {
  return encode({
    token: claims,
    secret: options.secret ?? SECRET,
    salt: options.salt ?? NAME,
    maxAge: options.maxAge ?? 3600,
  });
}

describe("readSessionClaims", () => {
  const lat = Math.floor(Date.now() / 1000) - 60;

  it("reads the claims Auth.js wrote, from either cookie name", async () => {
    const plain = await readSessionClaims(jar({ [NAME]: await token({ uid: 7, sv: 3, lat }) }), SECRET);
    expect(plain).toMatchObject({ uid: 7, sv: 3, lat });
    const secureName = `__Secure-${NAME}`;
    const secure = await readSessionClaims(
      jar({ [secureName]: await token({ uid: 8, sv: 1, lat }, { salt: secureName }) }),
      SECRET,
    );
    expect(secure).toMatchObject({ uid: 8, sv: 1 });
  });

  it("joins a cookie Auth.js split into chunks", async () => {
    const whole = await token({ uid: 9, sv: 2, lat });
    const cut = Math.floor(whole.length / 2);
    const claims = await readSessionClaims(
      jar({ [`${NAME}.1`]: whole.slice(cut), [`${NAME}.0`]: whole.slice(0, cut) }),
      SECRET,
    );
    expect(claims).toMatchObject({ uid: 9, sv: 2 });
  });

  it("refuses a tampered token, another secret, another cookie's salt, and claims without a user", async () => {
    const good = await token({ uid: 7, sv: 3, lat });
    const flipped = good.slice(0, -3) + (good.at(-3) === "A" ? "B" : "A") + good.slice(-2);
    expect(await readSessionClaims(jar({ [NAME]: flipped }), SECRET)).toBeNull();
    expect(
      await readSessionClaims(
        jar({ [NAME]: await token({ uid: 7, sv: 3, lat }, { secret: `${SECRET}-other` }) }),
        SECRET,
      ),
    ).toBeNull();
    expect(
      await readSessionClaims(jar({ [NAME]: await token({ uid: 7, sv: 3, lat }, { salt: "something-else" }) }), SECRET),
    ).toBeNull();
    expect(await readSessionClaims(jar({ [NAME]: await token({ sv: 3, lat }) }), SECRET)).toBeNull();
    expect(await readSessionClaims(jar({}), SECRET)).toBeNull();
    expect(await readSessionClaims(jar({ [NAME]: "not-a-jwt" }), SECRET)).toBeNull();
  });

  it("remembers a token per secret: the same text under another secret is decrypted again and refused", async () => {
    const cookies = jar({ [NAME]: await token({ uid: 7, sv: 3, lat }) });
    expect(await readSessionClaims(cookies, SECRET)).not.toBeNull();
    expect(await readSessionClaims(cookies, `${SECRET}-rotated`)).toBeNull();
    expect(await readSessionClaims(cookies, SECRET)).not.toBeNull();
  });

  it("refuses an expired token, also after it was read while still valid", async () => {
    const expired = await token({ uid: 7, sv: 3, lat }, { maxAge: -60 });
    expect(await readSessionClaims(jar({ [NAME]: expired }), SECRET)).toBeNull();
    const shortLived = await token({ uid: 7, sv: 3, lat }, { maxAge: 1 });
    expect(await readSessionClaims(jar({ [NAME]: shortLived }), SECRET)).not.toBeNull();
    const realNow = Date.now;
    Date.now = () => realNow() + 60_000;
    try {
      expect(await readSessionClaims(jar({ [NAME]: shortLived }), SECRET)).toBeNull();
    } finally {
      Date.now = realNow;
    }
  });
});
