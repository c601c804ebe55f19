import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type pg from "pg";
import { env } from "../core/env";
import * as schema from "./schema";
import { ensureAggregates } from "./queries/aggregates/ensure";
import { sqliteSql } from "./sql/sqlite";
import { postgresPool, postgresSql } from "./sql/postgres";
import { migratePostgres } from "./pg/migrate";
import type { Sql } from "./sql/types";

/*
 * The database the app runs on (docs/decisions/016-async-data-layer.md): every query goes through
 * `sql`, the same on both. The SQLite connection is also there for what only SQLite does (backups,
 * integrity checks, its bulk loops).
 */
type Common = { readonly sql: Sql; /** The SQLite file, or the PostgreSQL URL without its password. */ readonly name: string };
export type SqliteDb = Common & {
  readonly dialect: "sqlite";
  readonly $client: Database.Database;
  /** Synchronous work on $client in the connection's turn, never inside another request's transaction (db/sql/sqlite.ts). */
  withConnection<T>(fn: (database: Database.Database) => T): Promise<T>;
};
export type PostgresDb = Common & { readonly dialect: "postgres"; readonly pool: pg.Pool };
export type Db = SqliteDb | PostgresDb;

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/** Opens a database file with the contract's settings and applies pending migrations. */
export function openDatabase(file: string): SqliteDb {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  migrate(drizzle(sqlite, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
  ensureAggregates(sqlite);
  const sql = sqliteSql(sqlite);
  return { dialect: "sqlite", sql, name: sqlite.name, $client: sqlite, withConnection: (fn) => sql.withConnection(fn) };
}

/** Closes the database's connections. */
export async function closeDatabase(db: Db): Promise<void> {
  if (db.dialect === "sqlite") db.$client.close();
  else await db.pool.end();
}

/** A PostgreSQL database by URL (a pool; its migrations are applied by prepareDatabase). */
export function openPostgresDb(url: string): PostgresDb {
  const pool = postgresPool(url);
  return { dialect: "postgres", sql: postgresSql(pool), name: url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1@"), pool };
}

/**
 * Makes the database ready before the first request: SQLite was migrated when it was opened;
 * PostgreSQL is migrated here, under the advisory lock that lets several instances start together.
 */
export async function prepareDatabase(db: Db): Promise<void> {
  if (db.dialect === "postgres") await migratePostgres(db.pool);
}

/** The database the configuration names: PostgreSQL when DATABASE_URL is set, else the SQLite file at DATABASE_PATH. */
export function openConfiguredDatabase(): Db {
  const { DATABASE_URL, DATABASE_PATH } = env();
  return DATABASE_URL ? openPostgresDb(DATABASE_URL) : openDatabase(DATABASE_PATH);
}

// One cached database per process; kept on globalThis so dev hot reload does not leak handles.
const globalForDb = globalThis as unknown as { digiskillsDb?: Db };

export function getDb(): Db {
  globalForDb.digiskillsDb ??= openConfiguredDatabase();
  return globalForDb.digiskillsDb;
}

/**
 * Runs `fn` in one transaction (db/sql/types.ts) with a Db bound to it: every query function called
 * with that Db runs inside the transaction, on both databases.
 */
export function transaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.sql.transaction((sql) => fn({ ...db, sql } as Db));
}
