// authorized() and authorizedOrNull(): the session (and role) check runs before the query, and a
// refused read never reaches the database.
import { beforeEach, describe, expect, it, vi } from "vitest";

const auth = vi.hoisted(() => ({
  user: null as { id: number; role: "owner" | "editor" | "viewer" } | null,
  calls: [] as string[],
}));

class Redirect extends Error {}

vi.mock("@/lib/auth/current-user", () => ({
  getCurrentUser: async () => {
    auth.calls.push("getCurrentUser");
    return auth.user;
  },
  requireUser: async () => {
    auth.calls.push("requireUser");
    if (!auth.user) throw new Redirect("/login");
    return auth.user;
  },
  requireRole: async (roles: readonly string[]) => {
    auth.calls.push(`requireRole:${roles.join(",")}`);
    if (!auth.user) throw new Redirect("/login");
    if (!roles.includes(auth.user.role)) throw new Redirect("/overview?denied=1");
    return auth.user;
  },
}));

const theDb = { name: "the app's database" };
vi.mock("@/db", () => ({ getDb: async () => theDb }));

const { authorized, authorizedOrNull } = await import("./authorized");

describe("authorized", () => {
  beforeEach(() => {
    auth.user = null;
    auth.calls = [];
  });

  it("requires a signed-in user, then runs the query on the app's database with the arguments", async () => {
    const query = vi.fn(async (db: unknown, a: number, b: string) => ({ db, a, b }));
    const load = authorized(query);
    await expect(load(1, "x")).rejects.toBeInstanceOf(Redirect);
    expect(query).not.toHaveBeenCalled();
    auth.user = { id: 7, role: "viewer" };
    await expect(load(1, "x")).resolves.toEqual({ db: theDb, a: 1, b: "x" });
    expect(auth.calls).toEqual(["requireUser", "requireUser"]);
  });

  it("with roles, refuses the other roles before the query runs", async () => {
    const query = vi.fn(async () => "rows");
    const load = authorized(query, { roles: ["owner"] });
    auth.user = { id: 2, role: "editor" };
    await expect(load()).rejects.toThrow("/overview?denied=1");
    expect(query).not.toHaveBeenCalled();
    auth.user = { id: 1, role: "owner" };
    await expect(load()).resolves.toBe("rows");
    expect(query).toHaveBeenCalledTimes(1);
    expect(auth.calls).toEqual(["requireRole:owner", "requireRole:owner"]);
  });
});

describe("authorizedOrNull", () => {
  beforeEach(() => {
    auth.user = null;
    auth.calls = [];
  });

  it("resolves to null without a user (no redirect, no query), else to the query's result", async () => {
    const query = vi.fn(async (db: unknown, n: number) => ({ db, n }));
    const load = authorizedOrNull(query);
    await expect(load(3)).resolves.toBeNull();
    expect(query).not.toHaveBeenCalled();
    auth.user = { id: 3, role: "viewer" };
    await expect(load(3)).resolves.toEqual({ db: theDb, n: 3 });
    expect(auth.calls).toEqual(["getCurrentUser", "getCurrentUser"]);
  });
});
