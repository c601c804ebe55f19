/*
 * The benchmark population in memory: every organisation's latest released wave, the figures derived
 * from it, and the sorted comparison arrays, kept in step with releases.
 */
import type { Db } from "../../db/client";
import { readRelease, readReleasedPopulation } from "../../db/queries/releases";
import { planGate } from "../../core/disclosure/figure-gate";
import type { FigureKey, WavePlan } from "../../core/disclosure/plan";
import { currentRelease, onRelease, releasePending } from "../disclosure/releases";
import { meetsThreshold } from "../../core/disclosure/threshold";
import { decodeCountersInto } from "../../core/counter-codec";
import { addVectors, AGG_CAPABILITIES, emptyCounters, type CounterVector } from "../../core/counters";
import { distribution, orgLevelCorrelation, orgMetrics, type OrgLevelCorrelation, type OrgMetrics } from "./compare";
import { pooledFigures } from "./population-figures";
import { patchSorted, sortedGroups } from "./sorted-metrics";
import type { BenchmarkReport } from "./benchmark-report";

type Member = { orgId: number; slug: string; sector: string; sizeBand: string; waveId: number; counters: CounterVector; plan: WavePlan; metrics: OrgMetrics };

type Derived = {
  min: number;
  report: BenchmarkReport;
  /** Sorted finite values of each comparison metric among organisations with ≥ min responses, per group. */
  sorted: Map<string, Float64Array>;
  /** Organisation-level points (coverage, customer agreement) with their organisation, for marking "self". */
  correlation: OrgLevelCorrelation;
  pointOrgs: number[];
  /** Further figures of this population computed on demand (see benchmarkMemo). */
  memo: Map<string, unknown>;
};

type BenchmarkState = {
  db: Db;
  min: number;
  dataVersion: number;
  generation: number;
  members: Map<number, Member>;
  total: CounterVector;
  derived?: Derived & { generation: number };
  /** Sorted comparison arrays, kept up to date across submissions (see patchSorted). */
  sorted?: { min: number; groups: Map<string, Float64Array> };
};

/*
 * The benchmark population is made of released states (lib/disclosure/releases.ts) and kept in
 * memory; it follows this process's releases exactly (each adds its change), and a release of a
 * wave that is not an organisation's benchmark wave, or a commit by another process
 * (PRAGMA data_version), makes the next request re-read it.
 */
const states = new WeakMap<Db, BenchmarkState>();

onRelease((db, change) => {
  const state = states.get(db);
  if (!state) return;
  const member = state.members.get(change.waveId);
  const stored = member ? readRelease(db, change.waveId) : undefined;
  if (!member || !stored) {
    states.delete(db);
    return;
  }
  addVectors(member.counters, change.delta);
  addVectors(state.total, change.delta);
  member.plan = JSON.parse(stored.plan) as WavePlan;
  const before = member.metrics;
  member.metrics = orgMetrics(member, planGate(member.plan, "all"));
  if (state.sorted && !patchSorted(state.sorted.groups, before, member.metrics, state.sorted.min)) state.sorted = undefined;
  state.generation++;
  state.dataVersion = dataVersion(db);
});

function dataVersion(db: Db): number {
  return db.$client.pragma("data_version", { simple: true }) as number;
}

export function loadState(db: Db, min: number): BenchmarkState {
  const cached = states.get(db);
  if (cached && cached.min === min && cached.dataVersion === dataVersion(db)) return cached;
  // Waves whose responses have not been released yet (an import, a seed, another process) are first.
  releasePending(db, min);
  const members = new Map<number, Member>();
  const total = emptyCounters();
  for (const stored of readReleasedPopulation(db)) {
    const m = { orgId: stored.orgId, slug: stored.slug, sector: stored.sector, sizeBand: stored.sizeBand, waveId: stored.waveId, counters: decodeCountersInto(stored.counters) };
    // Members need only what their plan shows for the whole wave.
    let plan: WavePlan = { min: stored.planMin, views: { all: JSON.parse(stored.wholeFigures) as FigureKey[] } };
    // Planned under another threshold: plan the released state again under this one.
    if (plan.min !== min) plan = currentRelease(db, m.waveId, min)?.plan ?? plan;
    members.set(m.waveId, { ...m, plan, metrics: orgMetrics(m, planGate(plan, "all")) });
    addVectors(total, m.counters);
  }
  const state: BenchmarkState = { db, min, dataVersion: dataVersion(db), generation: 0, members, total };
  states.set(db, state);
  return state;
}

/** The benchmark population: every organisation's latest released wave. */
export function loadBenchmark(db: Db, min: number): { members: Member[]; metrics: OrgMetrics[]; total: CounterVector } {
  const s = loadState(db, min);
  const members = [...s.members.values()];
  return { members, metrics: members.map((m) => m.metrics), total: s.total };
}

export function derived(db: Db, min: number): Derived {
  const s = loadState(db, min);
  if (s.derived && s.derived.generation === s.generation && s.derived.min === min) return s.derived;
  const members = [...s.members.values()];
  const metrics = members.map((m) => m.metrics);
  const sorted = s.sorted && s.sorted.min === min ? s.sorted.groups : sortedGroups(metrics, min);
  s.sorted = { min, groups: sorted };
  const correlation = orgLevelCorrelation(metrics, min);
  const pointOrgs = metrics
    .filter((m) => meetsThreshold(m.n, min) && Number.isFinite(m.representativeCoverage) && Number.isFinite(m.customerAgree))
    .map((m) => m.orgId);
  const report: BenchmarkReport = {
    scope: {},
    organisations: members.length,
    ...pooledFigures(members, min),
    organisationLevel: correlation.suppressed ? correlation : { ...correlation, points: [] },
    distributions: {
      index: distribution(Array.from(sorted.get("index|all") ?? [])),
      coverage: Object.fromEntries(AGG_CAPABILITIES.map((c) => [c, distribution(Array.from(sorted.get(`coverage.${c}|all`) ?? []))])),
    },
  };
  s.derived = { generation: s.generation, min, report, sorted, correlation, pointOrgs, memo: new Map() };
  return s.derived;
}

/**
 * A figure of the benchmark population computed once per population state and threshold, e.g. the
 * capability links of the dashboards' priorities; recomputed after any change to the population.
 */
export function benchmarkMemo<T>(db: Db, min: number, key: string, compute: (metrics: OrgMetrics[]) => T): T {
  const d = derived(db, min);
  if (!d.memo.has(key)) d.memo.set(key, compute([...loadState(db, min).members.values()].map((m) => m.metrics)));
  return d.memo.get(key) as T;
}
/** The organisation's own contribution to the benchmark population, when it has one. */
export function ownMember(db: Db, orgId: number, min: number): { counters: CounterVector; plan: WavePlan } | null {
  for (const m of loadState(db, min).members.values()) if (m.orgId === orgId) return m;
  return null;
}
