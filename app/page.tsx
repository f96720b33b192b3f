import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { hasAnyUser } from "@/lib/data/users";

export const dynamic = "force-dynamic";

// The front door: first run -> /setup, signed in -> the dashboard, otherwise -> /login.
export default async function HomePage() {
  if (!(await hasAnyUser())) redirect("/setup");
  redirect((await getCurrentUser()) ? "/overview" : "/login");
}
