// Sign-in throttling, first-run setup, and revocation through session_version, on PGlite and PostgreSQL.
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { auditLog, loginThrottle, users } from "@/db/schema/auth";
import { createFirstOwner } from "./create-first-owner";
import { createUser } from "./create-user";
import { endUserSessions } from "./end-user-sessions";
import { getSessionUser } from "./get-session-user";
import { hasUsers } from "./has-users";
import { ensureSetupCode, isSetupCodeValid } from "./setup-code";
import { changeOwnPassword } from "./change-own-password";
import { setUserDisabled } from "./set-user-disabled";
import { setUserPassword } from "./set-user-password";
import { updateUserRole } from "./update-user-role";
import { GLOBAL_KEY, THROTTLE, verifyCredentials } from "./verify-credentials";

// the real Argon2 verification, counted: what a sign-in spends does not depend on whether the account exists
const verified = vi.hoisted(() => ({ hashes: [] as string[] }));
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return {
    ...real,
    verifyPassword: (passwordHash: string, password: string) => {
      verified.hashes.push(passwordHash);
      return real.verifyPassword(passwordHash, password);
    },
  };
});

describe.each(testDatabaseKinds())("users on %s", (kind) => {
  const { db } = useTestDatabase(kind);
  /** a sign-in with these credentials is refused as locked, right password or not */
  const expectLocked = async (email: string, password: string, ip: string, now?: Date) =>
    expect(await verifyCredentials(db, { email, password, ip, now })).toMatchObject({ ok: false, reason: "locked" });
  let ownerId: number;
  const owner = { email: "Owner@Example.com", password: "owner-password-1" };

  // every test here fails sign-ins on purpose: keep them from adding up to the global ceiling
  beforeEach(async () => {
    await db.delete(loginThrottle).where(eq(loginThrottle.key, GLOBAL_KEY));
  });

  it("creates the first owner only with the one-time setup code, and only while no user exists", async () => {
    expect(await hasUsers(db)).toBe(false);
    const code = await ensureSetupCode(db);
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    // the same code for every process and restart until it is used
    expect(await ensureSetupCode(db)).toBe(code);
    for (const wrong of ["", "AAAA-BBBB-CCCC", code!.slice(0, -1)]) {
      await expect(
        createFirstOwner(db, { email: "early@example.com", password: "early-bird-1", setupCode: wrong }),
      ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { setupCode: "errors.setupCodeWrong" } });
    }
    expect(await hasUsers(db)).toBe(false);
    // typed in lower case without dashes is the same code
    const typed = code!.toLowerCase().replace(/-/g, " ");
    ownerId = (await createFirstOwner(db, { email: owner.email, password: owner.password, setupCode: typed })).id;
    expect(await hasUsers(db)).toBe(true);
    // used up: no code any more, and setup is closed
    expect(await ensureSetupCode(db)).toBeNull();
    expect(await isSetupCodeValid(db, code!)).toBe(false);
    await expect(
      createFirstOwner(db, { email: "second@example.com", password: "another-pass-1", setupCode: code! }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const all = await db.select().from(users);
    expect(all).toHaveLength(1);
    expect(all[0].role).toBe("owner");
    expect(all[0].passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("signs in case-insensitively and refuses wrong passwords, unknown and disabled users alike", async () => {
    const ok = await verifyCredentials(db, { email: "owner@example.com", password: owner.password, ip: "10.0.0.1" });
    expect(ok).toMatchObject({ ok: true, user: { id: ownerId, role: "owner" } });
    expect(await verifyCredentials(db, { email: owner.email, password: "wrong-password", ip: "10.0.0.1" })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(
      await verifyCredentials(db, { email: "nobody@example.com", password: "wrong-password", ip: "10.0.0.1" }),
    ).toEqual({ ok: false, reason: "invalid" });
  });

  it("spends the same work on unknown and known accounts: one Argon2 verification each", async () => {
    const attempt = async (email: string) => {
      verified.hashes.length = 0;
      await verifyCredentials(db, {
        email,
        password: "wrong-password",
        ip: `10.9.${Math.floor(Math.random() * 250)}.1`,
      });
      return [...verified.hashes];
    };
    const known = await attempt(owner.email);
    const unknown = await attempt("ghost@example.com");
    await db.delete(loginThrottle).where(eq(loginThrottle.key, "email:owner@example.com"));
    // a missing dummy hash would skip the verification for an unknown email and answer in ~0 ms
    expect(known).toHaveLength(1);
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(known[0]).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(unknown[0]).not.toBe(known[0]);
  });

  it("locks an account after repeated failures and refuses even the correct password during the lockout", async () => {
    const email = "locked@example.com";
    await createUser(db, { email, role: "viewer", password: "locked-password-1", actor: null });
    for (let i = 0; i < THROTTLE.accountMaxFailures; i++) {
      await verifyCredentials(db, { email, password: "nope-nope-nope", ip: `10.1.0.${i + 1}` });
    }
    const during = await verifyCredentials(db, { email, password: "locked-password-1", ip: "10.1.0.99" });
    expect(during).toMatchObject({ ok: false, reason: "locked" });
    const later = new Date(Date.now() + THROTTLE.lockMs + 1000);
    expect(
      await verifyCredentials(db, { email, password: "locked-password-1", ip: "10.1.0.99", now: later }),
    ).toMatchObject({ ok: true });
  });

  it("counts five failures in a window whatever succeeds between them; successes alone never lock", async () => {
    const email = "between@example.com";
    await createUser(db, { email, role: "viewer", password: "between-password-1", actor: null });
    for (let i = 0; i < 10; i++) {
      expect(await verifyCredentials(db, { email, password: "between-password-1", ip: "10.1.1.1" })).toMatchObject({
        ok: true,
      });
    }
    for (let i = 0; i < THROTTLE.accountMaxFailures - 1; i++) {
      await verifyCredentials(db, { email, password: `typo-${i}-password`, ip: "10.1.1.2" });
    }
    expect(await verifyCredentials(db, { email, password: "between-password-1", ip: "10.1.1.3" })).toMatchObject({
      ok: true,
    });
    expect(await verifyCredentials(db, { email, password: "typo-last-password", ip: "10.1.1.4" })).toMatchObject({
      ok: false,
      reason: "invalid",
    });
    await expectLocked(email, "between-password-1", "10.1.1.5");
  });

  it("locks a client address that tries many accounts", async () => {
    const ip = "10.2.0.1";
    for (let i = 0; i < THROTTLE.ipMaxFailures; i++) {
      await verifyCredentials(db, { email: `spray${i}@example.com`, password: "guess-guess-1", ip });
    }
    await expectLocked(owner.email, owner.password, ip);
    expect(await verifyCredentials(db, { email: owner.email, password: owner.password, ip: "10.2.0.2" })).toMatchObject(
      { ok: true },
    );
  });

  it("voids sessions on sign-out, role change, disable and password change", async () => {
    const { id } = await createUser(db, {
      email: "editor@example.com",
      role: "editor",
      password: "editor-password-1",
      actor: null,
    });
    const actor = { id: ownerId, email: owner.email };
    const sv = async () => (await db.select().from(users).where(eq(users.id, id)))[0].sessionVersion;

    let version = await sv();
    expect(await getSessionUser(db, { userId: id, sessionVersion: version })).toMatchObject({ role: "editor" });

    await endUserSessions(db, id);
    expect(await getSessionUser(db, { userId: id, sessionVersion: version })).toBeNull();
    version = await sv();

    await updateUserRole(db, { userId: id, role: "viewer", actor });
    expect(await getSessionUser(db, { userId: id, sessionVersion: version })).toBeNull();
    version = await sv();
    expect(await getSessionUser(db, { userId: id, sessionVersion: version })).toMatchObject({ role: "viewer" });

    await setUserPassword(db, { userId: id, password: "new-password-123", actor });
    expect(await getSessionUser(db, { userId: id, sessionVersion: version })).toBeNull();
    version = await sv();

    await setUserDisabled(db, { userId: id, disabled: true, actor });
    expect(await getSessionUser(db, { userId: id, sessionVersion: version })).toBeNull();
    expect(await getSessionUser(db, { userId: id, sessionVersion: await sv() })).toBeNull();
    expect(
      await verifyCredentials(db, { email: "editor@example.com", password: "new-password-123", ip: "10.3.0.1" }),
    ).toEqual({ ok: false, reason: "invalid" });

    const rows = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(id)));
    expect(rows.map((r) => r.action).sort()).toEqual(
      ["user.create", "user.disable", "user.password_change", "user.role_change"].sort(),
    );
    expect(JSON.stringify(rows)).not.toContain("new-password-123");
    expect(JSON.stringify(rows)).not.toContain("argon2");
  });

  it("keeps the last owner and refuses changes to oneself", async () => {
    const actor = { id: ownerId, email: owner.email };
    await expect(updateUserRole(db, { userId: ownerId, role: "viewer", actor })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const { id: second } = await createUser(db, {
      email: "owner2@example.com",
      role: "owner",
      password: "owner2-password",
      actor,
    });
    await setUserDisabled(db, { userId: ownerId, disabled: true, actor: { id: second, email: "owner2@example.com" } });
    await expect(updateUserRole(db, { userId: second, role: "viewer", actor })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await setUserDisabled(db, { userId: ownerId, disabled: false, actor: { id: second, email: "owner2@example.com" } });
  });

  it("lets a user change their own password only with the current one, ending their sessions", async () => {
    const email = "self@example.com";
    const { id } = await createUser(db, { email, role: "viewer", password: "self-password-1", actor: null });
    const actor = { id, email };
    const [before] = await db.select().from(users).where(eq(users.id, id));

    await expect(
      changeOwnPassword(db, { userId: id, currentPassword: "not-it-123", newPassword: "self-password-2", actor }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { currentPassword: "errors.wrongPassword" },
    });
    await expect(
      changeOwnPassword(db, { userId: id, currentPassword: "self-password-1", newPassword: "self-password-1", actor }),
    ).rejects.toMatchObject({
      fieldErrors: { newPassword: "errors.samePassword" },
    });
    const [unchanged] = await db.select().from(users).where(eq(users.id, id));
    expect(unchanged.passwordHash).toBe(before.passwordHash);
    expect(unchanged.sessionVersion).toBe(before.sessionVersion);

    await changeOwnPassword(db, {
      userId: id,
      currentPassword: "self-password-1",
      newPassword: "self-password-2",
      actor,
      correlationId: "c1",
    });
    const [after] = await db.select().from(users).where(eq(users.id, id));
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await getSessionUser(db, { userId: id, sessionVersion: before.sessionVersion })).toBeNull();
    expect(await verifyCredentials(db, { email, password: "self-password-1", ip: "10.5.0.1" })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await verifyCredentials(db, { email, password: "self-password-2", ip: "10.5.0.1" })).toMatchObject({
      ok: true,
    });
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, "user.password_change_own"));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0])).not.toContain("self-password");
  });

  it("counts wrong current passwords toward the account lockout", async () => {
    const email = "guess@example.com";
    const { id } = await createUser(db, { email, role: "viewer", password: "guess-password-1", actor: null });
    const actor = { id, email };
    for (let i = 0; i < THROTTLE.accountMaxFailures; i++) {
      await expect(
        changeOwnPassword(db, {
          userId: id,
          currentPassword: `wrong-${i}-password`,
          newPassword: "guess-password-2",
          actor,
        }),
      ).rejects.toMatchObject({ code: "VALIDATION" });
    }
    // locked now: even the right current password is refused, and so is a sign-in
    await expect(
      changeOwnPassword(db, {
        userId: id,
        currentPassword: "guess-password-1",
        newPassword: "guess-password-2",
        actor,
      }),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expectLocked(email, "guess-password-1", "10.6.0.1");
  });

  it("refuses a second account with the same email in another case", async () => {
    await expect(
      createUser(db, { email: "OWNER@example.com", role: "viewer", password: "dup-password-1", actor: null }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("counts concurrent guesses before verifying them: at most the limit fails, then even the right password is refused", async () => {
    const email = "concurrent@example.com";
    await createUser(db, { email, role: "viewer", password: "concurrent-password-1", actor: null });
    const attempts = Array.from({ length: 30 }, (_, i) =>
      verifyCredentials(db, { email, password: `wrong-guess-${i}`, ip: `10.7.${i}.1` }),
    );
    attempts.splice(15, 0, verifyCredentials(db, { email, password: "concurrent-password-1", ip: "10.7.99.1" }));
    const results = await Promise.all(attempts);
    // a success gives its own attempt back, so the bound is on failed verifications
    expect(results.filter((r) => !r.ok && r.reason === "invalid").length).toBeLessThanOrEqual(
      THROTTLE.accountMaxFailures,
    );
    expect(results.filter((r) => !r.ok && r.reason === "locked").length).toBeGreaterThanOrEqual(
      31 - THROTTLE.accountMaxFailures - 1,
    );
    // whichever attempts got through, the account is locked now
    await expectLocked(email, "concurrent-password-1", "10.7.99.2");
  });

  it("a success does not lift a lock set by concurrent failures", async () => {
    const email = "racer@example.com";
    await createUser(db, { email, role: "viewer", password: "racer-password-1", actor: null });
    const results = await Promise.all([
      verifyCredentials(db, { email, password: "racer-password-1", ip: "10.8.0.1" }),
      ...Array.from({ length: 12 }, (_, i) =>
        verifyCredentials(db, { email, password: `nope-${i}-x`, ip: "10.8.1.1" }),
      ),
    ]);
    expect(results.filter((r) => !r.ok && r.reason === "invalid").length).toBeLessThanOrEqual(
      THROTTLE.accountMaxFailures,
    );
    await expectLocked(email, "racer-password-1", "10.8.0.2");
  });

  it("stops every sign-in for a minute past the global ceiling of failures, whatever the addresses", async () => {
    const email = "ceiling@example.com";
    await createUser(db, { email, role: "viewer", password: "ceiling-password-1", actor: null });
    const now = new Date(Date.now() + 24 * 3600_000);
    for (let i = 0; i < THROTTLE.globalMaxFailuresPerMinute; i++) {
      await verifyCredentials(db, { email: `rotating${i}@example.com`, password: "guess", ip: `10.9.${i}.7`, now });
    }
    await expectLocked(email, "ceiling-password-1", "10.10.0.1", now);
    const later = new Date(now.getTime() + 61_000);
    expect(
      await verifyCredentials(db, { email, password: "ceiling-password-1", ip: "10.10.0.1", now: later }),
    ).toMatchObject({ ok: true });
  });

  it("logs a failed sign-in without the typed email: a password typed there never reaches the log", async () => {
    const lines: string[] = [];
    const capture = (chunk: unknown) => {
      lines.push(String(chunk));
      return true;
    };
    const spies = [
      vi.spyOn(console, "error").mockImplementation((...a) => void lines.push(a.join(" "))),
      vi.spyOn(console, "warn").mockImplementation((...a) => void lines.push(a.join(" "))),
      vi.spyOn(console, "log").mockImplementation((...a) => void lines.push(a.join(" "))),
      vi.spyOn(process.stderr, "write").mockImplementation(capture),
      vi.spyOn(process.stdout, "write").mockImplementation(capture),
    ];
    try {
      await verifyCredentials(db, { email: "Hunter2-My-Real-Password", password: "x", ip: "10.11.0.1" });
      await verifyCredentials(db, { email: owner.email, password: "wrong-password-9", ip: "10.11.0.1" });
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const log = lines.join("\n");
    expect(log).toContain("auth.login_failed");
    expect(log.toLowerCase()).not.toContain("hunter2");
    expect(log.toLowerCase()).not.toContain("owner@example.com");
    expect(log).toContain(`user:${ownerId}`);
  });
});
