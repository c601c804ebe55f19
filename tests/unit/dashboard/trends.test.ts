import { describe, expect, it } from "vitest";
import { indexSummary, meanChange, percentageChange, splitDifferenceChange, type Change } from "../../../lib/benchmark/changes";
import { addResponse, emptyCounters, SOURCE_COLUMNS } from "../../../core/counters";
import { populationFigures } from "../../../lib/benchmark/report";
import { adjustFamily, trendRows, trendVerdict, type RawTrendRow } from "../../../lib/benchmark/trends";
import { dailySeries } from "../../../lib/benchmark/participation";
import { expectRelClose } from "../stats/expect-rel-close";

/** Stored-encoding source values: every self item at `level`, org items, vision/L&D agree, customer understanding. */
function response(level: number, all3: boolean, customer: number): unknown[] {
  const values: Record<string, unknown> = { seniority: "staff", vision: 4, ld_awareness: 4, customer_understanding: customer };
  for (const c of ["data", "security", "coding", "mobile", "social", "analytics", "cloud", "ai"]) {
    values[`self_${c}`] = level;
    values[`org_${c}`] = all3 ? "yes" : "no";
  }
  return SOURCE_COLUMNS.map((c) => values[c] ?? null);
}

/** n people: the first `able` at `high` (else level 2), the first `all3` saying everyone can do all three, the first `agree` agreeing on customers. */
function wave(n: number, able: number, high: number, all3: number, agree: number) {
  const v = emptyCounters();
  for (let i = 0; i < n; i++) addResponse(v, response(i < able ? high : 2, i < all3, i < agree ? 4 : 2));
  return { figures: populationFigures(v, 5), index: indexSummary(v) };
}

describe("changes between two waves", () => {
  // Before: 40 people, 12 at level 4 (index 75), 28 at level 2 (index 25); 10 say all three; 15 agree on customers.
  // After: 50 people, 30 at level 5 (index 100), 20 at level 2; 20 say all three; 30 agree on customers.
  const before = wave(40, 12, 4, 10, 15);
  const after = wave(50, 30, 5, 20, 30);
  const rows = trendRows(before, after);
  const byFigure = (figure: string, capability?: string) => rows.find((r) => r.figure === figure && r.capability === capability)!;

  it("lists every headline figure once", () => {
    expect(rows.map((r) => r.capability ?? r.figure)).toEqual(["responses", "index", "f1", "f2", "f3", "f4", "data", "security", "coding", "mobile", "social", "analytics", "cloud", "ai"]);
  });

  it("responses: the counts and their difference, no test", () => {
    expect(byFigure("responses")).toMatchObject({ before: 40, after: 50, difference: 10, change: null, suppressed: false });
  });

  it("coverage: difference in points with Newcombe's interval and the chi-square p", () => {
    // stats.chi2_contingency([[30,20],[12,28]], correction=False).pvalue = 0.0045863920802534895
    // Newcombe hybrid score from Wilson intervals (z = stats.norm.ppf(0.975)): d = 30.0, [9.286764051649124, 47.19771267848461]
    const r = byFigure("coverage", "data");
    expect(r.before).toBeCloseTo(30, 12);
    expect(r.after).toBeCloseTo(60, 12);
    expect(r.change!.test).toBe("chi_square");
    expectRelClose(r.change!.pValue, 0.0045863920802534895, 1e-8);
    expect(r.change!.ci95[0]).toBeCloseTo(9.286764051649124, 8);
    expect(r.change!.ci95[1]).toBeCloseTo(47.19771267848461, 8);
    expect(r.change!.significant).toBe(true);
  });

  it("index: Welch's t-test on the index values, exact from the histogram", () => {
    // a = np.repeat([75.0,25.0],[12,28]); b = np.repeat([100.0,25.0],[30,20]); r = stats.ttest_ind(b, a, equal_var=False)
    // → pvalue 1.0766283957702675e-05, confidence_interval() = (17.263682166658747, 42.73631783334125), b.mean()-a.mean() = 30.0
    const r = byFigure("index");
    expect(r.difference).toBeCloseTo(30, 10);
    expect(r.change!.test).toBe("welch_t");
    expectRelClose(r.change!.pValue, 1.0766283957702675e-5, 1e-7);
    expect(r.change!.ci95[0]).toBeCloseTo(17.263682166658747, 7);
    expect(r.change!.ci95[1]).toBeCloseTo(42.73631783334125, 7);
    expect(before.index).toMatchObject({ n: 40 });
    expect(before.index.variance).toBeCloseTo(Math.pow(50, 2) * (12 * 28) / (40 * 39), 9);
  });

  it("F1: % agree on customers", () => {
    // stats.chi2_contingency([[30,20],[15,25]], correction=False).pvalue = 0.033894853524689295
    const r = byFigure("f1");
    expect(r.before).toBeCloseTo(37.5, 12);
    expect(r.after).toBeCloseTo(60, 12);
    expectRelClose(r.change!.pValue, 0.033894853524689295, 1e-8);
  });

  it("F2: the change of the difference between the groups, and a not significant result", () => {
    // before yes 10/10, no 5/30; after yes 20/20, no 10/30: change −16.666666666666664 points.
    // Both "yes" groups are at 100 %, whose Wald variance is 0, so Price & Bonett's adjusted Wald method applies
    // (issue 11; the plain Wald z gave p 0.12873504895794796, interval (−38.17010408977365, 4.836770756440323)):
    // tests/unit/stats/reference_figures.py did((10,10), (5,30), (20,20), (10,30)) → p 0.28393363124812665,
    // interval (−0.39507552558912307, 0.11578492371787608) in proportions.
    const r = byFigure("f2");
    expect(r.difference).toBeCloseTo(-16.666666666666664, 10);
    expect(r.change!.test).toBe("z_difference_in_differences");
    expectRelClose(r.change!.pValue, 0.28393363124812665, 1e-8);
    expect(r.change!.ci95[0]).toBeCloseTo(-39.507552558912307, 8);
    expect(r.change!.ci95[1]).toBeCloseTo(11.578492371787608, 8);
    expect(r.change!.significant).toBe(false);
  });

  it("adjusts the table's p-values as one family (Benjamini–Hochberg) and names the method", () => {
    // The 11 tested rows: index, F1, F2 and eight coverage rows (F3, F4 suppressed; responses has no test).
    // stats.false_discovery_control([1.0766283957702675e-05, 0.033894853524689295, 0.28393363124812665]
    //   + [0.0045863920802534895]*8, method='bh') → [0.00011842912353472942, 0.03728433887715823,
    //   0.28393363124812665, 0.005605590320309821 (× 8)]
    const tested = rows.filter((r) => r.change);
    expect(tested).toHaveLength(11);
    for (const r of tested) expect(r.change!.adjustment).toEqual({ method: "benjamini_hochberg", comparisons: 11 });
    expectRelClose(byFigure("index").change!.adjustedP, 0.00011842912353472942, 1e-9);
    expectRelClose(byFigure("f1").change!.adjustedP, 0.03728433887715823, 1e-9);
    expectRelClose(byFigure("f2").change!.adjustedP, 0.28393363124812665, 1e-9);
    expectRelClose(byFigure("coverage", "ai").change!.adjustedP, 0.005605590320309821, 1e-9);
    expect(byFigure("index").change!.verdict).toBe("clear");
    expect(byFigure("f1").change!.verdict).toBe("clear");
    expect(byFigure("f2").change!.verdict).toBe("not_clear");
    expect(byFigure("responses").change).toBeNull();
  });

  it("a suppressed figure in either wave has no values and no test", () => {
    // Everyone agrees on vision, so F3 has an empty "not agree" group: suppressed in both waves.
    expect(byFigure("f3")).toEqual({ figure: "f3", before: null, after: null, difference: null, change: null, suppressed: true });
    const small = wave(4, 2, 4, 1, 2);
    const rows = trendRows(small, after);
    expect(rows.find((r) => r.figure === "index")!.suppressed).toBe(true);
    expect(rows.find((r) => r.capability === "data")!.change).toBeNull();
  });

  it("percentage and mean changes refuse what they cannot test", () => {
    expect(meanChange({ n: 1, mean: 50, variance: NaN }, { n: 10, mean: 60, variance: 4 })).toBeNull();
    expect(percentageChange({ count: 5, n: 10 }, { count: 5, n: 10 }).pValue).toBeCloseTo(1, 12);
  });
});

describe("verdicts that agree with the interval and the adjusted p", () => {
  const change = (pValue: number, ci95: [number, number]): Change => ({ change: (ci95[0] + ci95[1]) / 2, ci95, test: "welch_t", pValue, significant: pValue < 0.05 });
  const raw = (c: Change | null): RawTrendRow => ({ figure: "index", before: 1, after: 2, difference: 1, change: c, suppressed: false });

  it("a change clear on its own but not after adjustment says so, and is not significant", () => {
    // stats.false_discovery_control([0.04, 0.3, 0.5, 0.6], method='bh') → [0.16, 0.6, 0.6, 0.6]
    const rows = adjustFamily([raw(change(0.04, [0.5, 9])), raw(change(0.3, [-2, 6])), raw(null), raw(change(0.5, [-3, 5])), raw(change(0.6, [-4, 5]))]);
    expect(rows[0]!.change).toMatchObject({ adjustedP: 0.16, verdict: "not_clear_after_adjustment", significant: false });
    expect(rows[1]!.change).toMatchObject({ adjustedP: 0.6, verdict: "not_clear", significant: false });
    expect(rows[2]!.change).toBeNull();
    expect(rows[0]!.change!.adjustment).toEqual({ method: "benjamini_hochberg", comparisons: 4 });
  });

  it("significant only when the interval excludes 0 and the adjusted p < 0.05", () => {
    // stats.false_discovery_control([0.04, 0.03, 0.001, 0.3], method='bh') → [0.05333333333333333, 0.05333333333333333, 0.004, 0.3]
    const rows = adjustFamily([raw(change(0.04, [0.1, 3])), raw(change(0.03, [0.2, 4])), raw(change(0.001, [1, 5])), raw(change(0.3, [-1, 2]))]);
    expect(rows.map((r) => r.change!.verdict)).toEqual(["not_clear_after_adjustment", "not_clear_after_adjustment", "clear", "not_clear"]);
    expect(rows.map((r) => r.change!.significant)).toEqual([false, false, true, false]);
    for (const r of rows) {
      const c = r.change!;
      const excludesZero = c.ci95[0] > 0 || c.ci95[1] < 0;
      if (c.significant) expect(excludesZero && c.adjustedP < 0.05).toBe(true);
      if (!excludesZero) expect(c.significant).toBe(false);
    }
  });

  it("calls a percentage change borderline when Newcombe's interval and the chi-square test disagree", () => {
    // 4 of 14 → 8 of 12: stats.chi2_contingency([[8,4],[4,10]], correction=False).pvalue = 0.05207858048926663 (not < 0.05),
    // Newcombe hybrid score interval (Wilson, z = stats.norm.ppf(0.975)) (0.0012090177251974366, 0.6388295381424276) excludes 0.
    const c = percentageChange({ count: 4, n: 14 }, { count: 8, n: 12 });
    expect(c.test).toBe("chi_square");
    expectRelClose(c.pValue, 0.05207858048926663, 1e-8);
    expect(c.ci95[0]).toBeCloseTo(0.12090177251974366, 8);
    expect(c.ci95[1]).toBeCloseTo(63.88295381424276, 8);
    expect(trendVerdict(c, c.pValue)).toBe("borderline");
    const [row] = adjustFamily([raw(c)]);
    expect(row!.change).toMatchObject({ verdict: "borderline", significant: false });
  });

  it("the degenerate difference in differences (5/5, 0/5 → 0/5, 5/5) has p > 0 and an interval within ±200 points", () => {
    // reference_figures.py did((5,5), (0,5), (0,5), (5,5)) → p 1.51893571195179e-13, interval (−2 [clamped], −1.2243660366081466)
    const c = splitDifferenceChange({ yes: { count: 5, n: 5 }, no: { count: 0, n: 5 } }, { yes: { count: 0, n: 5 }, no: { count: 5, n: 5 } });
    expect(c.change).toBeCloseTo(-200, 10);
    expect(c.pValue).toBeGreaterThan(0);
    expectRelClose(c.pValue, 1.51893571195179e-13, 1e-7);
    expect(c.ci95[0]).toBe(-200);
    expect(c.ci95[1]).toBeCloseTo(-122.43660366081466, 8);
    // A group of one in each cell: the interval is cut at −200 points and the change is not clear.
    const tiny = splitDifferenceChange({ yes: { count: 1, n: 1 }, no: { count: 0, n: 1 } }, { yes: { count: 0, n: 1 }, no: { count: 1, n: 1 } });
    expect(tiny.ci95[0]).toBe(-200);
    expect(tiny.significant).toBe(false);
  });
});

describe("dailySeries", () => {
  it("fills quiet days with zero and keeps a running total", () => {
    expect(dailySeries([
      { day: "2026-10-30", count: 3 },
      { day: "2026-11-02", count: 2 },
    ])).toEqual([
      { day: "2026-10-30", count: 3, cumulative: 3 },
      { day: "2026-10-31", count: 0, cumulative: 3 },
      { day: "2026-11-01", count: 0, cumulative: 3 },
      { day: "2026-11-02", count: 2, cumulative: 5 },
    ]);
    expect(dailySeries([])).toEqual([]);
  });
});
