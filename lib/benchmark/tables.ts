/*
 * Organisation aggregates and benchmark tables as rows for CSV export, with the privacy rules of
 * docs/privacy.md applied: a suppressed group keeps its label and says "too few responses", nothing else.
 */
import type { Db } from "../../db/client";
import { listWaves } from "../../db/queries/organisations";
import type { Organisation } from "../../db/schema";
import { planGate, type FigureGate } from "../../core/disclosure/figure-gate";
import { departmentView, seniorityView, type ViewKey } from "../../core/disclosure/plan";
import { currentRelease, readReleasedCellsBy, readReleasedCounters } from "../disclosure/releases";
import { AGG_CAPABILITIES, counter, type CounterVector } from "../../core/counters";
import { capabilityFigures, findings, indexDistribution } from "./figures";
import { loadBenchmark } from "./report";
import { distribution } from "./compare";
import { roundedCell } from "../format/numbers";

export const TOO_FEW = "too few responses";

export const AGGREGATE_COLUMNS = [
  "org",
  "wave",
  "group_type",
  "group",
  "status",
  "responses",
  "index_mean",
  "customer_understanding_agree_pct",
  ...AGG_CAPABILITIES.flatMap((c) => [`coverage_${c}_pct`, `perceived_${c}_pct`, `gap_${c}_points`]),
];


/** One group's figures as the dashboards show them: each only where the release's plan allows it. */
function figuresRow(v: CounterVector, gate: FigureGate): (number | string)[] {
  const caps = capabilityFigures(v, gate);
  const index = indexDistribution(v, gate);
  const f1 = findings(v, gate).f1;
  return [
    counter(v, "n"),
    index.suppressed ? "" : roundedCell(index.mean),
    f1.suppressed ? "" : roundedCell(f1.agree.pct),
    ...caps.flatMap((c) => [
      c.coverage.suppressed ? "" : roundedCell(c.coverage.pct),
      c.perceived.suppressed ? "" : roundedCell(c.perceived.pct),
      c.perceptionGap.suppressed ? "" : roundedCell(c.perceptionGap.points),
    ]),
  ];
}

const blank = AGGREGATE_COLUMNS.length - 5;

/**
 * One organisation's aggregates for each of its waves: the whole wave, each department and each
 * seniority level, from the wave's current release under the same disclosure plan as the
 * dashboards (groups and figures the plan hides say "too few responses" and carry no value).
 */
export async function organisationAggregateRows(db: Db, org: Organisation, min: number): Promise<(string | number)[][]> {
  const rows: (string | number)[][] = [];
  for (const wave of await listWaves(db, org.id)) {
    if (wave.submitted === 0) continue;
    const release = await currentRelease(db, wave.id, min);
    const hidden = (type: string, label: string) => [org.slug, wave.label, type, label, TOO_FEW, ...Array(blank).fill("")];
    if (!release) {
      rows.push(hidden("all", ""));
      continue;
    }
    const row = (type: string, label: string, view: ViewKey, v: CounterVector) =>
      release.plan.views[view] ? [org.slug, wave.label, type, label, "shown", ...figuresRow(v, planGate(release.plan, view))] : hidden(type, label);
    rows.push(row("all", "", "all", await readReleasedCounters(db, wave.id)));
    for (const by of ["department", "seniority"] as const) {
      const groups = await readReleasedCellsBy(db, wave.id, by);
      for (const [key, v] of [...groups].sort((a, b) => a[0].localeCompare(b[0]))) {
        const label = key === "" ? "(not answered)" : key;
        rows.push(row(by, label, by === "department" ? departmentView(key) : seniorityView(key), v));
      }
    }
  }
  return rows;
}

export const BENCHMARK_COLUMNS = ["scope", "scope_value", "metric", "organisations", "median", "top_quartile", "top_decile", "status"];

/** Organisation-level distributions for all organisations, each sector and each size band. */
export async function benchmarkTableRows(db: Db, min: number): Promise<(string | number)[][]> {
  const b = await loadBenchmark(db, min);
  // Members are released waves (at least `min` responses); hidden metrics are NaN and left out.
  const eligible = b.metrics;
  const scopes: { scope: string; value: string; members: typeof eligible }[] = [{ scope: "all", value: "", members: eligible }];
  for (const sector of [...new Set(eligible.map((m) => m.sector))].sort()) scopes.push({ scope: "sector", value: sector, members: eligible.filter((m) => m.sector === sector) });
  for (const band of ["small", "medium", "large", "enterprise"]) scopes.push({ scope: "size_band", value: band, members: eligible.filter((m) => m.sizeBand === band) });
  const metrics: [string, (m: (typeof eligible)[number]) => number][] = [
    ["index_mean", (m) => m.index],
    ["representative_coverage_pct", (m) => m.representativeCoverage],
    ["customer_understanding_agree_pct", (m) => m.customerAgree],
    ...AGG_CAPABILITIES.map((c): [string, (m: (typeof eligible)[number]) => number] => [`coverage_${c}_pct`, (m) => m.coverage[c] ?? NaN]),
  ];
  const rows: (string | number)[][] = [];
  for (const s of scopes) {
    for (const [name, metric] of metrics) {
      const d = distribution(s.members.map(metric));
      rows.push(
        d.suppressed
          ? [s.scope, s.value, name, d.organisations, "", "", "", "too few organisations"]
          : [s.scope, s.value, name, d.organisations, roundedCell(d.median), roundedCell(d.topQuartile), roundedCell(d.topDecile), "shown"],
      );
    }
  }
  return rows;
}
