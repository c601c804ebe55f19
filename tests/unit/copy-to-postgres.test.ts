import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import pg from "pg";
import { closeDatabase, openDatabase, openPostgresDb, transaction } from "../../db/client";
import { seedDemo, DEMO_ACCOUNTS, DEMO_CODE } from "../../db/seed-demo";
import { voidResponseInAggregates } from "../../db/queries/aggregates";
import { recordAudit } from "../../db/queries/audit";
import { addInvitationLinks, insertInvitations } from "../../db/queries/invitations";
import { addMembership } from "../../db/queries/users";
import { releasePending } from "../../lib/disclosure/releases";
import { COPIED_TABLES } from "../../lib/cli/commands/copy-to-postgres";
import { freshPgDatabase } from "../helpers/pg-test-db";

/**
 * copy-to-postgres as scripts use it: a real process, a seeded SQLite file, a fresh database on the
 * unit run's PostgreSQL cluster; every table compared row by row afterwards.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "digiskills-copy-pg-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const dbFile = path.join(dir, "source.db");
let pgUrl = "";

beforeAll(async () => {
  const db = openDatabase(dbFile);
  await seedDemo(db);
  await releasePending(db, 5);
  const wave = (await db.sql.get<{ id: number; org_id: number }>("select id, org_id from waves where code = ?", [DEMO_CODE]))!;
  const admin = (await db.sql.get<{ id: number }>("select id from users where email = ?", [DEMO_ACCOUNTS.admin.email]))!;
  const lead = (await db.sql.get<{ id: number }>("select id from users where email = ?", [DEMO_ACCOUNTS.lead.email]))!;
  // A voided response that had been released: it leaves the live aggregates and enters agg_void_cells.
  await transaction(db, async (tx) => {
    const id = (await tx.sql.value<string>("select id from responses where wave_id = ? and status = 'submitted' order by id limit 1", [wave.id]))!;
    await voidResponseInAggregates(tx, id);
    const at = new Date().toISOString();
    await tx.sql.run("update responses set status = 'voided', voided_at = ?, updated_at = ? where id = ?", [at, at, id]);
    await recordAudit(tx, { id: admin.id, email: DEMO_ACCOUNTS.admin.email }, "responses_voided", "northwind/2026-Q4", 1, "completed", "test void");
  });
  const [invitation] = await insertInvitations(db, wave.id, [{ email: "someone@example.com", department: "Sales", locale: "en", token: "first-token" }]);
  await addInvitationLinks(db, [{ invitationId: invitation!.id, token: "second-token" }]);
  const otherOrg = (await db.sql.value<number>("select id from organisations where id <> ? order by id limit 1", [wave.org_id]))!;
  await addMembership(db, lead.id, otherOrg);
  await db.sql.run("insert into sign_in_throttle (key, failures, locked_until, updated_at) values ('email:x@example.com', 3, null, '2026-11-28T10:00:00.000Z')");
  await db.sql.run("insert into rate_limits (key, tokens, updated_ms) values ('start:abc', 2.5, 1764324000000)");
  await db.sql.run("insert into check_retirements (item_id, retired_at, retired_by) values ('data-b1', '2026-12-07T10:00:00.000Z', ?)", [admin.id]);
  await closeDatabase(db);
  // The target is owned by an ordinary role, as in production (the cluster's own role is a superuser):
  // the copy must not need more than owning the tables it migrates.
  const superUrl = await freshPgDatabase("copy");
  const target = new URL(superUrl);
  const role = `owner_${target.pathname.slice(1)}`;
  const superuser = new pg.Client({ connectionString: superUrl });
  await superuser.connect();
  try {
    await superuser.query(`create role "${role}" login nosuperuser`);
    await superuser.query(`alter database "${target.pathname.slice(1)}" owner to "${role}"`);
  } finally {
    await superuser.end();
  }
  target.username = role;
  pgUrl = target.toString();
}, 180_000);

function cli(args: string[]) {
  const r = spawnSync(path.join("node_modules", ".bin", "tsx"), ["lib/cli/main.ts", ...args], {
    env: { ...process.env, DATABASE_PATH: dbFile },
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Rows as comparable JSON: blobs as hex, sorted by the primary key (the same JS order on both sides). */
function normalise(rows: Record<string, unknown>[], key: string[]): string[] {
  const json = rows.map((r) => ({
    key: JSON.stringify(key.map((k) => r[k])),
    row: JSON.stringify(Object.entries(r).map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString("hex") : v])),
  }));
  json.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return json.map((j) => j.row);
}

describe("copy-to-postgres", () => {
  it("copies every table into an empty PostgreSQL database and verifies it", async () => {
    const r = cli(["copy-to-postgres", "--to", pgUrl]);
    expect(r.stderr).not.toContain("error:");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Copied \d+ responses .*verified: row counts equal, aggregates equal a rebuild on both sides/);
    for (const table of COPIED_TABLES) expect(r.stdout).toMatch(new RegExp(`^${table} +\\d+ +\\d+$`, "m"));
    expect(r.stdout).toMatch(/^rate_limits +not copied/m);

    const sqlite = new Database(dbFile, { readonly: true });
    const pg = openPostgresDb(pgUrl);
    try {
      expect(await pg.sql.value<boolean>("select rolsuper from pg_roles where rolname = current_user")).toBe(false);
      for (const table of COPIED_TABLES) {
        const info = sqlite.prepare(`pragma table_info("${table}")`).all() as { name: string; pk: number }[];
        const key = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
        expect(key.length, table).toBeGreaterThan(0);
        const fromSqlite = sqlite.prepare(`select * from "${table}"`).all() as Record<string, unknown>[];
        const fromPg = await pg.sql.all<Record<string, unknown>>(`select * from "${table}"`);
        expect(fromSqlite.length, table).toBeGreaterThan(0);
        expect(normalise(fromPg, key), table).toEqual(normalise(fromSqlite, key));
      }
      expect(await pg.sql.value<number>("select count(*) from rate_limits")).toBe(0);
      // The sequences were moved past the copied ids.
      const maxOrg = sqlite.prepare("select max(id) from organisations").pluck().get() as number;
      const newId = await pg.sql.value<number>("select nextval(pg_get_serial_sequence('\"organisations\"', 'id'))");
      expect(newId).toBe(maxOrg + 1);
      const maxFeed = sqlite.prepare("select max(id) from change_feed").pluck().get() as number;
      expect(await pg.sql.value<number>("select last_value from change_feed_id_seq")).toBe(maxFeed);
      // The change-feed triggers are enabled again after the copy.
      const disabled = await pg.sql.column<string>("select tgname from pg_trigger where not tgisinternal and tgenabled = 'D'");
      expect(disabled).toEqual([]);
    } finally {
      sqlite.close();
      await closeDatabase(pg);
    }
  });

  it("refuses a database that is not empty, naming the table", () => {
    const r = cli(["copy-to-postgres", "--to", pgUrl]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines[lines.length - 1]).toBe("error: the target database is not empty: table organisations already has rows; copy-to-postgres only fills an empty database");
  });

  it.each([
    [["copy-to-postgres"], "error: copy-to-postgres needs --to postgres://user@host:port/database; see npm run cli -- copy-to-postgres --help"],
    [["copy-to-postgres", "--to", "mysql://app@localhost/db"], 'error: --to must be a PostgreSQL URL, postgres://user[:password]@host:port/database or postgresql://… (got "mysql://app@localhost/db")'],
    [["copy-to-postgres", "--to", "postgres://app@localhost/db", "extra"], "error: copy-to-postgres takes no positional arguments (got extra)"],
  ])("%j exits 2 with a one-line reason", (args, message) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(message);
  });
});
