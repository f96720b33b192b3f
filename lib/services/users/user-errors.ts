import { AppError } from "@/lib/errors";

export const emailTaken = () => new AppError("CONFLICT", "errors.emailTaken", { email: "errors.emailTaken" });
export const lastOwner = () => new AppError("CONFLICT", "errors.lastOwner");
export const notYourself = () => new AppError("FORBIDDEN", "errors.notYourself");
export const userNotFound = () => new AppError("NOT_FOUND", "errors.notFound");

/** PostgreSQL unique_violation, from either driver */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}
