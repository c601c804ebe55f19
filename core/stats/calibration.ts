// Calibration of self-ratings against knowledge checks, from aggregate counts: how far people's
// self-rating (1..5) runs ahead of (or behind) what they answer correctly on k checks.
//
// Every function takes the capability's contingency table `table[s][c]` = number of respondents with
// self-rating s + 1 (rows 0..4 for ratings 1..5) and c correct checks (columns 0..k). Figures are
// computed from the counts in O(cells), never by expanding the table into one row per respondent:
// a capability can have a million respondents, and the table is all that is kept of them.
import { studentTTwoSidedP } from "./distributions";
import { assertConfidence, assertCount } from "./validate";
import { studentTCritical } from "./welch";

/** Self-ratings run 1..5: the table has one row per rating. */
const RATINGS = 5;

/** Throws RangeError unless k is a positive integer and `table` has 5 rows of k + 1 non-negative integer counts. */
function assertTable(table: readonly (readonly number[])[], k: number): void {
  if (typeof k !== "number" || !Number.isInteger(k) || k < 1) throw new RangeError(`k (checks per respondent) must be a positive integer, got ${String(k)}`);
  if (!Array.isArray(table) || table.length !== RATINGS) {
    throw new RangeError(`table must have ${RATINGS} rows (self-ratings 1..5), got ${Array.isArray(table) ? table.length : String(table)}`);
  }
  table.forEach((row, s) => {
    if (!Array.isArray(row) || row.length !== k + 1) {
      throw new RangeError(`table[${s}] must have k + 1 = ${k + 1} counts (0..${k} correct), got ${Array.isArray(row) ? row.length : String(row)}`);
    }
    row.forEach((count, c) => assertCount(count, `table[${s}][${c}]`));
  });
}

/** Total count of the table. */
function tableTotal(table: readonly (readonly number[])[]): number {
  let n = 0;
  for (const row of table) for (const count of row) n += count;
  return n;
}

export interface CalibrationBias {
  n: number;
  /** Mean of d = (self − 1)/4 − correct/k, in [−1, 1]; positive = people rate themselves above what they answer. */
  mean: number;
  /** Sample standard deviation of d (n − 1 in the denominator). */
  sd: number;
  /** Student-t interval mean ± t_{n−1}·sd/√n. */
  lower: number;
  upper: number;
}

/**
 * Mean calibration gap: per respondent d = (self − 1)/4 − correct/k, the self-rating put on 0..1
 * minus the proportion of checks answered correctly ("don't know" counted as wrong), so 0 means the
 * self-rating matches the checks on average, and +1 is "rated 5, answered none". Returns the mean,
 * the sample sd and the Student-t interval mean ± t_{n−1}·sd/√n (= scipy.stats.t.interval(confidence,
 * n − 1, loc=mean, scale=sd/√n) on the expanded data).
 *
 * With n = 0 everything is NaN; with n = 1 the mean is that person's d but sd and the interval are
 * NaN (no spread can be estimated from one person). When every respondent has the same d (sd = 0)
 * the interval has zero width, [mean, mean], as the formula gives (scipy returns NaN for scale 0).
 * The mean and the squared deviations are summed in two passes over the cells, so a million
 * respondents lose no precision to cancellation.
 */
export function calibrationBias(table: readonly (readonly number[])[], k: number, confidence = 0.95): CalibrationBias {
  assertTable(table, k);
  assertConfidence(confidence);
  const n = tableTotal(table);
  // d = (s·k − 4c)/(4k) with s = row index = self-rating − 1: the numerators are integers, so their
  // count-weighted sum is exact, and cells with equal d give bit-identical values (sd = 0 stays 0).
  const d = (s: number, c: number) => (s * k - (RATINGS - 1) * c) / ((RATINGS - 1) * k);
  let sumNumerators = 0;
  for (let s = 0; s < RATINGS; s++) for (let c = 0; c <= k; c++) sumNumerators += table[s]![c]! * (s * k - (RATINGS - 1) * c);
  const mean = n > 0 ? sumNumerators / ((RATINGS - 1) * k * n) : NaN;
  if (n < 2) return { n, mean, sd: NaN, lower: NaN, upper: NaN };
  let ss = 0;
  for (let s = 0; s < RATINGS; s++) for (let c = 0; c <= k; c++) ss += table[s]![c]! * (d(s, c) - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  const half = studentTCritical(n - 1, confidence) * (sd / Math.sqrt(n));
  return { n, mean, sd, lower: mean - half, upper: mean + half };
}

export interface ScoreRegression {
  n: number;
  intercept: number;
  /** Change in proportion correct per step of self-rating. */
  slope: number;
  /** Student-t interval of the slope, slope ± t_{n−2}·SE. */
  slopeLower: number;
  slopeUpper: number;
  /** Two-sided p-value of the t-test of slope = 0 (n − 2 df). */
  slopeP: number;
  /** Coefficient of determination (squared Pearson correlation of self-rating and proportion correct). */
  r2: number;
  /** The fitted line at self-ratings 1..5: predicted proportion correct (not clamped to 0..1). */
  fitted: number[];
}

/**
 * Ordinary least squares of the check score (proportion correct, correct/k) on the self-rating
 * (1..5), from the counts: do people who rate themselves higher actually answer more? Equals
 * scipy.stats.linregress on the expanded data: slope, intercept, r² = rvalue², slopeP = pvalue, and
 * the interval slope ± t_{n−2}·stderr. `fitted` is intercept + slope·rating for ratings 1..5; being a
 * straight line it can leave 0..1 at the ends, and is not clamped, so it stays the fitted line.
 *
 * Undefined cases return NaN rather than throwing, since a capability's table may be nearly empty:
 * - all self-ratings equal (including n < 2): no slope can be fitted; every figure but n is NaN
 *   (linregress raises an error here);
 * - all scores equal: the slope is 0 and the line flat at that score, but r² and the t statistic
 *   are 0/0, so r2, slopeP and the interval are NaN (as linregress in scipy 1.17: r, p, stderr NaN);
 * - n < 3: no residual degrees of freedom, so the interval and slopeP are NaN.
 * A perfect fit with n >= 3 gives stderr 0, the zero-width interval [slope, slope] and p = 0 (linregress
 * gives about 1e-70 there, from the tiny constant it adds to 1 − r² to avoid dividing by zero).
 */
export function scoreRegression(table: readonly (readonly number[])[], k: number, confidence = 0.95): ScoreRegression {
  assertTable(table, k);
  assertConfidence(confidence);
  const n = tableTotal(table);
  // Integer sums (exact): when every score is the same, meanY is then exactly that c/k and syy exactly 0.
  let sumX = 0;
  let sumCorrect = 0;
  for (let s = 0; s < RATINGS; s++) {
    for (let c = 0; c <= k; c++) {
      sumX += table[s]![c]! * (s + 1);
      sumCorrect += table[s]![c]! * c;
    }
  }
  const meanX = sumX / n;
  const meanY = sumCorrect / (k * n);
  // Centred sums in a second pass (no cancellation at large n).
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let s = 0; s < RATINGS; s++) {
    for (let c = 0; c <= k; c++) {
      const w = table[s]![c]!;
      const dx = s + 1 - meanX;
      const dy = c / k - meanY;
      sxx += w * dx * dx;
      sxy += w * dx * dy;
      syy += w * dy * dy;
    }
  }
  const none: ScoreRegression = { n, intercept: NaN, slope: NaN, slopeLower: NaN, slopeUpper: NaN, slopeP: NaN, r2: NaN, fitted: [NaN, NaN, NaN, NaN, NaN] };
  if (!(n >= 2) || sxx === 0) return none;
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  const fitted = [1, 2, 3, 4, 5].map((x) => intercept + slope * x);
  if (syy === 0) return { ...none, intercept, slope, fitted };
  const r2 = Math.min(1, (sxy * sxy) / (sxx * syy));
  if (n < 3) return { ...none, intercept, slope, fitted, r2 };
  // Residual sum of squares summed directly over the cells, not as syy − slope·sxy (which cancels to noise near a perfect fit).
  let sse = 0;
  for (let s = 0; s < RATINGS; s++) for (let c = 0; c <= k; c++) sse += table[s]![c]! * (c / k - (intercept + slope * (s + 1))) ** 2;
  const df = n - 2;
  const se = Math.sqrt(sse / df / sxx);
  const half = studentTCritical(df, confidence) * se;
  const slopeP = se === 0 ? 0 : studentTTwoSidedP(slope / se, df);
  return { n, intercept, slope, slopeLower: slope - half, slopeUpper: slope + half, slopeP, r2, fitted };
}

export interface SpearmanFromTable {
  n: number;
  rho: number;
  /** Two-sided p-value by the t-approximation with n − 2 df (as scipy.stats.spearmanr). */
  p: number;
}

/**
 * Average (mid) ranks of the categories of one margin: the c-th category's `counts[c]` tied
 * respondents share the ranks after all earlier categories, so each gets before + (count + 1)/2.
 */
function midRanks(counts: readonly number[]): number[] {
  let before = 0;
  return counts.map((count) => {
    const rank = before + (count + 1) / 2;
    before += count;
    return rank;
  });
}

/**
 * Spearman's rho between self-rating and number correct, from the table: the Pearson correlation of
 * the average ranks, where every respondent in a row (column) shares its mid-rank, found from the
 * cumulative row (column) totals; so O(cells), with no expansion. The p-value is the t-approximation,
 * t = rho·√((n − 2)/(1 − rho²)) with n − 2 df; both equal scipy.stats.spearmanr on the expanded data
 * (and spearman() in ./spearman). Ranks are centred on their mean (n + 1)/2 before multiplying.
 *
 * NaN rho and p when either margin is constant (everyone gave the same rating, or got the same
 * number right) and when n < 3 (spearman() throws there, but a table of counts may legitimately be
 * nearly empty). |rho| = 1 gives p = 0. For n <= 10 the t-approximation is poor: spearmanTest() on
 * the expanded pairs gives the exact permutation p-value.
 */
export function spearmanFromTable(table: readonly (readonly number[])[]): SpearmanFromTable {
  const columns = Array.isArray(table) && Array.isArray(table[0]) ? table[0].length : 0;
  if (columns < 2) throw new RangeError(`table rows must have at least 2 columns (0..k correct), got ${columns}`);
  const k = columns - 1;
  assertTable(table, k);
  const n = tableTotal(table);
  if (n < 3) return { n, rho: NaN, p: NaN };
  const rowTotals = table.map((row) => row.reduce((a, b) => a + b, 0));
  const colTotals = table[0]!.map((_, c) => table.reduce((a, row) => a + row[c]!, 0));
  const mean = (n + 1) / 2;
  const rx = midRanks(rowTotals).map((r) => r - mean);
  const ry = midRanks(colTotals).map((r) => r - mean);
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  rowTotals.forEach((count, s) => (sxx += count * rx[s]! * rx[s]!));
  colTotals.forEach((count, c) => (syy += count * ry[c]! * ry[c]!));
  for (let s = 0; s < RATINGS; s++) for (let c = 0; c <= k; c++) sxy += table[s]![c]! * rx[s]! * ry[c]!;
  if (sxx === 0 || syy === 0) return { n, rho: NaN, p: NaN };
  const rho = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  const df = n - 2;
  const p = Math.abs(rho) === 1 ? 0 : studentTTwoSidedP(rho * Math.sqrt(df / ((1 + rho) * (1 - rho))), df);
  return { n, rho, p };
}
