/*
 * Organisation-level comparisons: where one organisation stands among others (all, same sector,
 * same size band), and the organisation-level link between capability and customer understanding.
 */
import { percentileRank, quantiles, spearmanTest, type Presorted, type SpearmanMethod } from "../../core/stats/index";
import { AGG_CAPABILITIES, counter, REPRESENTATIVE, type CounterVector } from "../../core/counters";
import { coveragePct, customerAgreePct, meanIndex, representativeCoverage } from "./figures";
import { enoughOrganisations } from "../../core/disclosure/comparison";
import type { FigureGate } from "../../core/disclosure/figure-gate";
import { figureBases, type FigureKey } from "../../core/disclosure/plan";
import { release, SUPPRESSED, type Released, type Suppressed } from "../../core/disclosure/released";
import { meetsThreshold } from "../../core/disclosure/threshold";

export type OrgMetrics = {
  orgId: number;
  sector: string;
  sizeBand: string;
  n: number;
  index: number;
  coverage: Record<string, number>;
  representativeCoverage: number;
  customerAgree: number;
};

/**
 * An organisation's metrics from its counters; with a gate (its release's plan for the whole wave),
 * a metric whose figures the plan hides is NaN, so it takes no part in comparisons.
 */
export function orgMetrics(m: { orgId: number; sector: string; sizeBand: string; counters: CounterVector }, gate?: FigureGate): OrgMetrics {
  const v = m.counters;
  const ok = (...keys: FigureKey[]) => !gate || keys.every((k) => figureBases(k, v).every((b) => gate.allows(k, b)));
  const coverage: Record<string, number> = {};
  for (const c of AGG_CAPABILITIES) coverage[c] = ok(`self:${c}`) ? coveragePct(v, c) : NaN;
  return {
    orgId: m.orgId,
    sector: m.sector,
    sizeBand: m.sizeBand,
    n: counter(v, "n"),
    index: ok("index") ? meanIndex(v).mean : NaN,
    coverage,
    representativeCoverage: ok(...REPRESENTATIVE.map((c) => `self:${c}` as const)) ? representativeCoverage(v) : NaN,
    customerAgree: ok("cu") ? customerAgreePct(v) : NaN,
  };
}

export type GroupComparison =
  | Released<{
      organisations: number;
      value: number;
      median: number;
      topQuartile: number;
      topDecile: number;
      /** % of the other organisations below this one (ties count half). */
      percentileRank: number;
    }>
  | (Suppressed & { organisations: number });

/**
 * Compares a value with the same metric of other organisations. Only organisations with at least
 * `min` responses take part, and the group needs at least five of them.
 */
export function compareWith(value: number, others: readonly number[]): GroupComparison {
  const values = others.filter((x) => Number.isFinite(x));
  if (!enoughOrganisations(values.length) || !Number.isFinite(value)) return { ...SUPPRESSED, organisations: values.length };
  const [median, topQuartile, topDecile] = quantiles(values, [0.5, 0.75, 0.9]) as [number, number, number];
  return release({ organisations: values.length, value, median, topQuartile, topDecile, percentileRank: percentileRank(values, value) });
}

export function lowerBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * compareWith on a pre-sorted array of finite values, optionally without one of its values (the
 * organisation's own entry): the same figures in O(log n) instead of a sort per request.
 */
export function compareInSorted(value: number, sorted: ArrayLike<number>, exclude?: number): GroupComparison {
  const skip = exclude !== undefined && Number.isFinite(exclude) ? lowerBound(sorted, exclude) : -1;
  const valid = skip >= 0 && skip < sorted.length && sorted[skip] === exclude ? skip : -1;
  const n = sorted.length - (valid >= 0 ? 1 : 0);
  if (!enoughOrganisations(n) || !Number.isFinite(value)) return { ...SUPPRESSED, organisations: n };
  const q = quantileIn((k) => sorted[valid >= 0 && k >= valid ? k + 1 : k]!, n);
  let below = lowerBound(sorted, value);
  let equal = upperBound(sorted, value) - below;
  if (valid >= 0) {
    if (exclude! < value) below--;
    else if (exclude === value) equal--;
  }
  return release({ organisations: n, value, median: q(0.5), topQuartile: q(0.75), topDecile: q(0.9), percentileRank: ((below + 0.5 * equal) / n) * 100 });
}

/** The type-7 quantile of n sorted values read through `at` (as core/stats quantiles computes it). */
function quantileIn(at: (k: number) => number, n: number): (p: number) => number {
  return (p) => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    return at(lo) + (h - lo) * (at(Math.min(lo + 1, n - 1)) - at(lo));
  };
}

export type ComparisonGroups = { all: GroupComparison; sector: GroupComparison; sizeBand: GroupComparison };

/** Distribution of an organisation-level metric across organisations (for benchmark tables). */
export function distribution(values: readonly number[]): GroupComparison | (Suppressed & { organisations: number }) {
  const finite = values.filter((x) => Number.isFinite(x));
  if (!enoughOrganisations(finite.length)) return { ...SUPPRESSED, organisations: finite.length };
  const [median, topQuartile, topDecile] = quantiles(finite, [0.5, 0.75, 0.9]) as [number, number, number];
  return release({ organisations: finite.length, value: NaN, median, topQuartile, topDecile, percentileRank: NaN });
}

/** distribution() of a pre-sorted array of finite values: the same figures without copying and sorting it again. */
export function distributionInSorted(sorted: ArrayLike<number>): ReturnType<typeof distribution> {
  const n = sorted.length;
  if (!enoughOrganisations(n)) return { ...SUPPRESSED, organisations: n };
  const q = quantileIn((k) => sorted[k]!, n);
  return release({ organisations: n, value: NaN, median: q(0.5), topQuartile: q(0.75), topDecile: q(0.9), percentileRank: NaN });
}

export type OrgLevelCorrelation =
  | Released<{
      organisations: number;
      rho: number;
      /** Exact permutation p up to 10 organisations, else the t-approximation (spearmanTest). */
      pValue: number;
      /** Set by orgLevelCorrelation; absent only in hand-built figures. */
      method?: SpearmanMethod;
      /** One point per organisation, anonymous; `self` marks the requesting organisation. */
      points: { representativeCoverage: number; customerAgree: number; self: boolean }[];
    }>
  | (Suppressed & { organisations: number });

/**
 * Across organisations with at least `min` responses: Spearman correlation between the measured
 * coverage of the three representative capabilities (their minimum) and % agreeing that everyone
 * understands the customers. `presorted`: the eligible organisations' two values already sorted, to rank without sorting.
 */
export function orgLevelCorrelation(population: readonly OrgMetrics[], min: number, selfOrgId?: number, presorted: Presorted = {}): OrgLevelCorrelation {
  const eligible = population.filter(
    (m) => meetsThreshold(m.n, min) && Number.isFinite(m.representativeCoverage) && Number.isFinite(m.customerAgree),
  );
  if (!enoughOrganisations(eligible.length)) return { ...SUPPRESSED, organisations: eligible.length };
  const r = spearmanTest(
    eligible.map((m) => m.representativeCoverage),
    eligible.map((m) => m.customerAgree),
    // The eligible values already sorted, when the caller holds them (sorted-metrics.ts presortedFor).
    presorted,
  );
  return release({
    organisations: eligible.length,
    rho: r.rho,
    pValue: r.pValue,
    method: r.method,
    points: eligible.map((m) => ({ representativeCoverage: m.representativeCoverage, customerAgree: m.customerAgree, self: m.orgId === selfOrgId })),
  });
}
