/*
 * The benchmark engine's entry points: everything a dashboard, the CLI or an export shows about an
 * organisation or the whole benchmark, with the privacy rules already applied.
 */
import type { Db } from "../../db/client";
import type { CellFilter } from "../../db/queries/aggregates";
import { findOrganisationBySlug, listWaves, type WaveSummary } from "../../db/queries/organisations";
import { readRelease, readReleasedPopulation, releaseStatus } from "../../db/queries/releases";
import type { Organisation } from "../../db/schema";
import { pooledGate } from "../../core/disclosure/comparison";
import { NOTHING, planGate } from "../../core/disclosure/figure-gate";
import { departmentView, seniorityView, type FigureKey, type ViewKey, type WavePlan } from "../../core/disclosure/plan";
import { release, SUPPRESSED } from "../../core/disclosure/released";
import { currentRelease, onRelease, readReleasedCounters, releasePending } from "../disclosure/releases";
import { meetsThreshold } from "../../core/disclosure/threshold";
import { AppError } from "../../core/errors";
import { decodeCountersInto } from "../../core/counter-codec";
import { addVectors, AGG_CAPABILITIES, counter, emptyCounters, type CounterVector } from "../../core/counters";
import { compareInSorted, distribution, lowerBound, orgLevelCorrelation, orgMetrics, type ComparisonGroups, type OrgLevelCorrelation, type OrgMetrics } from "./compare";
import { roundTo } from "../format/numbers";
import { capabilityFigures, cronbachAlphaFromCounters, findings, indexDistribution, type CapabilityFigures, type Findings, type IndexDistribution, type Rule, type Shown } from "./figures";

export type PopulationFigures = {
  responses: number;
  findings: Findings;
  capabilities: CapabilityFigures[];
  index: Shown<IndexDistribution>;
  alpha: ReturnType<typeof cronbachAlphaFromCounters>;
};

/** All figures of one population's counters, each shown only where `rule` (a plan's gate) allows. */
export function populationFigures(v: CounterVector, rule: Rule): PopulationFigures {
  return {
    responses: counter(v, "n"),
    findings: findings(v, rule),
    capabilities: capabilityFigures(v, rule),
    index: indexDistribution(v, rule),
    alpha: cronbachAlphaFromCounters(v, rule),
  };
}

type Member = { orgId: number; slug: string; sector: string; sizeBand: string; waveId: number; counters: CounterVector; plan: WavePlan; metrics: OrgMetrics };

/**
 * Figures pooled over organisations. Each organisation contributes to a figure only when its own
 * release shows that figure for its whole wave (a figure its plan hides must not enter a pool and
 * be recovered by differencing the pool over time), and each pooled figure passes the comparison
 * rule over the organisations that contribute to it.
 */
export function pooledFigures(members: readonly { counters: CounterVector; plan: WavePlan }[], min: number): PopulationFigures {
  const total = emptyCounters();
  for (const m of members) addVectors(total, m.counters);
  const cache = new Map<string, PopulationFigures>();
  const forKey = (key: FigureKey): PopulationFigures => {
    const contributing = members.filter((m) => m.plan.views.all?.includes(key));
    const id = contributing.length === members.length ? "all" : contributing.map((_, i) => i).join(",") + `|${key}`;
    let f = cache.get(id);
    if (!f) {
      const sum = emptyCounters();
      for (const m of contributing) addVectors(sum, m.counters);
      f = populationFigures(
        sum,
        pooledGate(
          contributing.map((m) => m.counters),
          min,
        ),
      );
      cache.set(id, f);
    }
    return f;
  };
  const capabilities = AGG_CAPABILITIES.map((c, i) => {
    const self = forKey(`self:${c}`).capabilities[i]!;
    const org = forKey(`org:${c}`).capabilities[i]!;
    return {
      capability: c,
      coverage: self.coverage,
      meanLevel: self.meanLevel,
      perceived: org.perceived,
      perceptionGap: !self.coverage.suppressed && !org.perceived.suppressed ? release({ points: org.perceived.pct - self.coverage.pct }) : SUPPRESSED,
    };
  });
  return {
    responses: counter(total, "n"),
    findings: {
      f1: forKey("cu").findings.f1,
      f2: forKey("f2").findings.f2,
      f3: forKey("f3").findings.f3,
      f4: forKey("f4").findings.f4,
      f5: forKey("f5").findings.f5,
    },
    capabilities,
    index: forKey("index").index,
    alpha: forKey("index").alpha,
  };
}

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

function loadState(db: Db, min: number): BenchmarkState {
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

const EMPTY = new Float64Array(0);

const METRICS: [string, (m: OrgMetrics) => number][] = [
  ["index", (m) => m.index],
  ["representativeCoverage", (m) => m.representativeCoverage],
  ...AGG_CAPABILITIES.map((c): [string, (m: OrgMetrics) => number] => [`coverage.${c}`, (m) => m.coverage[c] ?? NaN]),
];

function sortedGroups(metrics: readonly OrgMetrics[], min: number): Map<string, Float64Array> {
  // One pass over the organisations, grouping values per comparison group; typed-array sorts.
  const groupValues = new Map<string, number[][]>();
  for (const m of metrics) {
    if (!meetsThreshold(m.n, min)) continue;
    const values = METRICS.map(([, metric]) => metric(m));
    for (const key of groupKeys(m)) {
      let lists = groupValues.get(key);
      if (!lists) groupValues.set(key, (lists = METRICS.map(() => [])));
      values.forEach((x, j) => {
        if (Number.isFinite(x)) lists![j]!.push(x);
      });
    }
  }
  const sorted = new Map<string, Float64Array>();
  for (const [key, lists] of groupValues) {
    METRICS.forEach(([name], j) => sorted.set(`${name}|${key}`, Float64Array.from(lists[j]!).sort()));
  }
  return sorted;
}

const groupKeys = (m: OrgMetrics) => ["all", `sector:${m.sector}`, `size:${m.sizeBand}`];

/**
 * Moves one organisation's values in the sorted comparison arrays after its metrics changed, in
 * O(n) memory moves instead of re-sorting everything. Returns false when the change is not a simple
 * move (eligibility or finiteness changed); the caller then rebuilds.
 */
function patchSorted(sorted: Map<string, Float64Array>, before: OrgMetrics, after: OrgMetrics, min: number): boolean {
  const was = meetsThreshold(before.n, min);
  const is = meetsThreshold(after.n, min);
  if (!was && !is) return true;
  if (!was || !is) return false;
  for (const [name, metric] of METRICS) {
    const a = metric(before);
    const b = metric(after);
    if (a === b) continue;
    if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
    for (const key of groupKeys(after)) {
      const arr = sorted.get(`${name}|${key}`);
      if (!arr) return false;
      let i = lowerBound(arr, a);
      if (arr[i] !== a) return false;
      // Remove a, then insert b, shifting the elements between the two positions by one.
      const j = lowerBound(arr, b);
      if (j > i) {
        arr.copyWithin(i, i + 1, j);
        i = j - 1;
      } else if (j < i) {
        arr.copyWithin(j + 1, j, i);
        i = j;
      }
      arr[i] = b;
    }
  }
  return true;
}

function derived(db: Db, min: number): Derived {
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

export type BenchmarkScope = { sector?: string; sizeBand?: string };

export type BenchmarkReport = PopulationFigures & {
  scope: BenchmarkScope;
  organisations: number;
  /** Spearman across organisations; `points` are listed only in an organisation's own report. */
  organisationLevel: OrgLevelCorrelation;
  /** Organisation-level distributions: index and coverage per capability across organisations. */
  distributions: { index: ReturnType<typeof distribution>; coverage: Record<string, ReturnType<typeof distribution>> };
};

/** Figures of the whole benchmark, or of a sector or size band. */
export function benchmarkReport(db: Db, min: number, scope: BenchmarkScope = {}): BenchmarkReport {
  if (scope.sector === undefined && scope.sizeBand === undefined) return derived(db, min).report;
  const b = loadBenchmark(db, min);
  const inScope = (m: { sector: string; sizeBand: string }) =>
    (scope.sector === undefined || m.sector === scope.sector) && (scope.sizeBand === undefined || m.sizeBand === scope.sizeBand);
  const members = b.members.filter(inScope);
  const total = emptyCounters();
  for (const m of members) addVectors(total, m.counters);
  const metrics = b.metrics.filter((m) => inScope(m) && meetsThreshold(m.n, min));
  const correlation = orgLevelCorrelation(b.metrics.filter(inScope), min);
  return {
    scope,
    organisations: members.length,
    ...pooledFigures(members, min),
    organisationLevel: correlation.suppressed ? correlation : { ...correlation, points: [] },
    distributions: {
      index: distribution(metrics.map((m) => m.index)),
      coverage: Object.fromEntries(AGG_CAPABILITIES.map((c) => [c, distribution(metrics.map((m) => m.coverage[c] ?? NaN))])),
    },
  };
}

export type OrganisationReport = {
  organisation: { slug: string; name: string; sector: string; sizeBand: string };
  wave: { id: number; label: string; status: string } | null;
  filter: CellFilter;
  /** The release the figures come from: its sequence number, time and responses. */
  release: { seq: number; releasedAt: string; responses: number } | null;
  /** False when the disclosure plan hides the requested group (no figures are given). */
  shown: boolean;
  figures: PopulationFigures;
  comparison: { index: ComparisonGroups; coverage: Record<string, ComparisonGroups>; representativeCoverage: ComparisonGroups } | null;
  organisationLevel: OrgLevelCorrelation;
  benchmark: BenchmarkReport;
};

/** The plan view a filter asks for; null for a combination no reader can reach (both filters). */
export function viewOfFilter(filter: CellFilter): ViewKey | null {
  const { department, seniority } = filter;
  if (Array.isArray(seniority)) return null;
  if (department !== undefined && seniority !== undefined) return null;
  if (department !== undefined) return departmentView(department);
  if (seniority !== undefined) return seniorityView(seniority);
  return "all";
}

/** The organisation's latest wave with a release (the one the benchmark holds), else its latest wave with responses. */
export function defaultWave(db: Db, orgId: number, min: number): WaveSummary | undefined {
  const waves = listWaves(db, orgId);
  return waves.find((w) => w.submitted > 0 && currentRelease(db, w.id, min)) ?? waves.find((w) => w.submitted > 0);
}

/** The organisation's own contribution to the benchmark population, when it has one. */
export function ownMember(db: Db, orgId: number, min: number): { counters: CounterVector; plan: WavePlan } | null {
  for (const m of loadState(db, min).members.values()) if (m.orgId === orgId) return m;
  return null;
}

/**
 * One organisation's figures for a wave (default: its latest released wave), optionally for one
 * department or seniority level, with its place among other organisations and the benchmark. The
 * figures are the wave's current release, gated by the release's disclosure plan.
 */
export function organisationReport(
  db: Db,
  org: Organisation,
  min: number,
  options: { waveId?: number; filter?: CellFilter } = {},
): OrganisationReport {
  const waves = listWaves(db, org.id);
  const wave = options.waveId !== undefined ? waves.find((w) => w.id === options.waveId) : defaultWave(db, org.id, min);
  if (options.waveId !== undefined && !wave) throw new AppError("not_found", "This organisation has no such wave");
  const filter = options.filter ?? {};
  const release = wave ? currentRelease(db, wave.id, min) : null;
  const view = viewOfFilter(filter);
  const gate = release && view ? planGate(release.plan, view) : NOTHING;
  const shown = !!(release && view && release.plan.views[view]);
  const v = release ? readReleasedCounters(db, release.waveId, filter) : emptyCounters();
  const figures = populationFigures(v, gate);
  const d = derived(db, min);
  let own: OrgMetrics | undefined;
  for (const m of loadState(db, min).members.values()) if (m.orgId === org.id) own = m.metrics;
  const unfiltered = view === "all";
  const self = release && unfiltered ? orgMetrics({ orgId: org.id, sector: org.sector, sizeBand: org.sizeBand, counters: v }, gate) : undefined;
  const groups = (name: string, metric: (m: OrgMetrics) => number): ComparisonGroups => {
    const value = metric(self!);
    // The organisation's own population entry is left out of its comparison groups.
    const exclude = own && meetsThreshold(own.n, min) ? metric(own) : undefined;
    return {
      all: compareInSorted(value, d.sorted.get(`${name}|all`) ?? EMPTY, exclude),
      sector: compareInSorted(value, d.sorted.get(`${name}|sector:${org.sector}`) ?? EMPTY, exclude),
      sizeBand: compareInSorted(value, d.sorted.get(`${name}|size:${org.sizeBand}`) ?? EMPTY, exclude),
    };
  };
  const comparison =
    self && meetsThreshold(self.n, min)
      ? {
          index: groups("index", (m) => m.index),
          representativeCoverage: groups("representativeCoverage", (m) => m.representativeCoverage),
          coverage: Object.fromEntries(AGG_CAPABILITIES.map((c) => [c, groups(`coverage.${c}`, (m) => m.coverage[c] ?? NaN)])),
        }
      : null;
  const organisationLevel: OrgLevelCorrelation = d.correlation.suppressed
    ? d.correlation
    : {
        ...d.correlation,
        points: d.correlation.points.map((p, i) => ({
          representativeCoverage: roundTo(p.representativeCoverage, 1),
          customerAgree: roundTo(p.customerAgree, 1),
          self: d.pointOrgs[i] === org.id,
        })),
      };
  return {
    organisation: { slug: org.slug, name: org.name, sector: org.sector, sizeBand: org.sizeBand },
    wave: wave ? { id: wave.id, label: wave.label, status: wave.status } : null,
    filter,
    release: release ? { seq: release.seq, releasedAt: release.releasedAt, responses: release.n } : null,
    shown,
    // Before the first release, the response count is the live one (participation, no answers).
    figures: release || !wave ? figures : { ...figures, responses: releaseStatus(db, wave.id).live },
    comparison,
    organisationLevel,
    benchmark: d.report,
  };
}

export function organisationReportBySlug(db: Db, slug: string, min: number, options: { waveId?: number; filter?: CellFilter } = {}): OrganisationReport {
  const org = findOrganisationBySlug(db, slug);
  if (!org) throw new AppError("not_found", `No organisation with slug "${slug}"`);
  return organisationReport(db, org, min, options);
}

/** Mean self level per capability of a counter vector, where `rule` allows the capability's figures. */
export function meanLevels(v: CounterVector, rule: Rule): Record<string, number> {
  const means: Record<string, number> = {};
  for (const c of capabilityFigures(v, rule)) if (!c.meanLevel.suppressed) means[c.capability] = c.meanLevel.mean;
  return means;
}

/**
 * What a personal report compares a respondent with: the mean levels of their wave's current
 * release and of the benchmark, each only where the disclosure rules allow it (an empty `means`
 * otherwise).
 */
export function personalComparison(
  db: Db,
  waveId: number,
  min: number,
): { wave: { n: number; means: Record<string, number> }; benchmark: { n: number; orgs: number; means: Record<string, number> } } {
  const release = currentRelease(db, waveId, min);
  const wave = release ? release.totals : emptyCounters();
  const s = loadState(db, min);
  const d = derived(db, min);
  return {
    // Before the first release, the live count says how many have taken part (a count, no answers).
    wave: { n: release ? counter(wave, "n") : releaseStatus(db, waveId).live, means: meanLevels(wave, release ? planGate(release.plan, "all") : NOTHING) },
    // The whole benchmark, shown only where every organisation's others pass the comparison rule.
    benchmark: { n: counter(s.total, "n"), orgs: s.members.size, means: Object.fromEntries(d.report.capabilities.flatMap((c) => (c.meanLevel.suppressed ? [] : [[c.capability, c.meanLevel.mean]]))) },
  };
}

