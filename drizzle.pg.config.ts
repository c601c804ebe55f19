import { defineConfig } from "drizzle-kit";

// The PostgreSQL twin of drizzle.config.ts (docs/decisions/015-postgresql-schema-and-migrations.md).
// `generate` needs no server; the migrations are applied by db/pg/migrate.ts.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema-pg.ts",
  out: "./db/migrations-pg",
  dbCredentials: { url: process.env.POSTGRES_URL ?? "postgres://localhost/digiskills" },
});
