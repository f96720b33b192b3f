// Runs once when the Next.js server starts: validate configuration, open the database, apply
// migrations to the embedded database, and start the in-process scheduler when Inngest is not used.
export async function register() {
  // eslint-disable-next-line no-restricted-properties -- set by Next.js per runtime, inlined at build
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootServer } = await import("./lib/server-boot");
  await bootServer();
}
