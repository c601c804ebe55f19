import { describe, expect, it } from "vitest";
import { indexSummary, meanChange, percentageChange } from "../../../lib/benchmark/changes";
import { addResponse, emptyCounters, SOURCE_COLUMNS } from "../../../lib/benchmark/counters";
import { populationFigures } from "../../../lib/benchmark/report";
import { trendRows } from "../../../lib/benchmark/trends";
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
    // before yes 10/10, no 5/30; after yes 20/20, no 10/30; Wald z: change −16.666666666666664 points,
    // 2*stats.norm.sf(abs(z)) = 0.12873504895794796, interval (−38.17010408977365, 4.836770756440323)
    const r = byFigure("f2");
    expect(r.difference).toBeCloseTo(-16.666666666666664, 10);
    expect(r.change!.test).toBe("z_difference_in_differences");
    expectRelClose(r.change!.pValue, 0.12873504895794796, 1e-8);
    expect(r.change!.ci95[0]).toBeCloseTo(-38.17010408977365, 8);
    expect(r.change!.ci95[1]).toBeCloseTo(4.836770756440323, 8);
    expect(r.change!.significant).toBe(false);
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
