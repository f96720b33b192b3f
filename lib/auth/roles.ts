// What each role may do. Server actions declare their roles in lib/actions/policy.json; pages use
// these helpers only to hide controls a role cannot use (the action check is the boundary).
import type { Role } from "@/db/schema/auth";

export type { Role };

export const canManageStores = (role: Role) => role === "owner";
export const canManageUsers = (role: Role) => role === "owner";
/** cost prices, commission rules, "Sync now" */
export const canEdit = (role: Role) => role === "owner" || role === "editor";
