// Runs once when the Next.js server starts: validate configuration, open the database, apply
// migrations to the embedded database, and start the in-process scheduler when Inngest is not used.
import type { Instrumentation } from "next";

export async function register() {
  // eslint-disable-next-line no-restricted-properties -- set by Next.js per runtime, inlined at build
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { routeConsoleThroughLogger } = await import("./lib/logger");
  routeConsoleThroughLogger();
  const { bootServer } = await import("./lib/server-boot");
  await bootServer();
}

/** Every error Next.js catches while serving a request, as one redacted JSON line with where it happened. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  // eslint-disable-next-line no-restricted-properties -- set by Next.js per runtime, inlined at build
  if (process.env.NEXT_RUNTIME === "edge") return;
  const { logger } = await import("./lib/logger");
  logger.error("request.error", {
    method: request.method,
    path: request.path.split("?")[0],
    routerKind: context.routerKind,
    routePath: context.routePath,
    routeType: context.routeType,
    digest: (error as { digest?: string }).digest,
    error,
  });
};
