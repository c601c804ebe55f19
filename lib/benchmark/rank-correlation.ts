/*
 * spearmanTest (core/stats) over thousands of organisations, in a fraction of its time: after each
 * change to the benchmark population the organisation-level correlations are computed again over
 * every organisation, and sorting an index array with a comparator, twice per correlation, was most
 * of that. Here the ranks come from one native sort of the values and one pass over it.
 *
 * The result is spearmanTest's, bit for bit: the average ranks are the same numbers (half-integers),
 * so every product in Spearman's sums is a multiple of 1/4 and every partial sum is one too, below
 * 2^53 / 4 while n ≤ MAX_N: each addition is exact, in any order, and the rest is the same formula.
 */
import { EXACT_SPEARMAN_MAX_N, spearmanTest, studentTTwoSidedP } from "../../core/stats/index";
import type { SpearmanTestResult } from "../../core/stats/index";

/** Sums of up to n³/12 in quarters stay exact below 2^53 up to about 270,000 values; far above any benchmark. */
const MAX_N = 100_000;

export function rankCorrelation(x: number[], y: number[]): SpearmanTestResult {
  const n = x.length;
  const exactPath = n <= EXACT_SPEARMAN_MAX_N || n > MAX_N || n !== y.length || !allFinite(x) || !allFinite(y);
  if (exactPath) return spearmanTest(x, y);
  const rx = averageRanks(x);
  const ry = averageRanks(y);
  const mean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = rx[i]! - mean;
    const dy = ry[i]! - mean;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return { rho: NaN, pValue: NaN, n, method: "t_distribution" };
  const rho = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  const df = n - 2;
  const pValue = Math.abs(rho) === 1 ? 0 : studentTTwoSidedP(rho * Math.sqrt(df / ((1 + rho) * (1 - rho))), df);
  return { rho, pValue, n, method: "t_distribution" };
}

function allFinite(values: readonly number[]): boolean {
  for (const v of values) if (!Number.isFinite(v)) return false;
  return true;
}

/** 1-based ranks, ties given the mean of the positions they span (as core/stats averageRanks). */
function averageRanks(values: readonly number[]): Float64Array {
  // One pass over the sorted values gives each distinct value its rank (few distinct values: percentages of groups).
  const sorted = Float64Array.from(values).sort();
  const rankOf = new Map<number, number>();
  for (let first = 0; first < sorted.length; ) {
    let last = first;
    while (last + 1 < sorted.length && sorted[last + 1] === sorted[first]) last++;
    rankOf.set(sorted[first]!, (first + last) / 2 + 1);
    first = last + 1;
  }
  // A plain loop: Float64Array.from with a mapping function is ten times slower here.
  const ranks = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) ranks[i] = rankOf.get(values[i]!)!;
  return ranks;
}
