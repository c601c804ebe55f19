/*
 * Exactly-once submission, the aggregate update and invitation completion are one transaction on
 * both databases: the same concurrent requests on a SQLite file and on the unit run's PostgreSQL
 * cluster (READ COMMITTED, the server's default) leave each response submitted once, each invitation
 * spent once, a rolled-back submission leaving nothing, and the aggregates equal to a rebuild.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, openPostgresDb, prepareDatabase, type Db } from "../../db/client";
import { insertOrganisation, insertWave } from "../../db/factories";
import { rebuildAggregates } from "../../db/queries/aggregates";
import { insertInvitations } from "../../db/queries/invitations";
import { createDraft, submitDraft, type SubmitOutcome } from "../../db/queries/survey";
import { completeAnswers } from "../../harness/answers";
import { createSqliteTestDb } from "../helpers/test-db";
import { freshPgDatabase } from "../helpers/pg-test-db";

async function aggregates(db: Db): Promise<string> {
  return JSON.stringify({
    waves: await db.sql.all("select * from agg_waves order by wave_id"),
    cells: (await db.sql.all<{ wave_id: number; department: string; seniority: string; n: number; counters: Buffer }>(
      "select wave_id, department, seniority, n, counters from agg_wave_cells where n <> 0 order by wave_id, department, seniority",
    )).map((c) => ({ ...c, counters: c.counters.toString("hex") })),
  });
}

const databases: [string, () => Promise<Db>][] = [
  ["SQLite", async () => createSqliteTestDb()],
  [
    "PostgreSQL",
    async () => {
      const db = openPostgresDb(await freshPgDatabase("once"));
      await prepareDatabase(db);
      afterAll(() => closeDatabase(db));
      return db;
    },
  ],
];

describe.each(databases)("exactly once on %s", (_name, open) => {
  let db: Db;
  let waveId: number;
  beforeAll(async () => {
    db = await open();
    const org = await insertOrganisation(db, { slug: "once", name: "Once Ltd", sector: "Retail", sizeBand: "small", departments: ["Sales", "Ops"] });
    waveId = (await insertWave(db, { orgId: org.id, label: "2026-Q4", questionnaireVersion: 1, code: "once" })).id;
  });

  it("30 drafts each submitted three times at once: every draft submitted once, the others told so, aggregates equal a rebuild", async () => {
    const drafts = [];
    for (let i = 0; i < 30; i++) drafts.push(await createDraft(db, waveId, "en", i % 2 ? "Sales" : "Ops"));
    const outcomes = await Promise.all(drafts.flatMap((d, i) => [0, 1, 2].map(() => submitDraft(db, d.id, completeAnswers(i % 2 ? "Sales" : "Ops"), "en"))));
    const byDraft = drafts.map((_, i) => outcomes.slice(3 * i, 3 * i + 3).map((o) => o.outcome).sort());
    for (const o of byDraft) expect(o).toEqual(["already_submitted", "already_submitted", "submitted"]);
    expect(await db.sql.value("select count(*) from responses where status = 'submitted'")).toBe(30);
    expect(await db.sql.value("select n from agg_waves where wave_id = ?", [waveId])).toBe(30);
    const stored = await aggregates(db);
    await rebuildAggregates(db);
    expect(await aggregates(db)).toBe(stored);
  });

  it("two drafts submitted at once with one invitation: one is submitted and spends it, the other rolls back entirely", async () => {
    await insertInvitations(db, waveId, [{ email: "ann@once.test", department: "Sales", locale: "en", token: "invitation-token-once" }]);
    const before = await aggregates(db);
    const drafts = [await createDraft(db, waveId, "en", "Sales"), await createDraft(db, waveId, "en", "Sales")];
    const outcomes: SubmitOutcome[] = await Promise.all(drafts.map((d) => submitDraft(db, d.id, completeAnswers("Sales"), "en", "invitation-token-once")));
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(["invitation_used", "submitted"]);
    const loser = drafts[outcomes.findIndex((o) => o.outcome === "invitation_used")]!;
    // The refused submission left its draft a draft, and nothing of it in the aggregates.
    expect(await db.sql.value("select status from responses where id = ?", [loser.id])).toBe("draft");
    expect(await db.sql.value("select completed from invitations where email = ?", ["ann@once.test"])).toBe(1);
    expect(await db.sql.value("select n from agg_waves where wave_id = ?", [waveId])).toBe(31);
    expect(await aggregates(db)).not.toBe(before);
    const stored = await aggregates(db);
    await rebuildAggregates(db);
    expect(await aggregates(db)).toBe(stored);
  });
});
