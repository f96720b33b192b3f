// npm run user:create -- --email owner@example.com --role owner [--name "Anna"] [--password-stdin]
// Creates a user from a shell (the first owner too, instead of /setup). The password is read from
// stdin (piped, or typed without echo at a terminal), never from the command line, so it stays out
// of shell history and the process list. Migrates the database first, like the server does.
import readline from "node:readline";
import { z } from "zod";
import { openDatabase } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { roles } from "@/db/schema/auth";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { createUser } from "@/lib/services/users/create-user";
import { parseArgs, runCli } from "./cli";

const argsSchema = z.object({
  email: z.email({ message: "--email must be an email address" }),
  role: z.enum(roles, { message: `--role must be one of ${roles.join(", ")}` }),
  name: z.string().optional(),
});

async function readPiped(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
    process.stdout.write(question);
    out._writeToOutput = () => {}; // no echo
    rl.question("", (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readPiped();
  const first = await promptHidden("Password: ");
  const second = await promptHidden("Password again: ");
  if (first !== second) throw new Error("the passwords do not match");
  return first;
}

runCli(async () => {
  const raw = parseArgs(process.argv.slice(2));
  const parsed = argsSchema.safeParse({
    email: raw.email,
    role: raw.role,
    name: typeof raw.name === "string" ? raw.name : undefined,
  });
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => i.message).join("\n"));
    console.error(
      'usage: npm run user:create -- --email owner@example.com --role owner [--name "Anna"]  (password on stdin)',
    );
    return 2;
  }
  const password = await readPassword();
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    console.error(`The password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long.`);
    return 2;
  }
  const e = getEnv();
  const database = await openDatabase({ url: e.DATABASE_URL, pgliteDir: e.PGLITE_DIR, maxConnections: 1 });
  try {
    await migrateDatabase(database);
    const { id } = await createUser(database.db, { ...parsed.data, password, actor: null });
    console.log(`Created ${parsed.data.role} ${parsed.data.email} (id ${id}) in ${database.location}.`);
    return 0;
  } catch (error) {
    if (isAppError(error) && error.code === "CONFLICT") {
      console.error(`A user with the email ${parsed.data.email} already exists.`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
});
