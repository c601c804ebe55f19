/*
 * Changes between two waves of an organisation for every headline figure of the dashboards, each
 * with the significance of the change (tests in changes.ts). Pure: the caller reads the counters.
 */
import type { SampleSummary } from "../stats";
import { meanChange, percentageChange, splitDifferenceChange, type Change } from "./changes";
import type { PopulationFigures } from "./report";

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
  change: Change | null;
  suppressed: boolean;
};

export type WaveFigures = { figures: PopulationFigures; index: SampleSummary };

function row(figure: TrendFigure, before: number | null, after: number | null, change: Change | null, capability?: string): TrendRow {
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
  const rows: TrendRow[] = [row("responses", before.figures.responses, after.figures.responses, null)];

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
  return rows;
}
