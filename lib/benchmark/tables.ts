/*
 * Organisation aggregates and benchmark tables as rows for CSV export, with the privacy rules of
 * DESIGN.md applied: a suppressed group keeps its label and says "too few responses", nothing else.
 */
import type { Db } from "../../db/client";
import { readWaveCellsBy, readWaveCounters } from "../../db/queries/aggregates";
import { listWaves } from "../../db/queries/organisations";
import type { Organisation } from "../../db/schema";
import { AGG_CAPABILITIES, counter, type CounterVector } from "./counters";
import { capabilityFigures, customerAgreePct, meanIndex } from "./figures";
import { loadBenchmark } from "./report";
import { distribution } from "./compare";
import { suppressPartition } from "./suppression";

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

const round = (x: number, d = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : "");

function figuresRow(v: CounterVector): (number | string)[] {
  const caps = capabilityFigures(v, 1);
  return [
    counter(v, "n"),
    round(meanIndex(v).mean),
    round(customerAgreePct(v)),
    ...caps.flatMap((c) => [
      c.coverage.suppressed ? "" : round(c.coverage.pct),
      c.perceived.suppressed ? "" : round(c.perceived.pct),
      c.perceptionGap.suppressed ? "" : round(c.perceptionGap.points),
    ]),
  ];
}

const blank = AGGREGATE_COLUMNS.length - 5;

/**
 * One organisation's aggregates for each of its waves: the whole wave, each department and each
 * seniority level. Groups under `min` are suppressed, plus whatever subtraction would reveal.
 */
export function organisationAggregateRows(db: Db, org: Organisation, min: number): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (const wave of listWaves(db, org.id)) {
    if (wave.submitted === 0) continue;
    const total = readWaveCounters(db, wave.id);
    const totalShown = counter(total, "n") >= min;
    rows.push(
      totalShown
        ? [org.slug, wave.label, "all", "", "shown", ...figuresRow(total)]
        : [org.slug, wave.label, "all", "", TOO_FEW, ...Array(blank).fill("")],
    );
    if (!totalShown) continue;
    for (const by of ["department", "seniority"] as const) {
      const groups = readWaveCellsBy(db, wave.id, by);
      const hidden = suppressPartition([...groups].map(([key, v]) => ({ key, n: counter(v, "n") })), min);
      for (const [key, v] of [...groups].sort((a, b) => a[0].localeCompare(b[0]))) {
        const label = key === "" ? "(not answered)" : key;
        rows.push(hidden.has(key) ? [org.slug, wave.label, by, label, TOO_FEW, ...Array(blank).fill("")] : [org.slug, wave.label, by, label, "shown", ...figuresRow(v)]);
      }
    }
  }
  return rows;
}

export const BENCHMARK_COLUMNS = ["scope", "scope_value", "metric", "organisations", "median", "top_quartile", "top_decile", "status"];

/** Organisation-level distributions for all organisations, each sector and each size band. */
export function benchmarkTableRows(db: Db, min: number): (string | number)[][] {
  const b = loadBenchmark(db);
  const eligible = b.metrics.filter((m) => m.n >= min);
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
          : [s.scope, s.value, name, d.organisations, round(d.median), round(d.topQuartile), round(d.topDecile), "shown"],
      );
    }
  }
  return rows;
}
