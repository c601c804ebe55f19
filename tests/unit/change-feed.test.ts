/*
 * Several processes on one database agree on the benchmark population through the change feed
 * (table change_feed, written by the triggers of migration 0008): each connection here stands for a
 * process, with its own in-memory population. A change written through one is seen by the other on
 * its next read, by re-reading only the organisations concerned, and the result equals a fresh load.
 */
import { describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../db/client";
import { createRng, generateAnswers, insertOrganisation, insertSubmittedResponse, insertWave } from "../../db/factories";
import { latestChange } from "../../db/queries/change-feed";
import { derived, loadBenchmark, loadState } from "../../lib/benchmark/population";
import { currentRelease } from "../../lib/disclosure/releases";
import { getQuestionnaire } from "../../questions";
import { createTestDb } from "../helpers/test-db";

const MIN = 5;
const q = getQuestionnaire(1);
const rng = createRng(2026);

function addOrganisation(db: Db, slug: string, responses: number, sector = "Retail") {
  const org = insertOrganisation(db, { slug, name: slug, sector, sizeBand: "medium", departments: [] });
  const wave = insertWave(db, { orgId: org.id, label: "2026", questionnaireVersion: 1, code: `${slug}-w` });
  addResponses(db, wave.id, responses);
  return { org, wave };
}

let seq = 0;
function addResponses(db: Db, waveId: number, n: number) {
  for (let i = 0; i < n; i++) {
    insertSubmittedResponse(db, { id: `r-${++seq}`, waveId, answers: generateAnswers(rng, q.capabilityIds, { maturity: rng() * 2 - 1, departments: [] }), submittedAt: "2026-05-01T00:00:00Z" });
  }
}

/** What a process that has just started would hold: everything read from the database again. */
function fresh(db: Db) {
  const other = openDatabase(db.$client.name);
  try {
    const b = loadBenchmark(other, MIN);
    return JSON.stringify({ members: b.members.map((m) => [m.orgId, m.waveId, m.sector, m.counters]), total: b.total, report: derived(other, MIN).report });
  } finally {
    other.$client.close();
  }
}

function held(db: Db) {
  const b = loadBenchmark(db, MIN);
  return JSON.stringify({ members: b.members.map((m) => [m.orgId, m.waveId, m.sector, m.counters]), total: b.total, report: derived(db, MIN).report });
}

function feedRows(db: Db): number[] {
  return db.$client.prepare("select org_id from change_feed order by id").pluck().all() as number[];
}

describe("change feed", () => {
  it("is written by the triggers for every change to an organisation's place in the population, and nothing else", () => {
    const db = createTestDb();
    const { org, wave } = addOrganisation(db, "trig", 6);
    expect(feedRows(db)).toEqual([]); // live aggregates alone change nothing readers see
    currentRelease(db, wave.id, MIN); // first release: agg_releases insert
    expect(feedRows(db)).toEqual([org.id]);
    addResponses(db, wave.id, MIN);
    currentRelease(db, wave.id, MIN); // next release: agg_releases update
    expect(feedRows(db)).toEqual([org.id, org.id]);
    db.$client.prepare("update organisations set sector = 'Energy' where id = ?").run(org.id);
    db.$client.prepare("update organisations set name = 'renamed' where id = ?").run(org.id); // not part of the population
    db.$client.prepare("update waves set opens_at = '2026-01-01' where id = ?").run(wave.id);
    db.$client.prepare("update waves set status = 'closed' where id = ?").run(wave.id); // not part of the population
    expect(feedRows(db)).toEqual([org.id, org.id, org.id, org.id]);
    const other = insertOrganisation(db, { slug: "trig-2", name: "t2", sector: "Retail", sizeBand: "small", departments: [] });
    db.$client.prepare("update waves set org_id = ? where id = ?").run(other.id, wave.id); // both organisations change
    expect(feedRows(db).slice(4)).toEqual([org.id, other.id]);
    db.$client.prepare("delete from agg_release_cells where wave_id = ?").run(wave.id);
    db.$client.prepare("delete from agg_releases where wave_id = ?").run(wave.id);
    expect(feedRows(db).slice(6)).toEqual([other.id]);
  });

  it("lets a second process follow releases, edits and archiving without reloading, equal to a fresh load", () => {
    const a = createTestDb();
    for (let o = 0; o < 6; o++) currentRelease(a, addOrganisation(a, `org-${o}`, 6 + o).wave.id, MIN);
    // Too few responses for a release yet: it joins the population later, with a lower id than "joined".
    const late = addOrganisation(a, "late", MIN - 2);
    const b = openDatabase(a.$client.name);
    try {
      const state = loadState(b, MIN);
      expect(state.members.size).toBe(6);
      expect(held(b)).toBe(fresh(a));

      // A new organisation's first release, through the other connection.
      const { org: joined, wave: joinedWave } = addOrganisation(a, "joined", 7, "Energy");
      currentRelease(a, joinedWave.id, MIN);
      expect(loadState(b, MIN)).toBe(state); // followed in place, not loaded again
      expect(state.members.has(joined.id)).toBe(true);
      expect(held(b)).toBe(fresh(a));

      // An organisation created earlier joins after it: members stay in id order, as a fresh load has them.
      addResponses(a, late.wave.id, 2);
      currentRelease(a, late.wave.id, MIN);
      expect(loadState(b, MIN)).toBe(state);
      expect([...state.members.keys()]).toEqual([1, 2, 3, 4, 5, 6, late.org.id, joined.id]);
      expect(held(b)).toBe(fresh(a));

      // A later release of an existing member.
      const org2 = state.members.get(3)!;
      addResponses(a, org2.waveId, MIN);
      currentRelease(a, org2.waveId, MIN);
      const generation = loadState(b, MIN).generation;
      expect(loadState(b, MIN).members.get(3)!.counters[0]).toBe(6 + 2 + MIN);
      expect(held(b)).toBe(fresh(a));

      // Writes that change no release leave the state as it is.
      addResponses(a, org2.waveId, 1);
      a.$client.prepare("update organisations set name = 'x' where id = 1").run();
      expect(loadState(b, MIN).generation).toBe(generation);

      // Sector change, archiving, a newer wave without a release (not the benchmark wave yet).
      a.$client.prepare("update organisations set sector = 'Energy' where id = 2").run();
      a.$client.prepare("update organisations set archived_at = '2026-11-01T00:00:00Z' where id = 4").run();
      insertWave(a, { orgId: 5, label: "2027", questionnaireVersion: 1, code: "org-4-2027", opensAt: "2027-01-01" });
      expect(loadState(b, MIN)).toBe(state);
      expect(state.members.get(2)!.sector).toBe("Energy");
      expect(state.members.has(4)).toBe(false);
      expect(held(b)).toBe(fresh(a));

      // A process's own releases go the same way.
      addResponses(b, joinedWave.id, MIN);
      currentRelease(b, joinedWave.id, MIN);
      expect(loadState(b, MIN)).toBe(state);
      expect(state.members.get(joined.id)!.counters[0]).toBe(7 + MIN);
      expect(held(b)).toBe(fresh(a));
    } finally {
      b.$client.close();
    }
  });

  it("loads everything again only when the rows after the last one read were pruned", () => {
    const a = createTestDb();
    for (let o = 0; o < 3; o++) currentRelease(a, addOrganisation(a, `p-${o}`, 6).wave.id, MIN);
    const b = openDatabase(a.$client.name);
    try {
      const state = loadState(b, MIN);
      for (let o = 3; o < 5; o++) currentRelease(a, addOrganisation(a, `p-${o}`, 6).wave.id, MIN);
      // Prune everything but the newest row, as an hour of idleness would.
      a.$client.prepare("delete from change_feed where id < ?").run(latestChange(a));
      const next = loadState(b, MIN);
      expect(next).not.toBe(state);
      expect(next.members.size).toBe(5);
      expect(held(b)).toBe(fresh(a));
      expect(loadState(b, MIN)).toBe(next);
    } finally {
      b.$client.close();
    }
  });
});
