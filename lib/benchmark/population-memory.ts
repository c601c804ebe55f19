/*
 * The benchmark population held in memory and the figures derived from it, without the database:
 * population.ts loads it and follows the change feed; here changed members are applied and the
 * derived figures computed for each generation. After a change only the changed members' part of
 * the pooled figures' inputs and of the sorted comparison arrays is redone; the result equals a
 * computation from scratch exactly (tests/unit/benchmark-incremental.test.ts).
 */
import type { WavePlan } from "../../core/disclosure/plan";
import { meetsThreshold } from "../../core/disclosure/threshold";
import { addVectors, AGG_CAPABILITIES, type CounterVector } from "../../core/counters";
import { distributionInSorted, orgLevelCorrelation, type OrgLevelCorrelation, type OrgMetrics } from "./compare";
import { buildTallies, replaceMember, talliedFigures, type PooledTallies } from "./pooled-tallies";
import { presortedFor, replaceInSorted, sortedMetrics, type SortedMetrics } from "./sorted-metrics";
import type { BenchmarkReport } from "./benchmark-report";

export type Member = { orgId: number; slug: string; sector: string; sizeBand: string; waveId: number; counters: CounterVector; plan: WavePlan; metrics: OrgMetrics };

export type Derived = {
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

export type PopulationInMemory = {
  generation: number;
  /** One member per organisation, by organisation id, in id order. */
  members: Map<number, Member>;
  total: CounterVector;
  derived?: Derived & { generation: number };
  /** Sorted comparison arrays, kept up to date across changes (see replaceInSorted). */
  sorted?: { min: number } & SortedMetrics;
  /** The pooled figures' sums and comparison tallies, kept up to date across changes (pooled-tallies.ts). */
  tallies?: PooledTallies;
};

/**
 * Applies changed members (undefined: the organisation left) in one synchronous step and starts a
 * new generation. `members` and `total` are replaced, not changed in place, so whoever holds them
 * from an earlier generation keeps a consistent population; the sorted arrays and the tallies are
 * changed in place (they are read only by derivedOf, for the current generation).
 */
export function applyMembers(p: PopulationInMemory, changed: readonly (readonly [number, Member | undefined])[]): void {
  const members = new Map(p.members);
  const total = p.total.slice();
  let joined = false;
  for (const [orgId, after] of changed) {
    const before = members.get(orgId);
    if (before) addVectors(total, before.counters.map((x) => -x));
    if (after) {
      addVectors(total, after.counters);
      members.set(orgId, after);
      if (!before) joined = true;
    } else members.delete(orgId);
    if (p.sorted && !replaceInSorted(p.sorted, before?.metrics, after?.metrics, p.sorted.min)) p.sorted = undefined;
    if (p.tallies) replaceMember(p.tallies, orgId, after);
  }
  // Members stay in organisation id order, as a full load reads them, so sums over them are the same.
  p.members = joined ? new Map([...members].sort((a, b) => a[0] - b[0])) : members;
  p.total = total;
  p.generation++;
}

/** The organisations that are points of the organisation-level correlation, in member order. */
export function correlationPointOrgs(metrics: readonly OrgMetrics[], min: number): number[] {
  return metrics
    .filter((m) => meetsThreshold(m.n, min) && Number.isFinite(m.representativeCoverage) && Number.isFinite(m.customerAgree))
    .map((m) => m.orgId);
}

/**
 * The figures derived from a population, computed once per generation. Synchronous: use what it
 * returns (its `sorted` arrays are patched in place by later changes) before awaiting anything else.
 */
export function derivedOf(p: PopulationInMemory, min: number): Derived {
  if (p.derived && p.derived.generation === p.generation && p.derived.min === min) return p.derived;
  const members = [...p.members.values()];
  const metrics = members.map((m) => m.metrics);
  if (!p.sorted || p.sorted.min !== min) p.sorted = { min, ...sortedMetrics(metrics, min) };
  const sorted = p.sorted.groups;
  p.tallies ??= buildTallies(members);
  // The correlation's points in member order, ranked in the kept sorted arrays when they hold exactly those points.
  const pointOrgs = correlationPointOrgs(metrics, min);
  const correlation = orgLevelCorrelation(metrics, min, undefined, presortedFor(sorted, "representativeCoverage", pointOrgs.length));
  const report: BenchmarkReport = {
    scope: {},
    organisations: members.length,
    ...talliedFigures(p.tallies, min),
    organisationLevel: correlation.suppressed ? correlation : { ...correlation, points: [] },
    distributions: {
      index: distributionInSorted(sorted.get("index|all") ?? []),
      coverage: Object.fromEntries(AGG_CAPABILITIES.map((c) => [c, distributionInSorted(sorted.get(`coverage.${c}|all`) ?? [])])),
    },
  };
  p.derived = { generation: p.generation, min, report, sorted, correlation, pointOrgs, memo: new Map() };
  return p.derived;
}
