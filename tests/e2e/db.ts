/*
 * A look into the e2e server's database, to check what was really stored: the SQLite file, or the
 * PostgreSQL database whose URL server.ts wrote. Statements take `?` placeholders and must be valid
 * on both databases; counts come back as numbers on both.
 */
import fs from "node:fs";
import Database from "better-sqlite3";
import { closeDatabase, openPostgresDb } from "../../db/client";
import type { Sql } from "../../db/sql/types";
import { columnNamesSql } from "../helpers/columns-sql";
import { E2E_DATABASE, E2E_DATABASE_URL_FILE, E2E_DB } from "./env";

/** Runs `fn` on a fresh PostgreSQL connection, closed afterwards so no pool outlives the test. */
async function onPostgres<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
  const db = openPostgresDb(fs.readFileSync(E2E_DATABASE_URL_FILE, "utf8").trim());
  try {
    return await fn(db.sql);
  } finally {
    await closeDatabase(db);
  }
}

function onSqlite<T>(readonly: boolean, fn: (db: Database.Database) => T): T {
  const db = new Database(E2E_DB, { readonly, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** The rows of a read-only statement. */
export async function query<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T[]> {
  if (E2E_DATABASE === "postgres") return onPostgres((db) => db.all<T & object>(sql, params));
  return onSqlite(true, (db) => db.prepare(sql).all(...params) as T[]);
}

/** Changes stored data behind the app's back, for a state no request can reach quickly. */
export async function execute(sql: string, ...params: unknown[]): Promise<void> {
  if (E2E_DATABASE === "postgres") await onPostgres((db) => db.run(sql, params));
  else onSqlite(false, (db) => db.prepare(sql).run(...params));
}

/** The column names of a table. */
export async function columnsOf(table: string): Promise<string[]> {
  return (await query<{ name: string }>(columnNamesSql(E2E_DATABASE), table)).map((c) => c.name);
}

export async function countResponses(code: string, status: "draft" | "submitted" | "any" = "submitted"): Promise<number> {
  const rows = await query<{ n: number }>(
    `select count(*) n from responses r join waves w on w.id = r.wave_id where w.code = ? and (? = 'any' or r.status = ?)`,
    code,
    status,
    status,
  );
  return rows[0]?.n ?? 0;
}

export async function snapshotResponses(code: string): Promise<string> {
  return JSON.stringify(await query(`select r.* from responses r join waves w on w.id = r.wave_id where w.code = ? order by r.id`, code));
}
