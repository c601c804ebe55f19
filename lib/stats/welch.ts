// Comparisons of two independent samples from summary statistics: Welch's t-test for means, and a
// z-test for the change of a difference of two proportions (difference in differences).
import { normalCdf, studentTTwoSidedP, zForConfidence } from "./distributions";
import { assertConfidence, assertFinite } from "./validate";

export interface SampleSummary {
  n: number;
  mean: number;
  /** Sample variance with n − 1 in the denominator. */
  variance: number;
}

export interface MeanDifferenceTest {
  /** mean2 − mean1 */
  difference: number;
  lower: number;
  upper: number;
  t: number;
  df: number;
  pValue: number;
}

/** Student's t quantile for a two-sided interval: t with P(|T| <= t) = confidence (bisection on the exact tail). */
export function studentTCritical(df: number, confidence = 0.95): number {
  assertConfidence(confidence);
  const alpha = 1 - confidence;
  let lo = 0;
  let hi = 1;
  while (studentTTwoSidedP(hi, df) > alpha) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (studentTTwoSidedP(mid, df) > alpha) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Welch's unequal-variances t-test of mean2 − mean1 with Welch–Satterthwaite degrees of freedom
 * (= scipy.stats.ttest_ind(b, a, equal_var=False) and its confidence_interval()). Both samples need
 * n >= 2 and a positive total variance.
 */
export function welchTTest(a: SampleSummary, b: SampleSummary, confidence = 0.95): MeanDifferenceTest {
  for (const [s, name] of [
    [a, "a"],
    [b, "b"],
  ] as const) {
    if (!(s.n >= 2)) throw new RangeError(`${name}.n must be at least 2, got ${String(s.n)}`);
    assertFinite(s.mean, `${name}.mean`);
    assertFinite(s.variance, `${name}.variance`);
  }
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const se = Math.sqrt(va + vb);
  if (!(se > 0)) throw new RangeError("both samples have zero variance; the t statistic is undefined");
  const difference = b.mean - a.mean;
  const t = difference / se;
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  const half = studentTCritical(df, confidence) * se;
  return { difference, lower: difference - half, upper: difference + half, t, df, pValue: studentTTwoSidedP(t, df) };
}

export interface DifferenceInDifferencesTest {
  /** (p2yes − p2no) − (p1yes − p1no), proportions on 0..1 */
  change: number;
  lower: number;
  upper: number;
  z: number;
  pValue: number;
}

type Proportion = { count: number; n: number };

/**
 * Change between two independent samples of the difference between two groups' proportions, with a
 * Wald z-test: SE = √Σ p(1 − p)/n over the four groups. Every group needs n > 0.
 */
export function differenceInDifferences(
  before: { yes: Proportion; no: Proportion },
  after: { yes: Proportion; no: Proportion },
  confidence = 0.95,
): DifferenceInDifferencesTest {
  const groups = [before.yes, before.no, after.yes, after.no];
  for (const g of groups) if (!(g.n > 0) || g.count < 0 || g.count > g.n) throw new RangeError(`invalid group ${g.count}/${g.n}`);
  const p = (g: Proportion) => g.count / g.n;
  const change = p(after.yes) - p(after.no) - (p(before.yes) - p(before.no));
  const se = Math.sqrt(groups.reduce((s, g) => s + (p(g) * (1 - p(g))) / g.n, 0));
  if (!(se > 0)) {
    return { change, lower: change, upper: change, z: change === 0 ? 0 : Math.sign(change) * Infinity, pValue: change === 0 ? 1 : 0 };
  }
  const z = change / se;
  const half = zForConfidence(confidence) * se;
  return { change, lower: change - half, upper: change + half, z, pValue: 2 * normalCdf(-Math.abs(z)) };
}
