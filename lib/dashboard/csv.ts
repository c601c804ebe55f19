/*
 * The dashboards' tables as one CSV in long form — one figure per line — built from the same data
 * the three views and their JSON show, so a group hidden there is hidden here: it keeps its label
 * and says "too few responses", with no value.
 */
import { TOO_FEW } from "../benchmark/tables";
import type { GroupComparison } from "../benchmark/compare";
import type { Shown } from "../benchmark/figures";
import type { AnalysisData } from "./analysis";
import type { PrioritiesData } from "./priorities-view";
import type { SummaryData } from "./summary";
import { exportPValue, roundedCell } from "../format/numbers";

export const DASHBOARD_CSV_COLUMNS = ["organisation", "wave", "group", "table", "row", "column", "value", "status"] as const;

const TOO_FEW_ORGS = "too few organisations";
type Cell = string | number;


export function dashboardCsvRows(summary: SummaryData, analysis: AnalysisData, priorities: PrioritiesData): Cell[][] {
  const meta = summary.meta;
  const group = meta.filter.department !== undefined ? `department:${meta.filter.department}` : meta.filter.seniority !== undefined ? `seniority:${meta.filter.seniority}` : "all";
  const rows: Cell[][] = [];
  const add = (table: string, row: string, column: string, value: number | null | undefined | string, status = "shown", digits = 1) =>
    rows.push([meta.organisation.slug, meta.wave?.label ?? "", group, table, row, column, typeof value === "string" ? value : status === "shown" ? roundedCell(value, digits) : "", status]);
  const shown = <T extends object>(table: string, row: string, value: Shown<T>, columns: [string, (v: T) => number | string | null][]) => {
    if (value.suppressed) add(table, row, "", null, TOO_FEW);
    else for (const [column, get] of columns) add(table, row, column, get(value as T));
  };
  const comparison = (table: string, row: string, g: GroupComparison) => {
    if (g.suppressed) add(table, row, "organisations", g.organisations, TOO_FEW_ORGS);
    else {
      add(table, row, "organisations", g.organisations, "shown", 0);
      add(table, row, "median", g.median);
      add(table, row, "top_quartile", g.topQuartile);
      if (Number.isFinite(g.percentileRank)) add(table, row, "percentile_rank", g.percentileRank);
    }
  };

  add("status", "view", "status", meta.status);
  if (summary.participation) {
    const p = summary.participation;
    add("participation", "wave", "responses", p.responses, "shown", 0);
    if (p.invited !== null) {
      add("participation", "wave", "invited", p.invited, "shown", 0);
      add("participation", "wave", "invited_responded", p.invitedResponded, "shown", 0);
      add("participation", "wave", "share_of_invited_pct", p.shareOfInvited);
    } else add("participation", "wave", "invited", "", "no invitations sent");
    for (const d of p.byDay) add("participation", d.day, "responses", d.count, "shown", 0);
  }
  if (meta.status !== "ok") return rows;

  if (summary.index) {
    shown("index", "organisation", summary.index.organisation, [
      ["mean", (v) => v.mean],
      ["median", (v) => v.median],
      ["responses", (v) => v.n],
    ]);
    if (summary.index.comparison) {
      comparison("index", "benchmark_all", summary.index.comparison.all);
      comparison("index", "benchmark_sector", summary.index.comparison.sector);
      comparison("index", "benchmark_size_band", summary.index.comparison.sizeBand);
    } else comparison("index", "benchmark_all", summary.index.benchmark);
  }
  if (summary.findings) {
    const f = summary.findings;
    for (const [who, v] of [["organisation", f.f1.organisation], ["benchmark", f.f1.benchmark]] as const) {
      shown("findings", `f1_${who}`, v, [
        ["agree_pct", (x) => x.agree.pct],
        ["agree_ci_low", (x) => x.agree.ci95[0]],
        ["agree_ci_high", (x) => x.agree.ci95[1]],
        ["disagree_pct", (x) => x.disagreePct],
        ["responses", (x) => x.agree.n],
      ]);
    }
    for (const k of ["f2", "f3", "f4"] as const) {
      for (const [who, v] of [["organisation", f[k].organisation], ["benchmark", f[k].benchmark]] as const) {
        shown("findings", `${k}_${who}`, v, [
          ["yes_agree_pct", (x) => x.yes.agree.pct],
          ["yes_responses", (x) => x.yes.n],
          ["no_agree_pct", (x) => x.no.agree.pct],
          ["no_responses", (x) => x.no.n],
          ["difference_points", (x) => x.comparison.differencePoints],
          ["p_value", (x) => exportPValue(x.comparison.pValue)],
        ]);
      }
    }
  }
  for (const c of analysis.coverage ?? []) {
    shown("coverage", c.capability, c.organisation, [
      ["coverage_pct", (x) => x.pct],
      ["ci_low", (x) => x.ci95[0]],
      ["ci_high", (x) => x.ci95[1]],
      ["responses", (x) => x.n],
    ]);
    if (c.benchmark.suppressed) add("coverage", c.capability, "benchmark", null, TOO_FEW_ORGS);
    else {
      add("coverage", c.capability, "benchmark_median", c.benchmark.median);
      add("coverage", c.capability, "benchmark_top_quartile", c.benchmark.topQuartile);
      if (c.benchmark.percentileRank !== null) add("coverage", c.capability, "percentile_rank", c.benchmark.percentileRank);
    }
  }
  for (const r of analysis.heatmap?.rows ?? []) {
    const label = r.department === "" ? "(not answered)" : r.department;
    if (r.suppressed) add("heatmap", label, "", null, TOO_FEW);
    else for (const c of analysis.heatmap!.capabilities) add("heatmap", label, c, r.coverage[c] ?? null, r.coverage[c] === null ? TOO_FEW : "shown");
  }
  for (const p of analysis.perception ?? []) {
    if (p.gap.suppressed || p.perceived.suppressed || p.measured.suppressed) add("perception_gap", p.capability, "", null, TOO_FEW);
    else {
      add("perception_gap", p.capability, "say_everyone_can_pct", p.perceived.pct);
      add("perception_gap", p.capability, "can_themselves_pct", p.measured.pct);
      add("perception_gap", p.capability, "gap_points", p.gap.points);
    }
  }
  if (analysis.seniority) {
    const f5 = analysis.seniority.organisation;
    if (f5.suppressed) add("seniority_gap", "", "", null, TOO_FEW);
    else {
      for (const [row, g] of [["senior", f5.senior], ["staff", f5.staff]] as const) {
        add("seniority_gap", row, "responses", g.n, "shown", 0);
        add("seniority_gap", row, "perceived_coverage_pct", g.perceivedCoverage);
        add("seniority_gap", row, "measured_coverage_pct", g.measuredCoverage);
        add("seniority_gap", row, "all_three_pct", g.allThree.pct);
      }
      // The perceived-coverage gap is descriptive: it has no test of its own, so no p-value. The test
      // (chi-square or Fisher) compares the shares saying everyone can do all three, on its own row.
      add("seniority_gap", "gap", "perceived_points", f5.gapPoints);
      add("seniority_gap", "gap", "test", "none");
      add("seniority_gap", "all_three_difference", "difference_points", f5.comparison.differencePoints);
      add("seniority_gap", "all_three_difference", "ci_low", f5.comparison.differenceCi95[0]);
      add("seniority_gap", "all_three_difference", "ci_high", f5.comparison.differenceCi95[1]);
      add("seniority_gap", "all_three_difference", "p_value", exportPValue(f5.comparison.pValue));
      add("seniority_gap", "all_three_difference", "test", f5.comparison.test);
    }
  }
  if (analysis.distribution) {
    const { organisation, benchmark } = analysis.distribution;
    if (organisation.suppressed) add("index_distribution", "", "", null, TOO_FEW);
    else {
      organisation.bins.forEach((b, i) => {
        const row = `${b.from}-${b.to}`;
        add("index_distribution", row, "organisation_pct", b.pct);
        if (!benchmark.suppressed) add("index_distribution", row, "benchmark_pct", benchmark.bins[i]!.pct);
      });
    }
  }
  if (analysis.alpha) shown("reliability", "cronbach_alpha", analysis.alpha.organisation, [["alpha", (a) => a.alpha], ["responses", (a) => a.n]]);
  for (const p of priorities.priorities ?? []) {
    add("priorities", p.capability, "rank", p.rank, "shown", 0);
    add("priorities", p.capability, "tier", p.tier);
    add("priorities", p.capability, "coverage_pct", p.coverage);
    add("priorities", p.capability, "points_below_median", p.pointsBelowMedian);
    add("priorities", p.capability, "points_below_top_quartile", p.pointsBelowTopQuartile);
    add("priorities", p.capability, "link_rho", p.link.suppressed ? null : p.link.rho, "shown", 3);
    if (!p.link.suppressed) {
      add("priorities", p.capability, "link_p_value", exportPValue(p.link.pValue));
      if (p.link.method) add("priorities", p.capability, "link_test", p.link.method === "exact_permutation" ? "spearman_exact_permutation" : "spearman_t_approximation");
    }
    add("priorities", p.capability, "score", p.score, "shown", 2);
    add("priorities", p.capability, "suggestion_band", p.band);
  }
  for (const r of priorities.trends?.changes?.rows ?? []) {
    const row = r.capability ? `${r.figure}:${r.capability}` : r.figure;
    if (r.suppressed) {
      add("trends", row, "", null, TOO_FEW);
      continue;
    }
    add("trends", row, `before_${priorities.trends!.changes!.before}`, r.before);
    add("trends", row, `after_${priorities.trends!.changes!.after}`, r.after);
    add("trends", row, "difference", r.difference);
    if (r.change) {
      add("trends", row, "ci_low", r.change.ci95[0]);
      add("trends", row, "ci_high", r.change.ci95[1]);
      add("trends", row, "p_value", exportPValue(r.change.pValue));
      add("trends", row, "test", r.change.test);
      // Adjusted over every tested row of the table (one family), and the verdict drawn from
      // interval, p and adjusted p together (lib/benchmark/trends.ts).
      add("trends", row, "adjusted_p_value", exportPValue(r.change.adjustedP));
      add("trends", row, "p_adjustment", r.change.adjustment.method);
      add("trends", row, "comparisons", r.change.adjustment.comparisons, "shown", 0);
      add("trends", row, "verdict", r.change.verdict);
    }
  }
  return rows;
}

/** A file name from the organisation, wave and group, with only safe characters. */
export function dashboardCsvFilename(meta: SummaryData["meta"]): string {
  const parts = [meta.organisation.slug, meta.wave?.label ?? "no-wave", meta.filter.department ?? meta.filter.seniority ?? "", "dashboard"];
  return `${parts.filter(Boolean).join("-").replace(/[^A-Za-z0-9._-]+/g, "_")}.csv`;
}
