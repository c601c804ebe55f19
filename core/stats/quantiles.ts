// Sample quantiles and percentile ranks.
import { assertFinite, assertProbability } from "./validate";

function sortedCopy(values: number[]): number[] {
  if (!Array.isArray(values) || values.length === 0) throw new RangeError("values must be a non-empty array");
  values.forEach((v, i) => assertFinite(v, `values[${i}]`));
  return [...values].sort((a, b) => a - b);
}

function quantileOfSorted(sorted: readonly number[], p: number): number {
  assertProbability(p, "p");
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const below = sorted[lo]!;
  const above = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return below + (h - lo) * (above - below);
}

/** Quantile p in [0, 1] by linear interpolation between order statistics (Hyndman–Fan type 7, numpy.quantile default); values need not be sorted. */
export function quantile(values: number[], p: number): number {
  return quantileOfSorted(sortedCopy(values), p);
}

/** Several type-7 quantiles of the same values (sorted once); same conventions as quantile. */
export function quantiles(values: number[], ps: number[]): number[] {
  const sorted = sortedCopy(values);
  return ps.map((p) => quantileOfSorted(sorted, p));
}

/**
 * Percentile rank 0..100 of x: percentage of values strictly below x plus half the percentage equal to x
 * (scipy.stats.percentileofscore(values, x, kind='mean')).
 */
export function percentileRank(values: number[], x: number): number {
  if (!Array.isArray(values) || values.length === 0) throw new RangeError("values must be a non-empty array");
  values.forEach((v, i) => assertFinite(v, `values[${i}]`));
  assertFinite(x, "x");
  let below = 0;
  let equal = 0;
  for (const v of values) {
    if (v < x) below++;
    else if (v === x) equal++;
  }
  return ((below + equal / 2) / values.length) * 100;
}
