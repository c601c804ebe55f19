import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, inject } from "vitest";
import { closeDatabase, openDatabase, openPostgresDb, type Db, type PostgresDb, type SqliteDb } from "../../db/client";
import { insertOrganisation, insertWave } from "../../db/factories";
import { rebuildAggregates } from "../../db/queries/aggregates";
import { addMembership, insertUser } from "../../db/queries/users";
import { hashPasswordSync } from "../../core/passwords";
import { completeAnswers } from "../../harness/answers";
import type { ServerDatabase } from "../../harness/app-server";
import { createDatabase } from "../../harness/postgres";
import { ADMIN, LEAD } from "./fixture-users";
import { TEMPLATE_DATABASE } from "./global-setup";

export { ADMIN, LEAD };
export const ANSWERS = completeAnswers("Sales");

/**
 * The database the run's servers use: RELIABILITY_DATABASE=postgres runs every file on PostgreSQL
 * (a database per file or round on one cluster, tests/reliability/global-setup.ts), else SQLite.
 */
export const DATABASE_KIND: "sqlite" | "postgres" = process.env.RELIABILITY_DATABASE === "postgres" ? "postgres" : "sqlite";
export const onPostgres = DATABASE_KIND === "postgres";

/**
 * `describe` for tests that are about one kind of database by nature; in the other pass they are
 * skipped, and the title says why.
 */
export function describeOnly(kind: typeof DATABASE_KIND, reason: string): typeof describe {
  if (kind === DATABASE_KIND) return describe;
  return ((name: string, fn?: () => void) => describe.skip(`${name} [${kind} only: ${reason}]`, fn)) as typeof describe;
}

/** The hash the run's global setup made of a fixture password (else made here). */
function passwordHash(password: string): string {
  let made: Record<string, string> | undefined;
  try {
    made = inject("fixturePasswordHashes");
  } catch {
    // Outside a vitest run with tests/reliability/global-setup.ts.
  }
  return made?.[password] ?? hashPasswordSync(password);
}

/** One organisation, an open wave `rel-open`, an admin and a lead, in a migrated database of either kind. */
export async function seedFixture(db: Db): Promise<{ waveId: number }> {
  const org = await insertOrganisation(db, { slug: "rel-co", name: "Reliability Co", sector: "Retail", sizeBand: "medium", departments: ["Sales", "IT", "Ops"] });
  const wave = await insertWave(db, { orgId: org.id, label: "2026-Q4", questionnaireVersion: 1, code: "rel-open" });
  await insertUser(db, { email: ADMIN.email, name: "Admin", role: "admin", passwordHash: passwordHash(ADMIN.password) });
  const lead = await insertUser(db, { email: LEAD.email, name: "Lead", role: "lead", passwordHash: passwordHash(LEAD.password) });
  await addMembership(db, lead.id, org.id);
  return { waveId: wave.id };
}

/**
 * A test's database, migrated: `database` is what startServer takes; `dbPath` is the SQLite file
 * (`dir`/app.db), or "" on PostgreSQL.
 */
export type FixtureDb = { database: ServerDatabase; dbPath: string };

/** A new, migrated, empty database of the run's kind (`dir` holds the SQLite file). */
export async function createEmptyDb(dir: string, kind = DATABASE_KIND): Promise<FixtureDb> {
  if (kind === "sqlite") {
    const dbPath = path.join(dir, "app.db");
    openDatabase(dbPath).$client.close();
    return { database: dbPath, dbPath };
  }
  const name = `rel_${path.basename(dir).replace(/[^a-z0-9]+/gi, "_").toLowerCase().slice(0, 40)}_${crypto.randomBytes(4).toString("hex")}`;
  const templateUrl = inject("reliabilityTemplateUrl");
  if (!templateUrl) throw new Error("No PostgreSQL cluster in this run: set RELIABILITY_DATABASE=postgres (tests/reliability/global-setup.ts starts it)");
  const url = await createDatabase(templateUrl, name, { template: TEMPLATE_DATABASE });
  return { database: { url }, dbPath: "" };
}

/** A migrated database of the run's kind with the fixture (seedFixture). */
export async function createFixtureDb(dir: string, kind = DATABASE_KIND): Promise<FixtureDb & { waveId: number }> {
  const created = await createEmptyDb(dir, kind);
  const db = openFixtureDb(created.database);
  try {
    return { ...created, ...(await seedFixture(db)) };
  } finally {
    await closeDatabase(db);
  }
}

/** Opens a test's database for checks (close it with closeDatabase). */
export function openFixtureDb(database: ServerDatabase): Db {
  return typeof database === "string" ? openDatabase(database) : openPostgresDb(database.url);
}

/** Runs `fn` on the test's database, then closes it. */
export async function withFixtureDb<T>(database: ServerDatabase, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = openFixtureDb(database);
  try {
    return await fn(db);
  } finally {
    await closeDatabase(db);
  }
}

/** Aggregate tables as rows (empty cells left out), to compare with a rebuild on the same kind of database. */
export async function dumpAggregates(db: Db): Promise<string> {
  const hex = db.sql.dialect === "sqlite" ? "hex(counters)" : "upper(encode(counters, 'hex'))";
  return JSON.stringify({
    waves: await db.sql.all("select * from agg_waves order by wave_id"),
    cells: await db.sql.all(`select wave_id, department, seniority, n, ${hex} c from agg_wave_cells where n <> 0 order by wave_id, department, seniority`),
  });
}

/**
 * The stored aggregates and a full rebuild from the stored responses, to compare. The rebuild never
 * touches the database checked: on SQLite it runs on a copy of the file (in `dir`), on PostgreSQL in
 * a transaction that is rolled back.
 */
export async function aggregatesMatchRebuild(db: Db, dir: string): Promise<{ stored: string; rebuilt: string }> {
  return db.dialect === "sqlite" ? rebuildOnCopy(db, dir) : rebuildRolledBack(db);
}

async function rebuildOnCopy(db: SqliteDb, dir: string): Promise<{ stored: string; rebuilt: string }> {
  const copy = path.join(dir, `rebuild-${Date.now()}.db`);
  db.$client.prepare("vacuum into ?").run(copy);
  const other = openDatabase(copy);
  try {
    await rebuildAggregates(other);
    return { stored: await dumpAggregates(db), rebuilt: await dumpAggregates(other) };
  } finally {
    other.$client.close();
    fs.rmSync(copy, { force: true });
  }
}

class RollBack extends Error {}

async function rebuildRolledBack(db: PostgresDb): Promise<{ stored: string; rebuilt: string }> {
  let out: { stored: string; rebuilt: string } | undefined;
  try {
    // One transaction: the stored rows and the rebuild see the same responses.
    await db.sql.transaction(async (tx) => {
      const inTx: PostgresDb = { ...db, sql: tx };
      const stored = await dumpAggregates(inTx);
      await rebuildAggregates(inTx);
      out = { stored, rebuilt: await dumpAggregates(inTx) };
      throw new RollBack();
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  return out!;
}

/**
 * One respondent: start a draft, submit complete answers. Returns the token that opens the stored
 * response: the report token when the submission was acknowledged (the resume token is replaced at
 * submission), else the resume token.
 */
export async function respondOnce(url: string, code = "rel-open", ip?: string): Promise<{ token: string; acknowledged: boolean; status: number }> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (ip) headers["x-forwarded-for"] = ip;
  const start = await fetch(`${url}/api/survey/${code}/start`, { method: "POST", headers, body: "{}" });
  if (start.status !== 201) return { token: "", acknowledged: false, status: start.status };
  const { token } = (await start.json()) as { token: string };
  const submit = await fetch(`${url}/api/survey/${code}/submit`, {
    method: "POST",
    headers: { ...headers, "x-resume-token": token },
    body: JSON.stringify({ answers: ANSWERS }),
  });
  const body = submit.status === 200 ? ((await submit.json()) as { status: string; reportUrl: string | null }) : undefined;
  const ok = body?.status === "submitted" && typeof body.reportUrl === "string";
  return { token: ok ? body.reportUrl!.replace(/^\/report\//, "") : token, acknowledged: ok, status: submit.status };
}

/**
 * Sends `send()` with `inFlight` requests at a time until the first 429 (no new request after it;
 * those in flight finish) or until `max` were accepted; every other answer must have status `ok`.
 * Returns how many were accepted (refills while in flight included) and the first 429.
 */
export async function sendUntilLimited(send: () => Promise<Response>, ok: number, { max, inFlight = 8 }: { max: number; inFlight?: number }): Promise<{ accepted: number; limited?: Response }> {
  let accepted = 0;
  let limited: Response | undefined;
  const wrong: string[] = [];
  const worker = async () => {
    while (!limited && wrong.length === 0 && accepted < max) {
      const res = await send();
      if (res.status === 429 && !limited) {
        limited = res;
        continue;
      }
      // Read to the end, so the connection goes back to the pool.
      const body = await res.text();
      if (res.status === ok) accepted++;
      else if (res.status !== 429) wrong.push(`${res.status} ${body.slice(0, 200)}`);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  expect(wrong, `answers other than ${ok} and 429`).toEqual([]);
  return { accepted, limited };
}
