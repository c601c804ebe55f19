import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { env } from "../core/env";
import * as schema from "./schema";
import { ensureAggregates } from "./queries/aggregates";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/** Opens a database file with the contract's settings and applies pending migrations. */
export function openDatabase(file: string): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  ensureAggregates(db as Db);
  return db as Db;
}

// One cached connection per process; kept on globalThis so dev hot reload does not leak handles.
const globalForDb = globalThis as unknown as { digiskillsDb?: Db };

export function getDb(): Db {
  globalForDb.digiskillsDb ??= openDatabase(env().DATABASE_PATH);
  return globalForDb.digiskillsDb;
}
