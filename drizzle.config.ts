import { defineConfig } from "drizzle-kit";

// Migrations are generated from db/schema with a name (npm run db:generate -- --name add-x),
// committed, and applied by db/migrate.ts on PGlite and PostgreSQL alike. Never `push`.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  strict: true,
  verbose: true,
});
