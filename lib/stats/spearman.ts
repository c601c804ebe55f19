// Spearman rank correlation (average ranks for ties) with the t-approximation p-value, as scipy.stats.spearmanr.
import { studentTTwoSidedP } from "./distributions";
import { assertFinite } from "./validate";

export interface SpearmanResult {
  rho: number;
  pValue: number;
  n: number;
}

/** 1-based ranks with ties given the average of the ranks they span (scipy.stats.rankdata(method='average')). */
export function averageRanks(values: number[]): number[] {
  values.forEach((v, i) => assertFinite(v, `values[${i}]`));
  const order = values.map((_, i) => i).sort((i, j) => values[i]! - values[j]!);
  const ranks = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1]!] === values[order[start]!]) end++;
    const rank = (start + end) / 2 + 1; // mean of positions start+1 .. end+1
    for (let k = start; k <= end; k++) ranks[order[k]!] = rank;
    start = end + 1;
  }
  return ranks;
}

/**
 * Spearman's rho = Pearson correlation of the average ranks; two-sided p-value from Student's t with n − 2 df,
 * t = rho·√((n − 2)/((1 + rho)(1 − rho))), exactly as scipy.stats.spearmanr. If either variable is constant
 * (all ties) rho and pValue are NaN (undefined). Needs n >= 3 paired, finite values.
 */
export function spearman(x: number[], y: number[]): SpearmanResult {
  if (x.length !== y.length) throw new RangeError(`x and y must have the same length, got ${x.length} and ${y.length}`);
  const n = x.length;
  if (n < 3) throw new RangeError(`spearman needs at least 3 pairs, got ${n}`);
  const rx = averageRanks(x);
  const ry = averageRanks(y);
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
