// Spearman rank correlation (average ranks for ties): spearman() with the t-approximation p-value, as
// scipy.stats.spearmanr; spearmanTest() with an exact permutation p-value for small n (what outputs use).
import { studentTTwoSidedP } from "./distributions";
import { assertFinite } from "./validate";

export interface SpearmanResult {
  rho: number;
  pValue: number;
  n: number;
}

/**
 * 1-based ranks with ties given the average of the ranks they span (scipy.stats.rankdata(method='average')):
 * one native sort of the values, then each value's rank found in it (averageRanksIn). The benchmark
 * ranks ten thousand organisations' percentages after every change: sorting an index array with a
 * comparator, and then a Map keyed by the values, were each most of that time.
 */
export function averageRanks(values: readonly number[]): number[] {
  for (let i = 0; i < values.length; i++) if (typeof values[i] !== "number" || !Number.isFinite(values[i])) assertFinite(values[i]!, `values[${i}]`);
  // -0 and 0 compare equal and are one value: the typed sort puts -0 first, in the same run.
  return averageRanksIn(Float64Array.from(values).sort(), values);
}

/**
 * The same ranks as averageRanks(values), found in `sorted`, the values already sorted ascending
 * (the benchmark keeps its organisations' values sorted across changes): one pass over `sorted`
 * and one binary search per value, no sort. `sorted` must hold exactly the values: its length is
 * checked, and each value must be found in it.
 */
export function averageRanksIn(sorted: ArrayLike<number>, values: readonly number[]): number[] {
  const n = values.length;
  if (sorted.length !== n) throw new RangeError(`sorted must hold the ${n} values, got ${sorted.length}`);
  // The rank of each position's run of equal values, then one binary search per value.
  const rankAt = new Float64Array(n);
  for (let start = 0; start < n; ) {
    let end = start;
    while (end + 1 < n && sorted[end + 1] === sorted[start]) end++;
    rankAt.fill((start + end) / 2 + 1, start, end + 1); // mean of positions start+1 .. end+1
    start = end + 1;
  }
  const ranks = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (typeof v !== "number" || !Number.isFinite(v)) assertFinite(v, `values[${i}]`);
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (sorted[lo] !== v) throw new RangeError(`values[${i}] (${v}) is not among the sorted values`);
    ranks[i] = rankAt[lo]!;
  }
  return ranks;
}

/**
 * What the caller already has: the values of x and/or y sorted ascending (see averageRanksIn), or
 * y's average ranks themselves (a caller correlating several variables with one ranks it once).
 */
export type Presorted = { x?: ArrayLike<number>; y?: ArrayLike<number>; yRanks?: readonly number[] };

/**
 * Spearman's rho = Pearson correlation of the average ranks; two-sided p-value from Student's t with n − 2 df,
 * t = rho·√((n − 2)/((1 + rho)(1 − rho))), exactly as scipy.stats.spearmanr. If either variable is constant
 * (all ties) rho and pValue are NaN (undefined). Needs n >= 3 paired, finite values. `presorted` gives x's
 * and/or y's values already sorted, to rank without sorting (averageRanksIn), or y's ranks.
 */
export function spearman(x: number[], y: number[], presorted: Presorted = {}): SpearmanResult {
  if (x.length !== y.length) throw new RangeError(`x and y must have the same length, got ${x.length} and ${y.length}`);
  const n = x.length;
  if (n < 3) throw new RangeError(`spearman needs at least 3 pairs, got ${n}`);
  if (presorted.yRanks && presorted.yRanks.length !== n) throw new RangeError(`yRanks must have ${n} ranks, got ${presorted.yRanks.length}`);
  const rx = presorted.x ? averageRanksIn(presorted.x, x) : averageRanks(x);
  const ry = presorted.yRanks ?? (presorted.y ? averageRanksIn(presorted.y, y) : averageRanks(y));
  const mean = (n + 1) / 2; // average ranks always sum to n(n+1)/2
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
  if (sxx === 0 || syy === 0) return { rho: NaN, pValue: NaN, n };
  const rho = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  const df = n - 2;
  const pValue = Math.abs(rho) === 1 ? 0 : studentTTwoSidedP(rho * Math.sqrt(df / ((1 + rho) * (1 - rho))), df);
  return { rho, pValue, n };
}

/** Up to this many pairs spearmanTest enumerates every permutation (10! = 3,628,800, a few ms to tens of ms). */
export const EXACT_SPEARMAN_MAX_N = 10;

export type SpearmanMethod = "exact_permutation" | "t_distribution";

export interface SpearmanTestResult extends SpearmanResult {
  /** How pValue was found: every permutation (n <= EXACT_SPEARMAN_MAX_N) or Student's t with n − 2 df. */
  method: SpearmanMethod;
}

/**
 * Null distribution of |T| = |Σ a_i·b_{π(i)}| over all n! permutations π, as tail counts: tails[v] = number of
 * permutations with |T| >= v. It depends only on the multisets of a and b, so it is cached by them: without
 * ties every input of the same n shares one distribution (the dashboards test eight capabilities at once).
 */
const tailCache = new Map<string, Float64Array>();
const TAIL_CACHE_SIZE = 32;

function permutationTails(a: readonly number[], b0: readonly number[]): Float64Array {
  const key = `${[...a].sort((p, q) => p - q).join(",")}|${[...b0].sort((p, q) => p - q).join(",")}`;
  const cached = tailCache.get(key);
  if (cached) return cached;
  const n = a.length;
  const b = [...b0];
  const bound = Math.floor(Math.sqrt(a.reduce((s, v) => s + v * v, 0) * b.reduce((s, v) => s + v * v, 0))) + 1;
  const counts = new Float64Array(bound + 1);
  let t = 0;
  for (let i = 0; i < n; i++) t += a[i]! * b[i]!;
  counts[Math.abs(t)]!++;
  // Heap's algorithm (iterative): each step swaps b[i] and b[j], changing T by (a_i − a_j)(b_j − b_i).
  const c = new Array<number>(n).fill(0);
  let i = 1;
  while (i < n) {
    if (c[i]! < i) {
      const j = i % 2 === 0 ? 0 : c[i]!;
      const bi = b[i]!;
      const bj = b[j]!;
      t += (a[i]! - a[j]!) * (bj - bi);
      b[i] = bj;
      b[j] = bi;
      counts[Math.abs(t)]!++;
      c[i]!++;
      i = 1;
    } else {
      c[i] = 0;
      i++;
    }
  }
  for (let v = bound - 1; v >= 0; v--) counts[v]! += counts[v + 1]!;
  if (tailCache.size >= TAIL_CACHE_SIZE) tailCache.delete(tailCache.keys().next().value!);
  tailCache.set(key, counts);
  return counts;
}

/**
 * Exact two-sided permutation p-value of Spearman's rho: the share of the n! pairings of x with a
 * permutation of y (average ranks kept, so ties count with their multiplicity) whose |rho| is at
 * least the observed |rho|. As rho's permutation distribution is centred on 0, this is "at least as
 * far from no association". Without ties it equals
 * scipy.stats.permutation_test((y,), lambda y: spearmanr(x, y).statistic, permutation_type='pairings',
 * n_resamples=np.inf).pvalue; with ties scipy doubles the smaller one-sided p instead, which can differ.
 *
 * Works on doubled centred ranks a = 2·rank − (n + 1), which are integers, so T = Σ a_x·a_y is an
 * integer and compared exactly (no floating-point tolerance needed). Permutations are visited by
 * Heap's algorithm, one swap at a time, updating T in O(1) (n = 10: 3.6 million steps, about 70 ms,
 * once per pattern of ties). NaN when either variable is constant.
 */
export function spearmanPermutationPValue(x: number[], y: number[]): number {
  if (x.length !== y.length) throw new RangeError(`x and y must have the same length, got ${x.length} and ${y.length}`);
  const n = x.length;
  if (n < 3) throw new RangeError(`spearman needs at least 3 pairs, got ${n}`);
  if (n > EXACT_SPEARMAN_MAX_N) throw new RangeError(`exact enumeration is limited to ${EXACT_SPEARMAN_MAX_N} pairs, got ${n}`);
  const a = averageRanks(x).map((r) => 2 * r - (n + 1));
  const b = averageRanks(y).map((r) => 2 * r - (n + 1));
  if (a.every((v) => v === 0) || b.every((v) => v === 0)) return NaN;
  let t = 0;
  for (let i = 0; i < n; i++) t += a[i]! * b[i]!;
  const tails = permutationTails(a, b);
  return tails[Math.abs(t)]! / tails[0]!;
}

/**
 * Spearman's rho with the p-value outputs should use: exact (spearmanPermutationPValue) for
 * n <= EXACT_SPEARMAN_MAX_N, where the t-approximation is poor (it gives p = 0 for rho = ±1 on any n,
 * while on 5 points the exact p is 2/120 = 0.0167), else the t-approximation of spearman().
 */
export function spearmanTest(x: number[], y: number[], presorted: Presorted = {}): SpearmanTestResult {
  const r = spearman(x, y, presorted);
  if (r.n > EXACT_SPEARMAN_MAX_N) return { ...r, method: "t_distribution" };
  return { ...r, pValue: Number.isNaN(r.rho) ? NaN : spearmanPermutationPValue(x, y), method: "exact_permutation" };
}
