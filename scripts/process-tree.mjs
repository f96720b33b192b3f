// A process's children and CPU time, read from Linux's /proc: what the pages bench sums over the
// server's workers and what the processes e2e counts of them. Fields of /proc/<pid>/stat after
// "(comm) ": state is index 0, ppid 1, utime 11, stime 12 (clock ticks, 100 per second on Linux).
import fs from "node:fs";

function statFields(pid) {
  return fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
}

/** The pids whose parent is `pid` (a process gone since the listing is left out). */
export function childPids(pid) {
  const children = [];
  for (const id of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(id)) continue;
    try {
      if (statFields(id)[1] === String(pid)) children.push(Number(id));
    } catch {
      // gone since the listing
    }
  }
  return children;
}

/** CPU time (user + system, ms) the process has used so far; throws when it does not exist. */
export function cpuTimeMs(pid) {
  const fields = statFields(pid);
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
