import { describe, expect, it } from "vitest";
import { adjustFamily, type RawTrendRow } from "../../../lib/benchmark/trends";
import type { Change } from "../../../lib/benchmark/changes";
import { dashboardCsvRows } from "../../../lib/dashboard/csv";
import type { AnalysisData } from "../../../lib/dashboard/analysis";
import type { PrioritiesData } from "../../../lib/dashboard/priorities-view";
import type { SummaryData } from "../../../lib/dashboard/summary";
import { sampleSeniorityFinding } from "../../helpers/findings";

// Only the parts of the three views that the rows under test read; the rest is empty.
const meta = { organisation: { slug: "acme" }, wave: { label: "w2" }, filter: {}, status: "ok" } as unknown as SummaryData["meta"];
const summary = { meta, participation: null, index: null, findings: null, headlineActions: [] } as unknown as SummaryData;
const emptyAnalysis = { meta, coverage: null, heatmap: null, perception: null, seniority: null, distribution: null, alpha: null, organisationLevel: null } as unknown as AnalysisData;
const emptyPriorities = { meta, priorities: null, trends: null } as unknown as PrioritiesData;

const cells = (rows: (string | number)[][], table: string, row?: string) => rows.filter((r) => r[3] === table && (row === undefined || r[4] === row)).map((r) => [r[4], r[5], r[6]]);

describe("dashboard CSV: F5", () => {
  it("puts the all-three test's p on its own row, never under the perceived-coverage gap", () => {
    const f5 = sampleSeniorityFinding();
    const analysis = { ...emptyAnalysis, seniority: { organisation: f5, benchmark: f5, sentences: [] } } as AnalysisData;
    const rows = dashboardCsvRows(summary, analysis, emptyPriorities);
    expect(cells(rows, "seniority_gap", "gap")).toEqual([
      ["gap", "perceived_points", 21.2],
      ["gap", "test", "none"],
    ]);
    const test = cells(rows, "seniority_gap", "all_three_difference");
    expect(test).toContainEqual(["all_three_difference", "p_value", "0.0982"]);
    expect(test).toContainEqual(["all_three_difference", "test", "chi_square"]);
    expect(test).toContainEqual(["all_three_difference", "difference_points", 32.1]);
  });
});

describe("dashboard CSV: trends and priorities", () => {
  it("gives each change its Benjamini–Hochberg adjusted p, the method, the number of comparisons and the verdict", () => {
    // stats.false_discovery_control([0.04, 0.3], method='bh') → [0.08, 0.3]
    const change = (pValue: number, ci95: [number, number]): Change => ({ change: 1, ci95, test: "welch_t", pValue, significant: pValue < 0.05 });
    const raw = (c: Change | null, figure: RawTrendRow["figure"]): RawTrendRow => ({ figure, before: 1, after: 2, difference: 1, change: c, suppressed: false });
    const rows = adjustFamily([raw(null, "responses"), raw(change(0.04, [0.2, 3]), "index"), raw(change(0.3, [-1, 3]), "f1")]);
    const priorities = { ...emptyPriorities, trends: { waves: [], changes: { before: "w1", after: "w2", rows } } } as unknown as PrioritiesData;
    const csv = dashboardCsvRows(summary, emptyAnalysis, priorities);
    expect(cells(csv, "trends", "index")).toEqual([
      ["index", "before_w1", 1],
      ["index", "after_w2", 2],
      ["index", "difference", 1],
      ["index", "ci_low", 0.2],
      ["index", "ci_high", 3],
      ["index", "p_value", "0.04"],
      ["index", "test", "welch_t"],
      ["index", "adjusted_p_value", "0.08"],
      ["index", "p_adjustment", "benjamini_hochberg"],
      ["index", "comparisons", 2],
      ["index", "verdict", "not_clear_after_adjustment"],
    ]);
    expect(cells(csv, "trends", "f1")).toContainEqual(["f1", "verdict", "not_clear"]);
    expect(cells(csv, "trends", "responses").map((r) => r[1])).not.toContain("adjusted_p_value");
  });

  it("gives a priority's link its p-value and test", () => {
    const link = { suppressed: false as const, rho: 0.8, pValue: 16 / 120, method: "exact_permutation" as const, organisations: 5 };
    const item = { rank: 1, capability: "data", tier: "below_median", coverage: 30, pointsBelowMedian: 10, pointsBelowTopQuartile: 20, link, score: 8, band: "start" };
    const priorities = { ...emptyPriorities, priorities: [item] } as unknown as PrioritiesData;
    const csv = dashboardCsvRows(summary, emptyAnalysis, priorities);
    expect(cells(csv, "priorities", "data")).toContainEqual(["data", "link_p_value", "0.133"]);
    expect(cells(csv, "priorities", "data")).toContainEqual(["data", "link_test", "spearman_exact_permutation"]);
  });
});
