import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { closeDatabase, openDatabase, openPostgresDb, prepareDatabase, type Db, type PostgresDb, type SqliteDb } from "../../db/client";
import type { Sql } from "../../db/sql/types";
import { createDatabase } from "../../harness/postgres";
import { pgClusterUrl } from "./pg-test-db";
import { columnNamesSql } from "./columns-sql";

/*
 * Test databases. The unit suite runs twice (vitest.config.mts): once on SQLite and once with
 * TEST_DATABASE=postgres, where every file that uses `createTestDb` runs again on a fresh database
 * of the shared throwaway PostgreSQL cluster. A file that needs what only SQLite has (its file, its
 * pragmas, its synchronous connection) uses `createSqliteTestDb` and runs in the SQLite pass only.
 */

/** The database this pass tests: a fresh SQLite file, or a fresh PostgreSQL database when TEST_DATABASE=postgres. */
export function createTestDb(): Db {
  return testingPostgres() ? createPostgresTestDb() : createSqliteTestDb();
}

export function testingPostgres(): boolean {
  return process.env.TEST_DATABASE === "postgres";
}

/**
 * A fresh SQLite file migrated by the real migrations, one per call, removed when the file's tests
 * finish. No mocked database anywhere.
 */
export function createSqliteTestDb(): SqliteDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "digiskills-test-"));
  const db = openDatabase(path.join(dir, "test.db"));
  afterAll(() => {
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return db;
}

/**
 * A fresh PostgreSQL database, migrated by the real migrations. Returned at once, like the SQLite
 * one, so the call sites stay the same: creating and migrating the database runs in the background
 * and every statement waits for it first.
 */
function createPostgresTestDb(): PostgresDb {
  const name = `u_${crypto.randomBytes(6).toString("hex")}`;
  const url = new URL(pgClusterUrl());
  url.pathname = `/${name}`;
  const db = openPostgresDb(url.toString());
  const ready = createDatabase(pgClusterUrl(), name).then(() => prepareDatabase(db));
  // Failures surface at the first statement; this only keeps an unawaited rejection from being reported twice.
  ready.catch(() => undefined);
  afterAll(() => closeDatabase(db));
  const test: PostgresDb = { ...db, sql: afterReady(db.sql, ready) };
  readiness.set(test, ready);
  return test;
}

const readiness = new WeakMap<Db, Promise<unknown>>();

function afterReady(sql: Sql, ready: Promise<unknown>): Sql {
  return {
    dialect: sql.dialect,
    all: (text, params) => ready.then(() => sql.all(text, params)),
    get: (text, params) => ready.then(() => sql.get(text, params)),
    column: (text, params) => ready.then(() => sql.column(text, params)),
    value: (text, params) => ready.then(() => sql.value(text, params)),
    run: (text, params) => ready.then(() => sql.run(text, params)),
    transaction: (fn) => ready.then(() => sql.transaction(fn)),
  };
}

/**
 * A second, independent connection to the same database, as another process would have: for
 * SQLite the same file opened again, for PostgreSQL a new pool. The caller closes it (closeDatabase).
 */
export function openAgain(db: Db): Db {
  const opened = db.dialect === "sqlite" ? openDatabase(db.name) : openPostgresDb(db.name);
  const ready = readiness.get(db);
  return ready ? { ...opened, sql: afterReady(opened.sql, ready) } : opened;
}

/** The column names of `table`, in their order. */
export async function columnsOf(db: Db, table: string): Promise<string[]> {
  return db.sql.column<string>(columnNamesSql(db.dialect), [table]);
}
