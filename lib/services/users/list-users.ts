import { asc } from "drizzle-orm";
import type { Db } from "@/db";
import { users, type Role } from "@/db/schema/auth";

export interface UserListItem {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  isDisabled: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
}

/** Users for the settings page, never with their password hash. */
export async function listUsers(db: Db): Promise<UserListItem[]> {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      isDisabled: users.isDisabled,
      lastLoginAt: users.lastLoginAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(users.id));
}
