/*
 * The two schemas are one schema: db/migrations applied to a fresh SQLite file and db/migrations-pg
 * applied to a fresh PostgreSQL database give the same tables, the same columns in the same order
 * with the same nullability, defaults and type family, the same primary keys, unique and plain
 * indexes (by column list), foreign keys, check constraints and triggers. drizzle's bookkeeping
 * tables and sqlite_sequence are left out.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type SqliteDb } from "../../../db/client";
import { migratePostgres } from "../../../db/pg/migrate";
import { freshPgDatabase, openPgForTest } from "../../helpers/pg-test-db";

type Column = { name: string; type: string; notNull: boolean; hasDefault: boolean };
type Shape = {
  tables: string[];
  columns: Record<string, Column[]>;
  primaryKeys: Record<string, string[]>;
  /** "table(col,col)" of every unique index or constraint other than the primary key. */
  unique: string[];
  /** "table(col,col)" of every non-unique index. */
  plainIndexes: string[];
  /** "table(col) -> table(col) on delete …" */
  foreignKeys: string[];
  /** "table.name" of every check constraint. */
  checks: string[];
  /** "table.name" of every trigger. */
  triggers: string[];
};

/** SQLite declared types → the PostgreSQL types they map to (docs/decisions/015). */
const PG_TYPE_OF: Record<string, string[]> = {
  integer: ["integer", "bigint"],
  text: ["text"],
  real: ["double precision"],
  blob: ["bytea"],
};

function sqliteShape(db: SqliteDb): Shape {
  const c = db.$client;
  const tables = (c.prepare("select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name").all() as {
    name: string;
    sql: string;
  }[]);
  const shape: Shape = { tables: tables.map((t) => t.name), columns: {}, primaryKeys: {}, unique: [], plainIndexes: [], foreignKeys: [], checks: [], triggers: [] };
  for (const { name, sql } of tables) {
    const info = c.prepare(`pragma table_info("${name}")`).all() as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[];
    shape.columns[name] = info.map((col) => ({
      name: col.name,
      type: col.type.toLowerCase(),
      // A primary key column is never null (SQLite allows NULL in a non-integer key unless declared NOT NULL; all of ours are).
      notNull: col.notnull === 1 || col.pk > 0,
      hasDefault: col.dflt_value !== null,
    }));
    shape.primaryKeys[name] = info.filter((col) => col.pk > 0).sort((a, b) => a.pk - b.pk).map((col) => col.name);
    const indexes = c.prepare(`pragma index_list("${name}")`).all() as { name: string; unique: number; origin: string }[];
    for (const index of indexes) {
      if (index.origin === "pk") continue;
      const cols = (c.prepare(`pragma index_info("${index.name}")`).all() as { seqno: number; name: string }[])
        .sort((a, b) => a.seqno - b.seqno)
        .map((col) => col.name);
      (index.unique ? shape.unique : shape.plainIndexes).push(`${name}(${cols.join(",")})`);
    }
    const fks = c.prepare(`pragma foreign_key_list("${name}")`).all() as { from: string; table: string; to: string; on_delete: string }[];
    for (const fk of fks) shape.foreignKeys.push(`${name}(${fk.from}) -> ${fk.table}(${fk.to}) on delete ${fk.on_delete.toLowerCase()}`);
    for (const m of sql.matchAll(/CONSTRAINT\s+[`"]?(\w+)[`"]?\s+CHECK/gi)) shape.checks.push(`${name}.${m[1]}`);
  }
  const triggers = c.prepare("select name, tbl_name from sqlite_master where type = 'trigger'").all() as { name: string; tbl_name: string }[];
  shape.triggers = triggers.map((t) => `${t.tbl_name}.${t.name}`);
  return sorted(shape);
}

async function pgShape(pool: Pool): Promise<Shape> {
  const q = async <T extends object>(text: string) => (await pool.query<T>(text)).rows;
  const tables = (await q<{ table_name: string }>("select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name")).map(
    (t) => t.table_name,
  );
  const shape: Shape = { tables, columns: {}, primaryKeys: {}, unique: [], plainIndexes: [], foreignKeys: [], checks: [], triggers: [] };
  const columns = await q<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null }>(
    "select table_name, column_name, data_type, is_nullable, column_default from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position",
  );
  for (const col of columns) {
    (shape.columns[col.table_name] ??= []).push({ name: col.column_name, type: col.data_type, notNull: col.is_nullable === "NO", hasDefault: col.column_default !== null });
  }
  const indexes = await q<{ table: string; name: string; primary: boolean; unique: boolean; columns: string[] }>(`
    select t.relname as table, i.relname as name, x.indisprimary as primary, x.indisunique as unique,
           array(select a.attname from unnest(x.indkey) with ordinality k(attnum, n)
                 join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum order by k.n)::text[] as columns
    from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
    join pg_namespace ns on ns.oid = t.relnamespace where ns.nspname = 'public'`);
  for (const index of indexes) {
    if (index.primary) shape.primaryKeys[index.table] = index.columns;
    else (index.unique ? shape.unique : shape.plainIndexes).push(`${index.table}(${index.columns.join(",")})`);
  }
  for (const table of tables) shape.primaryKeys[table] ??= [];
  const fks = await q<{ from_table: string; from_cols: string[]; to_table: string; to_cols: string[]; on_delete: string }>(`
    select c.conrelid::regclass::text as from_table, c.confrelid::regclass::text as to_table,
           array(select attname from unnest(c.conkey) with ordinality k(n, o) join pg_attribute on attrelid = c.conrelid and attnum = k.n order by k.o)::text[] as from_cols,
           array(select attname from unnest(c.confkey) with ordinality k(n, o) join pg_attribute on attrelid = c.confrelid and attnum = k.n order by k.o)::text[] as to_cols,
           case c.confdeltype when 'a' then 'no action' when 'r' then 'restrict' when 'c' then 'cascade' when 'n' then 'set null' when 'd' then 'set default' end as on_delete
    from pg_constraint c join pg_namespace ns on ns.oid = c.connamespace where c.contype = 'f' and ns.nspname = 'public'`);
  for (const fk of fks) shape.foreignKeys.push(`${fk.from_table}(${fk.from_cols.join(",")}) -> ${fk.to_table}(${fk.to_cols.join(",")}) on delete ${fk.on_delete}`);
  const checks = await q<{ table: string; name: string }>(
    "select c.conrelid::regclass::text as table, c.conname as name from pg_constraint c join pg_namespace ns on ns.oid = c.connamespace where c.contype = 'c' and ns.nspname = 'public'",
  );
  shape.checks = checks.map((c) => `${c.table}.${c.name}`);
  const triggers = await q<{ table: string; name: string }>(
    "select t.tgrelid::regclass::text as table, t.tgname as name from pg_trigger t join pg_class r on r.oid = t.tgrelid join pg_namespace ns on ns.oid = r.relnamespace where not t.tgisinternal and ns.nspname = 'public'",
  );
  shape.triggers = triggers.map((t) => `${t.table}.${t.name}`);
  return sorted(shape);
}

function sorted(shape: Shape): Shape {
  for (const key of ["unique", "plainIndexes", "foreignKeys", "checks", "triggers"] as const) shape[key].sort();
  return shape;
}

let dir: string;
let sqlite: SqliteDb;
let lite: Shape;
let pg: Shape;
const { pool } = openPgForTest(await freshPgDatabase("parity"));

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "digiskills-parity-"));
  sqlite = openDatabase(path.join(dir, "parity.db"));
  await migratePostgres(pool);
  lite = sqliteShape(sqlite);
  pg = await pgShape(pool);
});

afterAll(() => {
  sqlite?.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("schema parity between db/schema.ts (SQLite) and db/schema-pg.ts (PostgreSQL)", () => {
  it("has the same tables", () => {
    expect(lite.tables.length).toBeGreaterThan(10);
    expect(pg.tables).toEqual(lite.tables);
  });

  it("has, per table, the same columns in the same order, nullability and presence of a default", () => {
    const names = (s: Shape) => Object.fromEntries(Object.entries(s.columns).map(([t, cols]) => [t, cols.map(({ name, notNull, hasDefault }) => ({ name, notNull, hasDefault }))]));
    expect(names(pg)).toEqual(names(lite));
  });

  it("maps every column type: integer → integer (bigint for epoch milliseconds), real → double precision, blob → bytea, text → text", () => {
    for (const table of lite.tables) {
      lite.columns[table]!.forEach((col, i) => {
        const pgType = pg.columns[table]?.[i]?.type;
        expect(PG_TYPE_OF[col.type] ?? [], `${table}.${col.name}: ${col.type} vs ${pgType}`).toContain(pgType);
      });
    }
    const bigints = Object.entries(pg.columns).flatMap(([t, cols]) => cols.filter((c) => c.type === "bigint").map((c) => `${t}.${c.name}`));
    expect(bigints).toEqual(["rate_limits.updated_ms"]);
  });

  it("has the same primary keys, unique and plain indexes (by column list)", () => {
    expect(pg.primaryKeys).toEqual(lite.primaryKeys);
    expect(pg.unique).toEqual(lite.unique);
    expect(pg.plainIndexes).toEqual(lite.plainIndexes);
    expect(lite.unique).toContain("waves(org_id,label)");
  });

  it("has the same foreign keys, check constraints and triggers", () => {
    expect(pg.foreignKeys).toEqual(lite.foreignKeys);
    expect(pg.checks).toEqual(lite.checks);
    expect(lite.checks).toContain("responses.submitted_has_time");
    expect(pg.triggers).toEqual(lite.triggers);
  });
});
