/*
 * copy-to-postgres: an existing SQLite database ($DATABASE_PATH) into an empty PostgreSQL database,
 * in one PostgreSQL transaction, then checked (row counts, and the aggregates against a rebuild on
 * both sides). docs/cli.md; README, "Moving from SQLite to PostgreSQL".
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { closeDatabase, openDatabase, openPostgresDb, prepareDatabase, type PostgresDb, type SqliteDb } from "../../../db/client";
import { rebuildAggregates } from "../../../db/queries/aggregates";
import type { Sql } from "../../../db/sql/types";
import { COUNTERS } from "../../../core/counters";
import { env } from "../../../core/env";
import { AppError } from "../../../core/errors";
import { progressReporter } from "../progress";
import { UsageError, type Command } from "../command";

/**
 * Every table of the app, parents before children (foreign keys are checked as rows arrive).
 * rate_limits is not copied: its rows are request-rate token buckets that refill within the hour
 * (a missing row is a full bucket), so carrying them over would only carry stale state.
 */
export const COPIED_TABLES = [
  "organisations",
  "waves",
  "users",
  "memberships",
  "check_retirements",
  "responses",
  "invitations",
  "invitation_links",
  "audit_log",
  "agg_waves",
  "agg_wave_cells",
  "agg_releases",
  "agg_release_cells",
  "agg_void_cells",
  "sign_in_throttle",
  "change_feed",
] as const;
const SKIPPED_TABLES = ["rate_limits"] as const;
/** PostgreSQL takes at most 65,535 parameters per statement. */
const MAX_PARAMS = 65_535;
const ROWS_PER_INSERT = 500;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function checkTarget(url: string | undefined): string {
  if (!url) throw new UsageError("copy-to-postgres needs --to postgres://user@host:port/database; see npm run cli -- copy-to-postgres --help");
  if (!/^postgres(ql)?:\/\/\S+$/.test(url)) {
    throw new UsageError(`--to must be a PostgreSQL URL, postgres://user[:password]@host:port/database or postgresql://… (got "${url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1@")}")`);
  }
  return url;
}

/** Every table of the SQLite snapshot must be one this command knows, so none is left behind. */
function checkTables(sqlite: Database.Database): void {
  const known = new Set<string>([...COPIED_TABLES, ...SKIPPED_TABLES]);
  const names = sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' and name not like '\\_\\_drizzle%' escape '\\'").pluck().all() as string[];
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length) throw new AppError("internal", `the SQLite database has table(s) copy-to-postgres does not know: ${unknown.join(", ")}; nothing was copied`);
}

/** Copies one table from the snapshot in multi-row INSERTs; returns the rows copied. */
async function copyTable(sqlite: Database.Database, tx: Sql, table: string, onRows: (n: number) => void): Promise<number> {
  const select = sqlite.prepare(`select * from ${quote(table)}`).raw(true);
  const columns = select.columns().map((c) => c.name);
  const perInsert = Math.max(1, Math.min(ROWS_PER_INSERT, Math.floor(MAX_PARAMS / columns.length)));
  const head = `insert into ${quote(table)} (${columns.map(quote).join(", ")}) values `;
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  const statement = (rows: number) => head + Array.from({ length: rows }, () => tuple).join(", ");
  const full = statement(perInsert);
  let params: unknown[] = [];
  let pending = 0;
  let copied = 0;
  const flush = async () => {
    if (pending === 0) return;
    await tx.run(pending === perInsert ? full : statement(pending), params);
    copied += pending;
    onRows(pending);
    params = [];
    pending = 0;
  };
  // iterate(): one row at a time from SQLite, so at most one batch is in memory.
  for (const row of select.iterate() as IterableIterator<unknown[]>) {
    for (const v of row) params.push(v);
    if (++pending === perInsert) await flush();
  }
  await flush();
  return copied;
}

/** Moves each identity sequence past the copied ids, so the next row gets a new id. */
async function advanceSequences(tx: Sql): Promise<void> {
  for (const table of COPIED_TABLES) {
    const sequence = await tx.value<string | null>("select pg_get_serial_sequence(?, 'id') from information_schema.columns where table_schema = current_schema() and table_name = ? and column_name = 'id'", [quote(table), table]);
    if (!sequence) continue;
    await tx.run(`select setval(pg_get_serial_sequence(?, 'id'), coalesce(max(id), 1), max(id) is not null) from ${quote(table)}`, [quote(table)]);
  }
}

type WaveTotals = Map<number, number[]>;

async function readAggWaves(sql: Sql): Promise<WaveTotals> {
  const rows = await sql.all<Record<string, unknown>>(`select * from agg_waves order by wave_id`);
  return new Map(rows.map((r) => [Number(r.wave_id), COUNTERS.map((c) => Number(r[c]))]));
}

/** The first wave whose counters differ (a missing row counts as all zeros), or undefined. */
function firstDifference(a: WaveTotals, b: WaveTotals): string | undefined {
  const zeros = COUNTERS.map(() => 0);
  for (const waveId of [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => x - y)) {
    const x = a.get(waveId) ?? zeros;
    const y = b.get(waveId) ?? zeros;
    const i = x.findIndex((v, k) => v !== y[k]);
    if (i >= 0) return `wave ${waveId}, ${COUNTERS[i]}: ${x[i]} vs ${y[i]}`;
  }
  return undefined;
}

/** Refuses a target where any app table has rows. */
async function assertEmpty(sql: Sql): Promise<void> {
  for (const table of [...COPIED_TABLES, ...SKIPPED_TABLES]) {
    if (await sql.value<boolean>(`select exists (select 1 from ${quote(table)})`)) {
      throw new AppError("conflict", `the target database is not empty: table ${table} already has rows; copy-to-postgres only fills an empty database`);
    }
  }
}

class RollBack extends Error {}

/** agg_waves as a rebuild from the copied responses makes them on PostgreSQL; the rebuild is rolled back. */
async function rebuiltOnPostgres(pg: PostgresDb, submitted: number): Promise<WaveTotals> {
  let totals: WaveTotals | undefined;
  const progress = progressReporter("verify: rebuild on PostgreSQL", submitted);
  try {
    await pg.sql.transaction(async (tx) => {
      const n = await rebuildAggregates({ ...pg, sql: tx }, (rows) => progress.update(rows, rows));
      progress.done(n);
      totals = await readAggWaves(tx);
      throw new RollBack();
    });
  } catch (e) {
    if (!(e instanceof RollBack)) throw e;
  }
  return totals!;
}

async function rebuiltOnSqlite(file: string, submitted: number): Promise<WaveTotals> {
  const db = openDatabase(file);
  try {
    const progress = progressReporter("verify: rebuild on the SQLite snapshot", submitted);
    const n = await rebuildAggregates(db, (rows) => progress.update(rows, rows));
    progress.done(n);
    return await readAggWaves(db.sql);
  } finally {
    await closeDatabase(db);
  }
}

async function copyToPostgres(source: SqliteDb, url: string): Promise<void> {
  const started = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "digiskills-copy-"));
  const snapshotFile = path.join(dir, "snapshot.db");
  const pg = openPostgresDb(url);
  try {
    await prepareDatabase(pg);
    await assertEmpty(pg.sql); // before the snapshot, which takes a while; again inside the copy's transaction
    // One consistent snapshot of the live file (the server may keep writing to it): copied, counted
    // and rebuilt from, so every comparison below is against the same rows.
    process.stderr.write(`copy: taking a snapshot of ${source.name}\n`);
    await source.withConnection((c) => c.prepare("vacuum into ?").run(snapshotFile));

    const snapshot = new Database(snapshotFile, { readonly: true });
    const counts = new Map<string, number>();
    let copiedRows = 0;
    let submitted = 0;
    try {
      checkTables(snapshot);
      submitted = snapshot.prepare("select count(*) from responses where status = 'submitted'").pluck().get() as number;
      for (const table of COPIED_TABLES) counts.set(table, snapshot.prepare(`select count(*) from ${quote(table)}`).pluck().get() as number);
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      const progress = progressReporter("copy", total);
      await pg.sql.transaction(async (tx) => {
        // The change_feed triggers (on agg_releases) would add a row per copied release; change_feed
        // is copied as it is instead. DISABLE TRIGGER USER leaves the foreign-key checks on, needs
        // only table ownership (no superuser), and its lock keeps other writers out until commit.
        for (const table of COPIED_TABLES) await tx.run(`alter table ${quote(table)} disable trigger user`);
        await assertEmpty(tx);
        for (const table of COPIED_TABLES) {
          await copyTable(snapshot, tx, table, (n) => {
            copiedRows += n;
            progress.update(copiedRows, copiedRows);
          });
        }
        await advanceSequences(tx);
        for (const table of COPIED_TABLES) await tx.run(`alter table ${quote(table)} enable trigger user`);
      });
      progress.done(copiedRows);
    } finally {
      snapshot.close();
    }

    // Verification, after the commit.
    const width = Math.max(...COPIED_TABLES.map((t) => t.length));
    const lines = [`${"table".padEnd(width)}  ${"sqlite rows".padStart(12)}  ${"postgres rows".padStart(13)}`];
    let countMismatch: string | undefined;
    for (const table of COPIED_TABLES) {
      const inPg = (await pg.sql.value<number>(`select count(*) from ${quote(table)}`)) ?? 0;
      const inSqlite = counts.get(table)!;
      lines.push(`${table.padEnd(width)}  ${String(inSqlite).padStart(12)}  ${String(inPg).padStart(13)}`);
      if (inPg !== inSqlite) countMismatch ??= `row counts differ: ${table} has ${inSqlite} rows in SQLite, ${inPg} in PostgreSQL`;
    }
    for (const table of SKIPPED_TABLES) lines.push(`${table.padEnd(width)}  ${"not copied".padStart(12)}  ${"".padStart(13)}`);
    process.stdout.write(`${lines.join("\n")}\n`);
    if (countMismatch) throw new AppError("internal", countMismatch);

    const storedPg = await readAggWaves(pg.sql);
    const rebuiltPg = await rebuiltOnPostgres(pg, submitted);
    const rebuiltSqlite = await rebuiltOnSqlite(snapshotFile, submitted);
    const sides: [string, WaveTotals, WaveTotals][] = [
      ["agg_waves rebuilt on SQLite vs rebuilt on PostgreSQL", rebuiltSqlite, rebuiltPg],
      ["agg_waves copied to PostgreSQL vs rebuilt on PostgreSQL", storedPg, rebuiltPg],
    ];
    for (const [what, a, b] of sides) {
      const diff = firstDifference(a, b);
      if (diff) throw new AppError("internal", `aggregates differ (${what}): ${diff}`);
    }
    process.stdout.write(
      `Copied ${counts.get("responses")} responses (${copiedRows} rows in ${COPIED_TABLES.length} tables) from ${source.name} to ${pg.name} ` +
        `in ${((Date.now() - started) / 1000).toFixed(1)} s; verified: row counts equal, aggregates equal a rebuild on both sides (${rebuiltPg.size} waves).\n`,
    );
  } finally {
    await closeDatabase(pg);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const copyToPostgresCommand: Command = {
  name: "copy-to-postgres",
  summary: `  copy-to-postgres --to URL          copy the SQLite database into an empty PostgreSQL database, then verify`,
  help: `Usage: npm run cli -- copy-to-postgres --to postgres://user@host:port/database

Copies the SQLite database at $DATABASE_PATH into an EMPTY PostgreSQL database (the source is the
SQLite file even when $DATABASE_URL is set):
1. applies the PostgreSQL migrations to the target and refuses (exit 1) when any app table there
   already has rows;
2. takes a consistent snapshot of the SQLite file (VACUUM INTO a temporary file; the server may
   keep running on the file, but what it writes afterwards is not copied);
3. copies every table in foreign-key order, all in one PostgreSQL transaction (all or nothing), in
   multi-row INSERTs, keeping ids; then moves each id sequence past the highest copied id.
   change_feed is copied as it is: the triggers that write it are disabled for the copy
   (ALTER TABLE … DISABLE TRIGGER USER, which needs the role that owns the tables, as the
   migrations do). rate_limits is not copied: its token buckets refill within the hour and a
   missing bucket is a full one;
4. verifies: row counts of every copied table on both sides (printed as a table), and agg_waves
   recomputed from the responses on the SQLite snapshot and on PostgreSQL (the latter rolled back)
   equal each other and the copied agg_waves.
Exit 2 when --to is missing or not a postgres:// or postgresql:// URL; exit 1 when the target is
not empty or any check fails. Progress goes to stderr.`,
  async run({ args, values, openSqliteFile }) {
    if (args.length) throw new UsageError(`copy-to-postgres takes no positional arguments (got ${args.join(" ")})`);
    const url = checkTarget(values.to);
    const file = env().DATABASE_PATH;
    if (!fs.existsSync(file)) throw new UsageError(`no SQLite database at ${file} ($DATABASE_PATH)`);
    await copyToPostgres(openSqliteFile(), url);
  },
};
