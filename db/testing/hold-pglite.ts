// Test helper process: opens a PGlite directory, prints "ready", and holds it until killed.
import { openDatabase } from "../index";

const dir = process.argv[2];
openDatabase({ pgliteDir: dir }).then(
  () => {
    console.log("ready");
    setInterval(() => {}, 1000);
  },
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
