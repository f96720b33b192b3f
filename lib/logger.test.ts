import { DrizzleQueryError } from "drizzle-orm/errors";
import { afterEach, describe, expect, it, vi } from "vitest";
import { onRequestError } from "@/instrumentation";
import { logger, routeConsoleThroughLogger } from "./logger";

function captureStreams() {
  const lines: string[] = [];
  const capture = (chunk: unknown) => {
    lines.push(...String(chunk).split("\n").filter(Boolean));
    return true;
  };
  const spies = [
    vi.spyOn(process.stderr, "write").mockImplementation(capture),
    vi.spyOn(process.stdout, "write").mockImplementation(capture),
  ];
  return { lines, restore: () => spies.forEach((s) => s.mockRestore()) };
}

const failedQuery = () =>
  new DrizzleQueryError(
    'insert into "users" ("email", "password_hash")\nvalues ($1, $2)',
    ["someone@example.com", "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g\nsecond line"],
    Object.assign(new Error('duplicate key value violates unique constraint "users_email_lower_uq"'), {
      code: "23505",
    }),
  );

describe("logger", () => {
  const original = { error: console.error, warn: console.warn };
  afterEach(() => {
    console.error = original.error;
    console.warn = original.warn;
  });

  it("drops the parameters of a failed query from its message and stack, and keeps the database's reason", () => {
    const { lines, restore } = captureStreams();
    try {
      const error = failedQuery();
      logger.error("action.failed", { error, stack: error.stack });
    } finally {
      restore();
    }
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]);
    expect(lines[0]).not.toContain("someone@example.com");
    expect(lines[0]).not.toContain("argon2");
    expect(lines[0]).not.toContain("second line");
    expect(entry.error.message).toContain('insert into "users"');
    expect(entry.error.message).toContain("params: [redacted]");
    expect(entry.error.cause.message).toContain("users_email_lower_uq");
    expect(entry.stack).toMatch(/params: \[redacted\]\n\s+at /);
  });

  it("turns the framework's multi-line console errors into one redacted JSON line each", () => {
    routeConsoleThroughLogger();
    const { lines, restore } = captureStreams();
    try {
      console.error(failedQuery());
      console.error(
        "Error: Body exceeded 1 MB limit.\n    To configure the body size limit for Server Actions, see...",
      );
      console.warn("⚠ Invalid Server Actions request.", new Error("x-forwarded-host mismatch"));
    } finally {
      restore();
    }
    expect(lines).toHaveLength(3);
    const entries = lines.map((l) => JSON.parse(l));
    expect(entries.map((e) => [e.level, e.event])).toEqual([
      ["error", "console.error"],
      ["error", "console.error"],
      ["warn", "console.warn"],
    ]);
    expect(lines.join("\n")).not.toContain("someone@example.com");
    expect(entries[1].message).toContain("Body exceeded");
    expect(entries[2].error.message).toBe("x-forwarded-host mismatch");
  });

  it("reports request errors (onRequestError) as one line with the route, without the query string", async () => {
    const { lines, restore } = captureStreams();
    try {
      await onRequestError(
        failedQuery(),
        { path: "/skus?q=secret-search", method: "GET", headers: {} },
        {
          routerKind: "App Router",
          routePath: "/(dashboard)/skus",
          routeType: "render",
          renderSource: "react-server-components",
          revalidateReason: undefined,
        },
      );
    } finally {
      restore();
    }
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]);
    expect(entry).toMatchObject({ level: "error", event: "request.error", path: "/skus", routeType: "render" });
    expect(lines[0]).not.toContain("someone@example.com");
    expect(lines[0]).not.toContain("secret-search");
  });
});
