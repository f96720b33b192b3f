// Runs one of these CLI scripts as a child process, the way npm runs it (tsx from the repo root), on an
// embedded database unless env names one: for the scripts' end-to-end tests.
import { execFile } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "..");

export function runScript(
  script: string,
  args: string[],
  env: Record<string, string | undefined>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      path.join(root, "node_modules/.bin/tsx"),
      [`scripts/${script}.ts`, ...args],
      { cwd: root, env: { ...process.env, DATABASE_URL: "", LOG_LEVEL: "warn", ...env }, timeout: 90_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}
