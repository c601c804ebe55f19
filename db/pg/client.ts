/*
 * PostgreSQL connection for the second database (docs/decisions/015-postgresql-schema-and-migrations.md).
 * Nothing in the app calls this yet: the app is SQLite-only until the data layer is converted.
 */
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import * as schema from "../schema-pg";

export type PgDb = NodePgDatabase<typeof schema> & { $client: Pool };

/** A connection pool on `url` (postgres://…) and a drizzle database over it with db/schema-pg.ts. */
export function openPostgres(url: string): { pool: Pool; db: PgDb } {
  const pool = new Pool({ connectionString: url });
  const db = drizzle({ client: pool, schema });
  return { pool, db };
}
