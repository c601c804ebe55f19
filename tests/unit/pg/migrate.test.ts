/*
 * db/pg/migrate.ts against a real PostgreSQL server (the shared throwaway cluster): the migrations
 * apply to an empty database, a second run is a no-op, and instances starting together are
 * serialised by the advisory lock.
 */
import fs from "node:fs";
import path from "node:path";
import { Client, Pool } from "pg";
import { describe, expect, it } from "vitest";
import { MIGRATION_LOCK_KEY, PG_MIGRATIONS_FOLDER, migratePostgres } from "../../../db/pg/migrate";
import { freshPgDatabase, openPgForTest } from "../../helpers/pg-test-db";

const journal = JSON.parse(fs.readFileSync(path.join(PG_MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
  entries: { tag: string }[];
};

async function publicTables(pool: Pool): Promise<string[]> {
  const r = await pool.query<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = 'public' order by table_name",
  );
  return r.rows.map((row) => row.table_name);
}

async function appliedMigrations(pool: Pool): Promise<{ id: number; hash: string; created_at: string }[]> {
  const r = await pool.query<{ id: number; hash: string; created_at: string }>(
    "select id, hash, created_at::text from drizzle.__drizzle_migrations order by id",
  );
  return r.rows;
}

/** Resolves once a session waits (not granted) for the migrations' advisory lock. */
async function waitForLockWaiter(pool: Pool): Promise<void> {
  const key = MIGRATION_LOCK_KEY;
  const classid = (key >> 32n).toString();
  const objid = (key & 0xffffffffn).toString();
  const deadline = Date.now() + 20_000;
  for (;;) {
    const r = await pool.query(
      "select 1 from pg_locks where locktype = 'advisory' and classid = $1::oid and objid = $2::oid and objsubid = 1 and not granted",
      [classid, objid],
    );
    if (r.rowCount) return;
    if (Date.now() > deadline) throw new Error("no session ever waited for the migration lock");
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe("migratePostgres", () => {
  it("applies every migration to an empty database, and a second run changes nothing", async () => {
    const { pool } = openPgForTest(await freshPgDatabase("mig"));
    expect(await publicTables(pool)).toEqual([]);

    await migratePostgres(pool);
    const tables = await publicTables(pool);
    expect(tables).toEqual(expect.arrayContaining(["organisations", "waves", "responses", "agg_wave_cells", "audit_log", "rate_limits"]));
    const applied = await appliedMigrations(pool);
    expect(applied).toHaveLength(journal.entries.length);

    await pool.query("insert into organisations (slug, name, sector, size_band) values ('keep', 'Keep', 'IT', 'small')");
    await migratePostgres(pool);
    expect(await appliedMigrations(pool)).toEqual(applied);
    expect(await publicTables(pool)).toEqual(tables);
    expect((await pool.query("select slug from organisations")).rows).toEqual([{ slug: "keep" }]);
    // The lock is released: another session can take it at once.
    const free = await pool.query<{ ok: boolean }>("select pg_try_advisory_lock($1::bigint) ok", [MIGRATION_LOCK_KEY.toString()]);
    expect(free.rows[0]!.ok).toBe(true);
    await pool.query("select pg_advisory_unlock_all()");
  });

  it("two instances starting together on one empty database both succeed and apply the schema once", async () => {
    const url = await freshPgDatabase("race");
    const a = openPgForTest(url).pool;
    const b = openPgForTest(url).pool;
    await Promise.all([migratePostgres(a), migratePostgres(b)]);
    expect(await appliedMigrations(a)).toHaveLength(journal.entries.length);
    const hashes = (await appliedMigrations(b)).map((m) => m.hash);
    expect(new Set(hashes).size).toBe(journal.entries.length);
  });

  it("waits while another session holds the migration lock and applies nothing until it is released", async () => {
    const url = await freshPgDatabase("lock");
    const { pool } = openPgForTest(url);
    const holder = new Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query("select pg_advisory_lock($1::bigint)", [MIGRATION_LOCK_KEY.toString()]);
      let done = false;
      const migrating = migratePostgres(pool).then(() => {
        done = true;
      });
      await waitForLockWaiter(pool);
      expect(done).toBe(false);
      expect(await publicTables(pool)).toEqual([]);
      await holder.query("select pg_advisory_unlock($1::bigint)", [MIGRATION_LOCK_KEY.toString()]);
      await migrating;
      expect(await appliedMigrations(pool)).toHaveLength(journal.entries.length);
    } finally {
      await holder.end();
    }
  });
});
