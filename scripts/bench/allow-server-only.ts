// The benchmark calls the lib/data queries directly (to time the SQL alone). Those modules start with
// `import "server-only"`, which throws outside React Server Components; in this CLI process it is
// mapped to an empty module, as vitest does. Import this file before anything from lib/data.
import Module from "node:module";
import path from "node:path";

const empty = path.resolve(__dirname, "../../lib/testing/empty-module.ts");
const moduleWithResolver = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const resolve = moduleWithResolver._resolveFilename;
moduleWithResolver._resolveFilename = function (request: string, ...rest: unknown[]) {
  return request === "server-only" ? empty : resolve.call(this, request, ...rest);
};
