/*
 * Differences between two independent populations (two waves of an organisation, or the
 * organisation and the rest of the benchmark), each with its test. Pure: no database.
 *
 * - a percentage: difference in points with Newcombe's hybrid score interval; Pearson chi-square
 *   without continuity correction, Fisher's exact test when an expected count is below 5;
 * - the index mean: Welch's t-test (means and variances are exact from the index histogram);
 * - the difference between the two groups of a finding (F2–F4): z-test of the change of the
 *   difference ("difference in differences"), Wald, or Price & Bonett's adjusted Wald when a group
 *   is at 0 % or 100 % (core/stats/welch.ts); interval and p from the same z, interval within ±200 points.
 *
 * `significant` here is the single test's p < 0.05. The trends table adjusts its rows as one family
 * and decides its verdicts from interval, p and adjusted p together (trends.ts).
 */
import { differenceInDifferences, proportionDifference, twoByTwoTest, welchTTest, type SampleSummary } from "../../core/stats/index";
import { counter, INDEX_TOTAL_MAX, INDEX_TOTAL_MIN, type CounterVector } from "../../core/counters";
import { totalToIndex } from "./figures";

export type ChangeTestName = "chi_square" | "fisher" | "welch_t" | "z_difference_in_differences";

export type Change = {
  /** after − before, in points (percentages) or index points. */
  change: number;
  ci95: [number, number];
  test: ChangeTestName;
  pValue: number;
  significant: boolean;
};

const pct = (x: number) => x * 100;

/** Change of a percentage from `before` to `after` (counts of a yes/no outcome). */
export function percentageChange(before: { count: number; n: number }, after: { count: number; n: number }): Change {
  const d = proportionDifference(after.count, after.n, before.count, before.n);
  const t = twoByTwoTest(after.count, after.n - after.count, before.count, before.n - before.count);
  return { change: pct(d.difference), ci95: [pct(d.lower), pct(d.upper)], test: t.test, pValue: t.pValue, significant: t.pValue < 0.05 };
}

/** n, mean and sample variance of the digital capability index, from the index histogram counters. */
export function indexSummary(v: CounterVector): SampleSummary {
  let n = 0;
  let sum = 0;
  let sq = 0;
  for (let t = INDEX_TOTAL_MIN; t <= INDEX_TOTAL_MAX; t++) {
    const c = counter(v, `idx_${t}`);
    const x = totalToIndex(t);
    n += c;
    sum += c * x;
    sq += c * x * x;
  }
  const mean = n > 0 ? sum / n : NaN;
  return { n, mean, variance: n > 1 ? (sq - n * mean * mean) / (n - 1) : NaN };
}

/** Change of the mean index; null when a side has fewer than two people or no spread at all. */
export function meanChange(before: SampleSummary, after: SampleSummary): Change | null {
  if (before.n < 2 || after.n < 2 || !(before.variance + after.variance > 0)) return null;
  const r = welchTTest(before, after);
  return { change: r.difference, ci95: [r.lower, r.upper], test: "welch_t", pValue: r.pValue, significant: r.pValue < 0.05 };
}

type Split = { yes: { count: number; n: number }; no: { count: number; n: number } };

/** Change of the difference (in points) between the two groups of a split finding. */
export function splitDifferenceChange(before: Split, after: Split): Change {
  const r = differenceInDifferences(before, after);
  return {
    change: pct(r.change),
    ci95: [pct(r.lower), pct(r.upper)],
    test: "z_difference_in_differences",
    pValue: r.pValue,
    significant: r.pValue < 0.05,
  };
}
