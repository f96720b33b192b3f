import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { getCurrentUser } from "@/lib/auth/current-user";
import { hasUsers } from "@/lib/services/users/has-users";

export const dynamic = "force-dynamic";

// The front door: first run -> /setup, signed in -> the dashboard, otherwise -> /login.
export default async function HomePage() {
  if (!(await hasUsers(await getDb()))) redirect("/setup");
  redirect((await getCurrentUser()) ? "/overview" : "/login");
}
