/*
 * The dashboards' server time on the bench database: each view's data (what its page renders and its
 * JSON route returns), from resolving the query to the serialised JSON, cold (a new connection: the
 * benchmark population is read from the aggregates first) and warm (population in memory).
 */
import crypto from "node:crypto";
import { openDatabase, transaction, type Db, type SqliteDb } from "../db/client";
import { createRng, generateAnswers } from "../db/factories";
import { answersToColumns } from "../db/item-columns";
import { applyResponseToAggregates } from "../db/queries/aggregates";
import { findOrganisationBySlug } from "../db/queries/organisations";
import type { Organisation } from "../db/schema";
import { analysisData } from "../lib/dashboard/analysis";
import { prioritiesData } from "../lib/dashboard/priorities-view";
import type { DashboardQuery } from "../lib/dashboard/query";
import { resolveScope } from "../lib/dashboard/scope";
import { summaryData } from "../lib/dashboard/summary";
import { getQuestionnaire } from "../questions";
import { BENCH_ORGS, BENCH_PER_ORG } from "./generate";

type Stats = (ms: number[]) => string;
type Timer = <T>(fn: () => T | Promise<T>) => Promise<[T, number]>;

const VIEWS = {
  summary: async (db: Db, org: Organisation, min: number, query: DashboardQuery) => summaryData(db, await resolveScope(db, org, query, min), "en"),
  analysis: async (db: Db, org: Organisation, min: number, query: DashboardQuery) => analysisData(db, await resolveScope(db, org, query, min), "en"),
  priorities: async (db: Db, org: Organisation, min: number, query: DashboardQuery) => prioritiesData(db, await resolveScope(db, org, query, min), "en"),
};
type View = keyof typeof VIEWS;
const VIEW_NAMES = Object.keys(VIEWS) as View[];

/** One view's data as its route sends it: scope, figures, JSON. Returns the JSON length. */
async function build(view: View, db: Db, org: Organisation, min: number, query: DashboardQuery = {}): Promise<number> {
  const data = await VIEWS[view](db, org, min, query);
  if (data.meta.status !== "ok") throw new Error(`${view} of ${org.slug}: status ${data.meta.status}`);
  return JSON.stringify(data).length;
}

const COLUMNS = ["id", "wave_id", "status", "locale", "step", "department", "seniority", "self_data", "self_security", "self_coding", "self_mobile", "self_social", "self_analytics", "self_cloud", "self_ai", "org_data", "org_security", "org_coding", "org_mobile", "org_social", "org_analytics", "org_cloud", "org_ai", "vision", "ld_awareness", "customer_understanding", "created_at", "updated_at", "submitted_at"];

/**
 * Gives an organisation an earlier wave of `BENCH_PER_ORG` responses (the bench database has one wave
 * each), so Priorities and trends computes a change between two waves. Returns a function that
 * removes it again, aggregates included. The rows go in through the SQLite handle, each with its
 * aggregate update, inside one transaction of the connection (db/sql/sqlite.ts).
 */
async function addEarlierWave(db: SqliteDb, org: Organisation, seed: number): Promise<() => Promise<void>> {
  const sqlite = db.$client;
  const rng = createRng(seed);
  const q = getQuestionnaire(1);
  const waveId = Number(
    sqlite
      .prepare("insert into waves (org_id, label, questionnaire_version, code, status, opens_at, created_at) values (?, '2025-Q4', 1, ?, 'closed', '2025-10-01T00:00:00.000Z', '2025-10-01T00:00:00.000Z')")
      .run(org.id, `bench-earlier-${org.id}`).lastInsertRowid,
  );
  const insert = sqlite.prepare(`insert into responses (${COLUMNS.join(", ")}) values (${COLUMNS.map(() => "?").join(", ")})`);
  const ids: string[] = [];
  await transaction(db, async (tx) => {
    for (let i = 0; i < BENCH_PER_ORG; i++) {
      const a = answersToColumns(generateAnswers(rng, q.capabilityIds, { maturity: 0, departments: org.departments })) as Record<string, unknown>;
      const id = `earlier-${org.id}-${i}-${crypto.randomUUID()}`;
      const at = "2025-10-15T10:00:00.000Z";
      insert.run(id, waveId, "submitted", "en", 0, a.department, a.seniority, a.selfData, a.selfSecurity, a.selfCoding, a.selfMobile, a.selfSocial, a.selfAnalytics, a.selfCloud, a.selfAi, a.orgData, a.orgSecurity, a.orgCoding, a.orgMobile, a.orgSocial, a.orgAnalytics, a.orgCloud, a.orgAi, a.vision, a.ldAwareness, a.customerUnderstanding, at, at, at);
      await applyResponseToAggregates(tx, id);
      ids.push(id);
    }
  });
  return () =>
    transaction(db, async (tx) => {
      for (const id of ids) {
        await applyResponseToAggregates(tx, id, -1);
        sqlite.prepare("delete from responses where id = ?").run(id);
      }
      sqlite.prepare("delete from agg_wave_cells where wave_id = ?").run(waveId);
      sqlite.prepare("delete from agg_waves where wave_id = ?").run(waveId);
      // The dashboards released the wave when they read it (lib/disclosure/releases.ts).
      sqlite.prepare("delete from agg_release_cells where wave_id = ?").run(waveId);
      sqlite.prepare("delete from agg_releases where wave_id = ?").run(waveId);
      sqlite.prepare("delete from waves where id = ?").run(waveId);
    });
}

export async function benchDashboards(db: SqliteDb, dbFile: string, min: number, log: (s: string) => void, stats: Stats, time: Timer): Promise<void> {
  const rng = createRng(11);
  const orgs: Organisation[] = [];
  for (let i = 0; i < 30; i++) orgs.push((await findOrganisationBySlug(db, `org-${Math.floor(rng() * BENCH_ORGS)}`))!);
  log(`\n[dashboards] view data from query to JSON (resolveScope + summaryData / analysisData / prioritiesData + JSON.stringify), ${orgs.length} organisations:`);

  // Warm first: the cold runs below leave whole benchmark populations behind for the collector.
  for (const view of VIEW_NAMES) {
    await build(view, db, orgs[0]!, min);
    const warm: number[] = [];
    let bytes = 0;
    for (const org of orgs) {
      const [size, ms] = await time(() => build(view, db, org, min));
      warm.push(ms);
      bytes += size;
    }
    log(`  ${view.padEnd(10)} warm ${stats(warm)}; JSON ${(bytes / orgs.length / 1024).toFixed(1)} KiB on average`);
  }

  // One department (whichever each organisation can show), as a lead's filter would ask.
  const withDepartment: { org: Organisation; department: string }[] = [];
  for (const org of orgs) {
    const department = (await resolveScope(db, org, {}, min)).options.departments.find((d) => d.shown)?.name;
    if (department !== undefined) withDepartment.push({ org, department });
  }
  for (const view of VIEW_NAMES) {
    const ms: number[] = [];
    for (const { org, department } of withDepartment) ms.push((await time(() => build(view, db, org, min, { department })))[1]);
    log(`  ${view.padEnd(10)} warm, one department: ${stats(ms)}`);
  }

  // Two waves: the bench organisations have one, so trends would compare nothing.
  const earlier = orgs.slice(0, 10);
  const removers: (() => Promise<void>)[] = [];
  try {
    for (const [i, org] of earlier.entries()) removers.push(await addEarlierWave(db, org, 100 + i));
    await build("priorities", db, earlier[0]!, min);
    const ms: number[] = [];
    for (const org of earlier) ms.push((await time(() => build("priorities", db, org, min)))[1]);
    log(`  priorities warm, with a second wave (changes and their tests): ${stats(ms)}`);
  } finally {
    for (const remove of removers) await remove();
  }

  // Cold: a new connection per run, as after a start or another process's write.
  for (const view of VIEW_NAMES) {
    const cold: number[] = [];
    for (const org of orgs.slice(0, 5)) {
      const fresh = openDatabase(dbFile);
      cold.push((await time(() => build(view, fresh, org, min)))[1]);
      fresh.$client.close();
    }
    log(`  ${view.padEnd(10)} cold ${stats(cold)}`);
  }
}
