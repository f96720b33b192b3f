import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { AppError, asAppError, httpStatusOf } from "./errors";

describe("error mapping", () => {
  it("maps a unique violation, however wrapped, to CONFLICT and leaves other errors unexpected", () => {
    const pgError = Object.assign(new Error('duplicate key value violates unique constraint "x"'), { code: "23505" });
    const wrapped = new DrizzleQueryError("insert into x values ($1)", [1], pgError);
    expect(asAppError(wrapped)).toMatchObject({ code: "CONFLICT", message: "errors.conflict" });
    expect(httpStatusOf(wrapped)).toBe(409);
    expect(asAppError(pgError)?.code).toBe("CONFLICT");
    const own = new AppError("NOT_FOUND", "errors.notFound");
    expect(asAppError(own)).toBe(own);
    expect(asAppError(Object.assign(new Error("deadlock"), { code: "40P01" }))).toBeNull();
    expect(asAppError(new Error("boom"))).toBeNull();
    expect(httpStatusOf(new Error("boom"))).toBe(500);
  });
});
