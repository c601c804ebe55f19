/*
 * Several processes on one database agree on the benchmark population through the change feed
 * (table change_feed, written by the triggers of migration 0008): each connection here stands for a
 * process, with its own in-memory population. A change written through one is seen by the other on
 * its next read, by re-reading only the organisations concerned, and the result equals a fresh load.
 */
import { describe, expect, it } from "vitest";
import { closeDatabase, type Db } from "../../db/client";
import { createRng, generateAnswers, insertOrganisation, insertSubmittedResponse, insertWave } from "../../db/factories";
import { latestChange } from "../../db/queries/change-feed";
import { derived, loadBenchmark, loadState } from "../../lib/benchmark/population";
import { currentRelease } from "../../lib/disclosure/releases";
import { getQuestionnaire } from "../../questions";
import { createTestDb, openAgain } from "../helpers/test-db";

const MIN = 5;
const q = getQuestionnaire(1);
const rng = createRng(2026);

async function addOrganisation(db: Db, slug: string, responses: number, sector = "Retail") {
  const org = await insertOrganisation(db, { slug, name: slug, sector, sizeBand: "medium", departments: [] });
  const wave = await insertWave(db, { orgId: org.id, label: "2026", questionnaireVersion: 1, code: `${slug}-w` });
  await addResponses(db, wave.id, responses);
  return { org, wave };
}

let seq = 0;
async function addResponses(db: Db, waveId: number, n: number) {
  for (let i = 0; i < n; i++) {
    await insertSubmittedResponse(db, { id: `r-${++seq}`, waveId, answers: generateAnswers(rng, q.capabilityIds, { maturity: rng() * 2 - 1, departments: [] }), submittedAt: "2026-05-01T00:00:00Z" });
  }
}

/** What a process that has just started would hold: everything read from the database again. */
async function fresh(db: Db) {
  const other = openAgain(db);
  try {
    const b = await loadBenchmark(other, MIN);
    return JSON.stringify({ members: b.members.map((m) => [m.orgId, m.waveId, m.sector, m.counters]), total: b.total, report: (await derived(other, MIN)).report });
  } finally {
    await closeDatabase(other);
  }
}

async function held(db: Db) {
  const b = await loadBenchmark(db, MIN);
  return JSON.stringify({ members: b.members.map((m) => [m.orgId, m.waveId, m.sector, m.counters]), total: b.total, report: (await derived(db, MIN)).report });
}

function feedRows(db: Db): Promise<number[]> {
  return db.sql.column<number>("select org_id from change_feed order by id");
}

describe("change feed", () => {
  it("is written by the triggers for every change to an organisation's place in the population, and nothing else", async () => {
    const db = createTestDb();
    const { org, wave } = await addOrganisation(db, "trig", 6);
    expect(await feedRows(db)).toEqual([]); // live aggregates alone change nothing readers see
    await currentRelease(db, wave.id, MIN); // first release: agg_releases insert
    expect(await feedRows(db)).toEqual([org.id]);
    await addResponses(db, wave.id, MIN);
    await currentRelease(db, wave.id, MIN); // next release: agg_releases update
    expect(await feedRows(db)).toEqual([org.id, org.id]);
    await db.sql.run("update organisations set sector = 'Energy' where id = ?", [org.id]);
    await db.sql.run("update organisations set name = 'renamed' where id = ?", [org.id]); // not part of the population
    await db.sql.run("update waves set opens_at = '2026-01-01' where id = ?", [wave.id]);
    await db.sql.run("update waves set status = 'closed' where id = ?", [wave.id]); // not part of the population
    expect(await feedRows(db)).toEqual([org.id, org.id, org.id, org.id]);
    const other = await insertOrganisation(db, { slug: "trig-2", name: "t2", sector: "Retail", sizeBand: "small", departments: [] });
    await db.sql.run("update waves set org_id = ? where id = ?", [other.id, wave.id]); // both organisations change
    expect((await feedRows(db)).slice(4)).toEqual([org.id, other.id]);
    await db.sql.run("delete from agg_release_cells where wave_id = ?", [wave.id]);
    await db.sql.run("delete from agg_releases where wave_id = ?", [wave.id]);
    expect((await feedRows(db)).slice(6)).toEqual([other.id]);
  });

  it("lets a second process follow releases, edits and archiving without reloading, equal to a fresh load", async () => {
    const a = createTestDb();
    for (let o = 0; o < 6; o++) await currentRelease(a, (await addOrganisation(a, `org-${o}`, 6 + o)).wave.id, MIN);
    // Too few responses for a release yet: it joins the population later, with a lower id than "joined".
    const late = await addOrganisation(a, "late", MIN - 2);
    const b = openAgain(a);
    try {
      const state = await loadState(b, MIN);
      expect(state.members.size).toBe(6);
      expect(await held(b)).toBe(await fresh(a));

      // A new organisation's first release, through the other connection.
      const { org: joined, wave: joinedWave } = await addOrganisation(a, "joined", 7, "Energy");
      await currentRelease(a, joinedWave.id, MIN);
      expect(await loadState(b, MIN)).toBe(state); // followed in place, not loaded again
      expect(state.members.has(joined.id)).toBe(true);
      expect(await held(b)).toBe(await fresh(a));

      // An organisation created earlier joins after it: members stay in id order, as a fresh load has them.
      await addResponses(a, late.wave.id, 2);
      await currentRelease(a, late.wave.id, MIN);
      expect(await loadState(b, MIN)).toBe(state);
      expect([...state.members.keys()]).toEqual([1, 2, 3, 4, 5, 6, late.org.id, joined.id]);
      expect(await held(b)).toBe(await fresh(a));

      // A later release of an existing member.
      const org2 = state.members.get(3)!;
      await addResponses(a, org2.waveId, MIN);
      await currentRelease(a, org2.waveId, MIN);
      const generation = (await loadState(b, MIN)).generation;
      expect((await loadState(b, MIN)).members.get(3)!.counters[0]).toBe(6 + 2 + MIN);
      expect(await held(b)).toBe(await fresh(a));

      // Writes that change no release leave the state as it is.
      await addResponses(a, org2.waveId, 1);
      await a.sql.run("update organisations set name = 'x' where id = 1");
      expect((await loadState(b, MIN)).generation).toBe(generation);

      // Sector change, archiving, a newer wave without a release (not the benchmark wave yet).
      await a.sql.run("update organisations set sector = 'Energy' where id = 2");
      await a.sql.run("update organisations set archived_at = '2026-11-01T00:00:00Z' where id = 4");
      await insertWave(a, { orgId: 5, label: "2027", questionnaireVersion: 1, code: "org-4-2027", opensAt: "2027-01-01" });
      expect(await loadState(b, MIN)).toBe(state);
      expect(state.members.get(2)!.sector).toBe("Energy");
      expect(state.members.has(4)).toBe(false);
      expect(await held(b)).toBe(await fresh(a));

      // A process's own releases go the same way.
      await addResponses(b, joinedWave.id, MIN);
      await currentRelease(b, joinedWave.id, MIN);
      expect(await loadState(b, MIN)).toBe(state);
      expect(state.members.get(joined.id)!.counters[0]).toBe(7 + MIN);
      expect(await held(b)).toBe(await fresh(a));
    } finally {
      await closeDatabase(b);
    }
  });

  it("loads everything again only when the rows after the last one read were pruned", async () => {
    const a = createTestDb();
    for (let o = 0; o < 3; o++) await currentRelease(a, (await addOrganisation(a, `p-${o}`, 6)).wave.id, MIN);
    const b = openAgain(a);
    try {
      const state = await loadState(b, MIN);
      for (let o = 3; o < 5; o++) await currentRelease(a, (await addOrganisation(a, `p-${o}`, 6)).wave.id, MIN);
      // Prune everything but the newest row, as an hour of idleness would.
      await a.sql.run("delete from change_feed where id < ?", [await latestChange(a)]);
      const next = await loadState(b, MIN);
      expect(next).not.toBe(state);
      expect(next.members.size).toBe(5);
      expect(await held(b)).toBe(await fresh(a));
      expect(await loadState(b, MIN)).toBe(next);
    } finally {
      await closeDatabase(b);
    }
  });
});
