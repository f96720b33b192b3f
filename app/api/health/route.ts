import { getHealth } from "@/lib/data/health";
import { logger } from "@/lib/logger";

export const dynamic = "force-dynamic";

/** Liveness and readiness: is the database reachable and are all committed migrations applied? */
export async function GET() {
  try {
    const { database, migrations } = await getHealth();
    const ok = migrations.upToDate;
    return Response.json(
      {
        status: ok ? "ok" : "degraded",
        database: { up: true, kind: database.kind },
        migrations,
      },
      { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    logger.error("health.database_unavailable", { error });
    return Response.json(
      { status: "error", database: { up: false }, error: "database unavailable" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
