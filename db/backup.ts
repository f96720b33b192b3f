// Backups that work the same on the embedded database and on PostgreSQL: a gzip of JSON lines, read in
// one repeatable-read transaction (a consistent snapshot while the app keeps writing to PostgreSQL).
// Line 1 is the header (format, the migrations the data belongs to, the secrets); then, table by table
// in foreign-key order, a line naming the table and one line per row as PostgreSQL's own row_to_json
// text. Rows are never parsed in JavaScript, so numeric(14,2) money, bigint ids and timestamps come
// back exactly as they were. A restore builds the schema of the backup's migrations, loads the rows,
// then applies the migrations this version added (an old backup restores into a newer Sovani).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { pipeline } from "node:stream/promises";
import { PassThrough } from "node:stream";
import { createGunzip, createGzip } from "node:zlib";
import { sql } from "drizzle-orm";
import { type Database, type Db, migrationsFolder, rowsOf, type Tx } from "./index";
import { getMigrationState, migrateDatabase, readJournal } from "./migrate";

export const BACKUP_FORMAT = "sovani-backup";
const FORMAT_VERSION = 1;
const BATCH_ROWS = 2000;

export interface BackupSecrets {
  AUTH_SECRET?: string;
  APP_ENCRYPTION_KEY?: string;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** tags of the migrations the data was written under, in order */
  migrations: string[];
  /** the keys that sign sessions and decrypt the stored marketplace tokens */
  secrets: BackupSecrets;
}

interface TableInfo {
  name: string;
  /** identity columns: their sequences are moved past the restored ids */
  identity: string[];
}

/** The application's tables, each after the tables it references. */
async function listTables(db: Db | Tx): Promise<TableInfo[]> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`),
  ).map((t) => t.name);
  const edges = rowsOf<{ child: string; parent: string }>(
    await db.execute(sql`select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname = 'public'`),
  );
  const identity = rowsOf<{ table_name: string; column_name: string }>(
    await db.execute(sql`select table_name, column_name from information_schema.columns
      where table_schema = 'public' and is_identity = 'YES'`),
  );
  const strip = (name: string) => name.replace(/^public\./, "").replace(/^"|"$/g, "");
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges) if (strip(e.child) !== strip(e.parent)) parents.get(strip(e.child))?.add(strip(e.parent));
  const ordered: string[] = [];
  const visit = (t: string, seen: Set<string>) => {
    if (ordered.includes(t) || seen.has(t)) return;
    seen.add(t);
    for (const p of parents.get(t) ?? []) visit(p, seen);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered.map((name) => ({
    name,
    identity: identity.filter((c) => c.table_name === name).map((c) => c.column_name),
  }));
}

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

async function appliedMigrations(database: Database, folder: string): Promise<string[]> {
  const state = await getMigrationState(database, folder);
  if (!state.upToDate) {
    throw new Error(
      `the database lacks migrations (${state.pending.join(", ")}): run \`npm run db:migrate\` before a backup`,
    );
  }
  return readJournal(folder).entries.map((e) => e.tag);
}

export interface WriteBackupOptions {
  database: Database;
  file: string;
  secrets: BackupSecrets;
  migrationsDir?: string;
}

/** Writes a backup to `file` (a gzip of JSON lines); returns the number of rows per table. */
export async function writeBackup(options: WriteBackupOptions): Promise<Record<string, number>> {
  const { database } = options;
  const migrations = await appliedMigrations(database, options.migrationsDir ?? migrationsFolder);
  const counts: Record<string, number> = {};
  const out = new PassThrough();
  const done = pipeline(out, createGzip(), fs.createWriteStream(options.file, { mode: 0o600 }));
  const write = async (line: string) => {
    if (!out.write(`${line}\n`)) await new Promise((resolve) => out.once("drain", resolve));
  };
  try {
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      migrations,
      secrets: options.secrets,
    };
    await write(JSON.stringify(header));
    await database.db.transaction(
      async (tx) => {
        for (const table of await listTables(tx)) {
          await write(JSON.stringify({ table: table.name }));
          await tx.execute(
            sql`declare backup_rows no scroll cursor for select row_to_json(t)::text as r from ${ident(table.name)} t`,
          );
          let n = 0;
          for (;;) {
            const batch = rowsOf<{ r: string }>(await tx.execute(sql.raw(`fetch ${BATCH_ROWS} from backup_rows`)));
            for (const row of batch) await write(row.r);
            n += batch.length;
            if (batch.length < BATCH_ROWS) break;
          }
          await tx.execute(sql`close backup_rows`);
          counts[table.name] = n;
        }
      },
      { isolationLevel: "repeatable read", accessMode: "read only" },
    );
    out.end();
    await done;
  } catch (error) {
    out.destroy();
    await done.catch(() => {});
    fs.rmSync(options.file, { force: true });
    throw error;
  }
  return counts;
}

/** Reads a backup's header (without loading it). */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  for await (const line of backupLines(file)) return parseHeader(line);
  throw new Error(`${file} is empty`);
}

function parseHeader(line: string): BackupHeader {
  let header: BackupHeader;
  try {
    header = JSON.parse(line) as BackupHeader;
  } catch {
    throw new Error("not a Sovani backup (no header)");
  }
  if (header.format !== BACKUP_FORMAT) throw new Error("not a Sovani backup");
  if (header.version !== FORMAT_VERSION) throw new Error(`backup format ${header.version} is not supported`);
  return header;
}

function backupLines(file: string): AsyncIterable<string> {
  const input = fs.createReadStream(file).pipe(createGunzip());
  return readline.createInterface({ input, crlfDelay: Infinity });
}

/** Whether any application table holds a row (a database that only has the schema is empty). */
export async function hasData(db: Db): Promise<boolean> {
  for (const table of await listTables(db)) {
    const [row] = rowsOf<{ e: boolean }>(await db.execute(sql`select exists(select 1 from ${ident(table.name)}) as e`));
    if (row?.e) return true;
  }
  return false;
}

/** A temporary migrations folder holding only the migrations `tags` (a prefix of `folder`'s); the caller removes it. */
export function migrationsPrefix(folder: string, tags: string[]): string {
  const journal = readJournal(folder);
  const current = journal.entries.map((e) => e.tag);
  if (tags.some((tag, i) => current[i] !== tag)) {
    throw new Error(
      `this backup was made with migrations this version does not have (${tags.filter((t) => !current.includes(t)).join(", ") || "a different order"}): restore it with the version that made it`,
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sovani-migrations-"));
  fs.mkdirSync(path.join(dir, "meta"));
  for (const tag of tags) fs.copyFileSync(path.join(folder, `${tag}.sql`), path.join(dir, `${tag}.sql`));
  fs.writeFileSync(
    path.join(dir, "meta", "_journal.json"),
    JSON.stringify({ ...journal, entries: journal.entries.slice(0, tags.length) }),
  );
  return dir;
}

export interface RestoreBackupOptions {
  database: Database;
  file: string;
  /** replace a database that already holds data */
  force?: boolean;
  migrationsDir?: string;
}

export interface RestoreBackupResult {
  header: BackupHeader;
  counts: Record<string, number>;
  /** migrations applied after loading (added since the backup was made) */
  upgradedBy: number;
}

/**
 * Restores a backup into an empty database (or, with force, one whose data it replaces): the schema of
 * the backup's migrations, every row, the identity sequences, then this version's newer migrations.
 * All in one transaction on the loading step: a failed restore leaves no half-loaded tables.
 */
export async function restoreBackup(options: RestoreBackupOptions): Promise<RestoreBackupResult> {
  const { database } = options;
  const folder = options.migrationsDir ?? migrationsFolder;
  const header = await readBackupHeader(options.file);
  const hasSchema = rowsOf<{ e: boolean }>(
    await database.db.execute(sql`select exists(select 1 from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE') as e`),
  )[0]?.e;
  if (hasSchema && (await hasData(database.db)) && !options.force) {
    throw new Error(`${database.location} already holds data: restore into an empty database, or pass --force`);
  }
  const prefix = migrationsPrefix(folder, header.migrations);
  try {
    // a clean slate: the schema is rebuilt exactly as the backup's migrations made it
    await database.db.execute(sql`drop schema if exists drizzle cascade`);
    await database.db.execute(sql`drop schema if exists public cascade`);
    await database.db.execute(sql`create schema public`);
    await migrateDatabase(database, prefix);
  } finally {
    fs.rmSync(prefix, { recursive: true, force: true });
  }

  const tables = new Map((await listTables(database.db)).map((t) => [t.name, t]));
  const counts: Record<string, number> = {};
  await database.db.transaction(async (tx) => {
    let table: TableInfo | undefined;
    let batch: string[] = [];
    const flush = async () => {
      if (!table || batch.length === 0) return;
      const identity = table.identity.length > 0 ? sql.raw(" overriding system value") : sql.raw("");
      await tx.execute(sql`insert into ${ident(table.name)}${identity}
        select * from json_populate_recordset(null::${ident(table.name)}, ${`[${batch.join(",")}]`}::json)`);
      counts[table.name] = (counts[table.name] ?? 0) + batch.length;
      batch = [];
    };
    let isHeader = true;
    for await (const line of backupLines(options.file)) {
      if (isHeader) {
        isHeader = false;
        continue;
      }
      if (line.startsWith('{"table":')) {
        await flush();
        const name = (JSON.parse(line) as { table: string }).table;
        table = tables.get(name);
        if (!table) throw new Error(`the backup has a table "${name}" its migrations did not create`);
        counts[name] = 0;
        continue;
      }
      if (!table) throw new Error("malformed backup: a row before any table");
      batch.push(line);
      if (batch.length >= BATCH_ROWS) await flush();
    }
    await flush();
    for (const t of tables.values()) {
      for (const column of t.identity) {
        await tx.execute(sql`select setval(pg_get_serial_sequence(${`public.${t.name}`}, ${column}),
          coalesce((select max(${ident(column)}) from ${ident(t.name)}), 1),
          (select max(${ident(column)}) from ${ident(t.name)}) is not null)`);
      }
    }
  });

  const before = (await getMigrationState(database, folder)).pending.length;
  await migrateDatabase(database, folder);
  return { header, counts, upgradedBy: before };
}
