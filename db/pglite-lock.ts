// Exactly one process may open a PGlite data directory: a second writer loses data silently.
// The lock is a file beside the directory holding the owner's pid; a stale lock (dead pid) is taken over.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export class PgliteLockedError extends Error {
  constructor(
    public readonly dataDir: string,
    public readonly ownerPid: number,
  ) {
    super(
      `The embedded database at ${dataDir} is already open in another process (pid ${ownerPid}). ` +
        `Only one process may use it at a time. Stop that process (for example the running "npm start") ` +
        `and try again, or point DATABASE_URL at a PostgreSQL server so several processes can share the data.`,
    );
    this.name = "PgliteLockedError";
  }
}

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
  command: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(lockPath: string): LockOwner | undefined {
  try {
    return JSON.parse(fs.readFileSync(lockPath, "utf8")) as LockOwner;
  } catch {
    return undefined;
  }
}

const held = new Map<string, number>();

export function lockPathFor(dataDir: string): string {
  return `${path.resolve(/*turbopackIgnore: true*/ dataDir)}.lock`;
}

/** Takes the directory lock for this process (re-entrant); throws PgliteLockedError if another live process holds it. */
export function acquirePgliteLock(dataDir: string): () => void {
  const lockPath = lockPathFor(dataDir);
  const count = held.get(lockPath);
  if (count !== undefined) {
    held.set(lockPath, count + 1);
    return () => releasePgliteLock(dataDir);
  }
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const owner: LockOwner = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
    command: process.argv.slice(1, 3).join(" "),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockPath, "wx");
      fs.writeSync(fd, JSON.stringify(owner));
      fs.closeSync(fd);
      held.set(lockPath, 1);
      process.once("exit", () => removeIfOurs(lockPath));
      return () => releasePgliteLock(dataDir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const existing = readOwner(lockPath);
      if (existing && existing.pid === process.pid) {
        held.set(lockPath, 1);
        return () => releasePgliteLock(dataDir);
      }
      if (existing && existing.host === os.hostname() && isAlive(existing.pid)) {
        throw new PgliteLockedError(path.resolve(/*turbopackIgnore: true*/ dataDir), existing.pid);
      }
      // stale: the owner died without cleaning up (kill -9, power loss)
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}

function removeIfOurs(lockPath: string) {
  const existing = readOwner(lockPath);
  if (existing?.pid === process.pid) fs.rmSync(lockPath, { force: true });
}

export function releasePgliteLock(dataDir: string) {
  const lockPath = lockPathFor(dataDir);
  const count = held.get(lockPath);
  if (count === undefined) return;
  if (count > 1) {
    held.set(lockPath, count - 1);
    return;
  }
  held.delete(lockPath);
  removeIfOurs(lockPath);
}
