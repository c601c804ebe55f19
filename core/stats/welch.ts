// Comparisons of two independent samples from summary statistics: Welch's t-test for means, and a
// z-test for the change of a difference of two proportions (difference in differences), adjusted
// (Price & Bonett 2004) when a group's proportion is 0 or 1.
import { normalCdf, studentTTwoSidedP, zForConfidence } from "./distributions";
import { assertConfidence, assertCount, assertFinite } from "./validate";

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
  /** (p2yes − p2no) − (p1yes − p1no), proportions on 0..1, from the observed counts. */
  change: number;
  /** The interval, always inside what is possible: [−2, 2]. */
  lower: number;
  upper: number;
  z: number;
  pValue: number;
  /**
   * True when a group's proportion was 0 or 1, so Price & Bonett's adjusted Wald method gave the
   * interval, z and p (see differenceInDifferences); false for the plain Wald z-test.
   */
  adjusted: boolean;
}

type Proportion = { count: number; n: number };

export interface ProportionContrast {
  /** Σ c·p̃: the contrast of the (adjusted, when `adjusted`) proportions. */
  estimate: number;
  se: number;
  z: number;
  pValue: number;
  lower: number;
  upper: number;
}

/**
 * A linear contrast Σ c·p of independent proportions with a Wald z-test and interval; with
 * `adjusted`, the adjusted Wald method of Price & Bonett (2004), "An improved confidence interval
 * for a linear function of binomial proportions", Computational Statistics & Data Analysis
 * 45(3):449–456 (= R statpsych::ci.lc.prop.bs): p̃ = (x + 2/m)/(n + 4/m) for each of the m groups
 * with a non-zero coefficient, SE = √Σ c²·p̃(1 − p̃)/(n + 4/m). For m = 2 it is Agresti & Caffo's
 * (2000) interval. z = estimate/SE; interval estimate ± z·SE, not clamped.
 */
export function proportionContrast(groups: readonly Proportion[], coefficients: readonly number[], adjusted: boolean, confidence = 0.95): ProportionContrast {
  assertConfidence(confidence);
  if (groups.length !== coefficients.length || groups.length === 0) throw new RangeError("one coefficient per group is needed");
  coefficients.forEach((c, i) => assertFinite(c, `coefficients[${i}]`));
  for (const g of groups) {
    assertCount(g.count, "count");
    assertCount(g.n, "n");
    if (g.n === 0 || g.count > g.n) throw new RangeError(`invalid group ${g.count}/${g.n}`);
  }
  const m = coefficients.filter((c) => c !== 0).length;
  let estimate = 0;
  let variance = 0;
  groups.forEach((g, i) => {
    const c = coefficients[i]!;
    if (c === 0) return;
    const n = adjusted ? g.n + 4 / m : g.n;
    const p = adjusted ? (g.count + 2 / m) / n : g.count / g.n;
    estimate += c * p;
    variance += (c * c * p * (1 - p)) / n;
  });
  const se = Math.sqrt(variance);
  const z = estimate / se;
  const half = zForConfidence(confidence) * se;
  // se = 0 (every proportion 0 or 1, unadjusted) leaves z ±∞ or NaN: callers adjust in that case.
  return { estimate, se, z, pValue: Number.isNaN(z) ? NaN : 2 * normalCdf(-Math.abs(z)), lower: estimate - half, upper: estimate + half };
}


/** The change of a difference of two proportions lies in [−2, 2] (−200 to +200 points). */
const DID_BOUND = 2;

/**
 * Change between two independent samples of the difference between two groups' proportions, the
 * contrast (after.yes − after.no) − (before.yes − before.no) of four independent proportions.
 * Every group needs n > 0.
 *
 * - Usually the Wald z-test: SE = √Σ p(1 − p)/n over the four groups, interval change ± z·SE, and
 *   p = 2Φ(−|change/SE|).
 * - When any group's proportion is 0 or 1 its Wald variance p(1 − p)/n is 0, which understates the
 *   uncertainty (with all four at 0 or 1, e.g. 5/5, 0/5 → 0/5, 5/5, the SE was 0: p = 0, "clear",
 *   and a zero-width interval). Then Price & Bonett's (2004) adjusted Wald method (proportionContrast)
 *   gives the interval, z and p alike: with m = 4 groups, half a success and half a failure are
 *   added to each, p̃ = (x + 0.5)/(n + 1), so no variance can be 0. `change` stays the observed
 *   contrast. Only this edge case differs from the Wald test (as the odds ratio's 0.5 correction
 *   applies only when a cell is 0).
 *
 * The interval is clamped to [−2, 2]. Interval and p-value come from the same z and SE, so the
 * interval excludes 0 exactly when p < 1 − confidence (clamping only cuts beyond ±2).
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
  const adjusted = groups.some((g) => g.count === 0 || g.count === g.n);
  const r = proportionContrast(groups, [-1, 1, 1, -1], adjusted, confidence);
  const clamp = (x: number) => Math.max(-DID_BOUND, Math.min(DID_BOUND, x));
  return { change, lower: clamp(r.lower), upper: clamp(r.upper), z: r.z, pValue: r.pValue, adjusted };
}
