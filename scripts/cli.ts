// Shared CLI plumbing: one clear line per failure and a non-zero exit code.
import { type Database, openDatabase } from "@/db";
import { getMigrationState } from "@/db/migrate";
import { type Env, EnvError } from "@/lib/env";
import { PgliteLockedError } from "@/db/pglite-lock";

export function runCli(main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(typeof code === "number" ? code : 0),
    (error: unknown) => {
      if (error instanceof EnvError || error instanceof PgliteLockedError) console.error(error.message);
      else if (error instanceof Error) console.error(`Error: ${error.message}`);
      else console.error("Error:", error);
      process.exit(1);
    },
  );
}

/** --name value pairs and --flag booleans */
export function parseArgs(argv: string[]): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) throw new Error(`unexpected argument "${arg}"`);
    const [key, inline] = arg.slice(2).split("=", 2);
    if (inline !== undefined) out[key] = inline;
    else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) out[key] = argv[++i];
    else out[key] = true;
  }
  return out;
}

/**
 * A command's options from argv, only those `known`: undefined when --help asked for the usage (printed
 * here), an error naming the first unknown option with the usage.
 */
export function parseOptions(
  argv: string[],
  known: string[],
  usage: string,
): Record<string, string | true> | undefined {
  const args = parseArgs(argv);
  if (args.help) {
    console.log(usage);
    return undefined;
  }
  const unknown = Object.keys(args).filter((k) => !known.includes(k));
  if (unknown.length) throw new Error(`unknown option --${unknown[0]}\n${usage}`);
  return args;
}

/** Opens the configured database for one command, refusing one with pending migrations; closes it after. */
export async function withMigratedDatabase<T>(env: Env, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR, maxConnections: 2 });
  try {
    const state = await getMigrationState(database);
    if (!state.upToDate)
      throw new Error(
        `the database ${database.location} has ${state.pending.length} pending migration(s): run npm run db:migrate first`,
      );
    return await fn(database);
  } finally {
    await database.close();
  }
}
