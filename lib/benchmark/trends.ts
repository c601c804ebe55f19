/*
 * Changes between two waves of an organisation for every headline figure of the dashboards, each
 * with the significance of the change (tests in changes.ts). Pure: the caller reads the counters.
 *
 * The rows are shown together in one table, so they are one family of comparisons: their p-values
 * are adjusted by Benjamini–Hochberg (false discovery rate 5 %) over every row that has a test.
 * One rule gives the verdict, so it never contradicts what the row shows (adjustFamily):
 *   - "clear" only when the 95 % interval shown excludes 0, the test's p < 0.05 and the adjusted
 *     p < 0.05 (`significant` is true exactly then);
 *   - "not_clear_after_adjustment" when interval and test both exclude "no change" but the adjusted
 *     p is 0.05 or more (the wording names the adjustment, so an interval without 0 is explained);
 *   - "borderline" when the interval and the test disagree (only for percentages, whose interval is
 *     Newcombe's and whose test is chi-square or Fisher's; the index (Welch's t) and F2–F4 (z on the
 *     change of the difference) take interval and p from one statistic and cannot disagree);
 *   - "not_clear" otherwise (the interval includes 0 and p >= 0.05).
 * The intervals are the unadjusted 95 % intervals of each test.
 */
import { benjaminiHochberg, type SampleSummary } from "../../core/stats/index";
import { meanChange, percentageChange, splitDifferenceChange, type Change } from "./changes";
import type { PopulationFigures } from "./report";

export type TrendVerdict = "clear" | "not_clear" | "not_clear_after_adjustment" | "borderline";

/** A change in the trends table, with its p adjusted over the table's family of comparisons. */
export type TrendChange = Change & {
  /** Benjamini–Hochberg adjusted p over every tested row of the table. */
  adjustedP: number;
  adjustment: { method: "benjamini_hochberg"; comparisons: number };
  verdict: TrendVerdict;
};

/** Significance level of the verdicts, for the unadjusted and the adjusted p alike. */
export const TREND_ALPHA = 0.05;

export type TrendFigure = "responses" | "index" | "f1" | "f2" | "f3" | "f4" | "coverage";

export type TrendRow = {
  figure: TrendFigure;
  /** Set for coverage rows. */
  capability?: string;
  /** The figure in each wave: a count, index points or a percentage (F2–F4: the difference in points). */
  before: number | null;
  after: number | null;
  /** after − before; null when either wave's figure is suppressed. */
  difference: number | null;
  /** The test of the change; null for the response count (not a sample estimate) or when suppressed. */
  change: TrendChange | null;
  suppressed: boolean;
};

export type RawTrendRow = Omit<TrendRow, "change"> & { change: Change | null };

export type WaveFigures = { figures: PopulationFigures; index: SampleSummary };

function row(figure: TrendFigure, before: number | null, after: number | null, change: Change | null, capability?: string): RawTrendRow {
  const suppressed = before === null || after === null;
  return {
    figure,
    ...(capability ? { capability } : {}),
    before,
    after,
    difference: suppressed ? null : after - before,
    change: suppressed ? null : change,
    suppressed,
  };
}

const SPLITS = ["f2", "f3", "f4"] as const;

/** One row per headline figure: responses, index, F1, F2–F4 differences, coverage of each capability. */
export function trendRows(before: WaveFigures, after: WaveFigures): TrendRow[] {
  const rows: RawTrendRow[] = [row("responses", before.figures.responses, after.figures.responses, null)];

  const ib = before.figures.index;
  const ia = after.figures.index;
  rows.push(
    ib.suppressed || ia.suppressed ? row("index", null, null, null) : row("index", ib.mean, ia.mean, meanChange(before.index, after.index)),
  );

  const fb = before.figures.findings.f1;
  const fa = after.figures.findings.f1;
  rows.push(fb.suppressed || fa.suppressed ? row("f1", null, null, null) : row("f1", fb.agree.pct, fa.agree.pct, percentageChange(fb.agree, fa.agree)));

  for (const f of SPLITS) {
    const b = before.figures.findings[f];
    const a = after.figures.findings[f];
    if (b.suppressed || a.suppressed) {
      rows.push(row(f, null, null, null));
      continue;
    }
    rows.push(
      row(
        f,
        b.comparison.differencePoints,
        a.comparison.differencePoints,
        splitDifferenceChange({ yes: b.yes.agree, no: b.no.agree }, { yes: a.yes.agree, no: a.no.agree }),
      ),
    );
  }

  for (const cb of before.figures.capabilities) {
    const ca = after.figures.capabilities.find((c) => c.capability === cb.capability);
    if (!ca || cb.coverage.suppressed || ca.coverage.suppressed) {
      rows.push(row("coverage", null, null, null, cb.capability));
      continue;
    }
    rows.push(row("coverage", cb.coverage.pct, ca.coverage.pct, percentageChange(cb.coverage, ca.coverage), cb.capability));
  }
  return adjustFamily(rows);
}

/** The verdict of one change from its interval, its own p and its adjusted p (rule in the header). */
export function trendVerdict(change: Pick<Change, "ci95" | "pValue">, adjustedP: number): TrendVerdict {
  const intervalClear = change.ci95[0] > 0 || change.ci95[1] < 0;
  const testClear = change.pValue < TREND_ALPHA;
  if (intervalClear !== testClear) return "borderline";
  if (!testClear) return "not_clear";
  return adjustedP < TREND_ALPHA ? "clear" : "not_clear_after_adjustment";
}

/** Benjamini–Hochberg over the rows with a test, and each tested row's verdict. */
export function adjustFamily(rows: readonly RawTrendRow[]): TrendRow[] {
  const tested = rows.flatMap((r) => (r.change ? [r.change] : []));
  const adjusted = benjaminiHochberg(tested.map((c) => c.pValue));
  let k = 0;
  return rows.map((r) => {
    if (!r.change) return { ...r, change: null };
    const adjustedP = adjusted[k++]!;
    const verdict = trendVerdict(r.change, adjustedP);
    return {
      ...r,
      change: { ...r.change, significant: verdict === "clear", adjustedP, adjustment: { method: "benjamini_hochberg", comparisons: tested.length }, verdict },
    };
  });
}
