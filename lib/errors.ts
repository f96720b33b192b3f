// Application errors with stable codes; mapped to HTTP statuses and user-facing text in one place.
export type ErrorCode =
  "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "VALIDATION" | "CONFLICT" | "RATE_LIMITED" | "UPSTREAM" | "INTERNAL";

const httpStatus: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UPSTREAM: 502,
  INTERNAL: 500,
};

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    /** field -> message, for form errors shown beside their field */
    public readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return httpStatus[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** PostgreSQL's SQLSTATE for a unique violation, found on the error or any error it wraps (Drizzle wraps pg's). */
function isUniqueViolation(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  if ((error as { code?: unknown }).code === "23505") return true;
  return isUniqueViolation((error as { cause?: unknown }).cause, depth + 1);
}

/**
 * The AppError an error stands for, or null for an unexpected one. The one place where database
 * errors get a meaning: a unique violation (two saves of the same thing racing past a service's own
 * check) is a CONFLICT, never an internal error.
 */
export function asAppError(error: unknown): AppError | null {
  if (isAppError(error)) return error;
  if (isUniqueViolation(error)) return new AppError("CONFLICT", "errors.conflict");
  return null;
}

export function httpStatusOf(error: unknown): number {
  return asAppError(error)?.status ?? 500;
}
