import fs from "node:fs";
import path from "node:path";
import { openDatabase, type Db, type SqliteDb } from "../../db/client";
import { insertOrganisation, insertWave } from "../../db/factories";
import { rebuildAggregates } from "../../db/queries/aggregates";
import { addMembership, insertUser } from "../../db/queries/users";
import { hashPasswordSync } from "../../core/passwords";
import { completeAnswers } from "../../harness/answers";

export const ADMIN = { email: "admin@rel.local", password: "reliability-admin-1" };
export const LEAD = { email: "lead@rel.local", password: "reliability-lead-1" };
export const ANSWERS = completeAnswers("Sales");

/** One organisation, an open wave `rel-open`, an admin and a lead, in a migrated database of either kind. */
export async function seedFixture(db: Db): Promise<{ waveId: number }> {
  const org = await insertOrganisation(db, { slug: "rel-co", name: "Reliability Co", sector: "Retail", sizeBand: "medium", departments: ["Sales", "IT", "Ops"] });
  const wave = await insertWave(db, { orgId: org.id, label: "2026-Q4", questionnaireVersion: 1, code: "rel-open" });
  await insertUser(db, { email: ADMIN.email, name: "Admin", role: "admin", passwordHash: hashPasswordSync(ADMIN.password) });
  const lead = await insertUser(db, { email: LEAD.email, name: "Lead", role: "lead", passwordHash: hashPasswordSync(LEAD.password) });
  await addMembership(db, lead.id, org.id);
  return { waveId: wave.id };
}

/** A migrated SQLite file with the fixture (seedFixture). */
export async function createFixtureDb(dir: string): Promise<{ dbPath: string; waveId: number }> {
  const dbPath = path.join(dir, "app.db");
  const db = openDatabase(dbPath);
  try {
    return { dbPath, ...(await seedFixture(db)) };
  } finally {
    db.$client.close();
  }
}

/** Aggregate tables as rows (empty cells left out), to compare with a rebuild. SQLite: hex() of the counters. */
export async function dumpAggregates(db: SqliteDb): Promise<string> {
  return JSON.stringify({
    waves: await db.sql.all("select * from agg_waves order by wave_id"),
    cells: await db.sql.all("select wave_id, department, seniority, n, hex(counters) c from agg_wave_cells where n <> 0 order by wave_id, department, seniority"),
  });
}

/** Whether the stored aggregates equal a full rebuild from the stored responses (checked on a copy). */
export async function aggregatesMatchRebuild(db: SqliteDb, dir: string): Promise<{ stored: string; rebuilt: string }> {
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
