/*
 * The Analysis view (for the L&D team) as data: coverage against the benchmark, the department
 * heatmap, perception gaps, the seniority gap (F5), the index distribution, Cronbach's alpha and
 * the organisation-level chart. GET /api/dashboard/{slug}/analysis returns exactly this.
 */
import type { Db } from "../../db/client";
import { departmentHeatmap, indexBins, type HeatmapRow, type IndexBin } from "../benchmark/breakdowns";
import type { CapabilityFigures, IndexDistribution, SeniorityFinding, Shown } from "../benchmark/figures";
import { scatterBase, scatterFor, selfPoint, type OrgScatter } from "../benchmark/org-scatter";
import { benchmarkMemo, type PopulationFigures } from "../benchmark/report";
import { reliabilityLevel, seniorityGapSentences } from "../benchmark/sentences";
import { mapReleased } from "../../core/disclosure/released";
import { dashboardMessages } from "../i18n/dashboard-messages";
import type { Locale } from "../i18n/locale";
import { capabilityBenchmarks, dashboardMeta, type CapabilityBenchmark, type DashboardMeta } from "./common";
import { scopeReport, type DashboardScope } from "./scope";

type Bands = IndexDistribution["bands"];
type Distribution = Shown<{ n: number; mean: number; median: number; bands: Bands; bandShares: Bands; bins: IndexBin[] }>;
type Alpha = PopulationFigures["alpha"];

export type AnalysisData = {
  meta: DashboardMeta;
  coverage: { capability: string; organisation: CapabilityFigures["coverage"]; benchmark: CapabilityBenchmark }[] | null;
  /** Always the whole wave: one row per department. */
  heatmap: { capabilities: string[]; rows: HeatmapRow[] } | null;
  perception: { capability: string; perceived: CapabilityFigures["perceived"]; measured: CapabilityFigures["coverage"]; gap: CapabilityFigures["perceptionGap"]; benchmarkGap: CapabilityFigures["perceptionGap"] }[] | null;
  seniority: { organisation: SeniorityFinding; benchmark: SeniorityFinding; sentences: string[] } | null;
  distribution: { organisation: Distribution; benchmark: Distribution } | null;
  alpha: { organisation: Alpha; benchmark: Alpha; level: ReturnType<typeof reliabilityLevel> | null } | null;
  organisationLevel: OrgScatter | null;
};

function distribution(x: Shown<IndexDistribution>): Distribution {
  return mapReleased(x, (d) => {
    const share = (k: number) => (k / d.n) * 100;
    const bandShares = { developing: share(d.bands.developing), capable: share(d.bands.capable), proficient: share(d.bands.proficient) };
    return { n: d.n, mean: d.mean, median: d.median, bands: d.bands, bandShares, bins: indexBins(d) };
  });
}

export async function analysisData(db: Db, scope: DashboardScope, locale: Locale): Promise<AnalysisData> {
  const meta = await dashboardMeta(db, scope, locale);
  if (scope.status !== "ok") {
    return { meta, coverage: null, heatmap: null, perception: null, seniority: null, distribution: null, alpha: null, organisationLevel: null };
  }
  const report = await scopeReport(db, scope);
  const m = dashboardMessages(locale);
  const caps = report.figures.capabilities;
  const benchmarks = capabilityBenchmarks(report, scope);
  const benchmarkCaps = report.benchmark.capabilities;
  const alpha = report.figures.alpha;
  const heatmapRows = await departmentHeatmap(db, scope.wave!.id, scope.plan!, scope.org.departments);
  // Merging ten thousand points is the same work for every organisation: once per benchmark state.
  const scatter = await benchmarkMemo(db, scope.min, "org-scatter", () => scatterBase(report.organisationLevel));
  return {
    meta,
    coverage: caps.map((c) => ({ capability: c.capability, organisation: c.coverage, benchmark: benchmarks[c.capability]! })),
    heatmap: {
      capabilities: caps.map((c) => c.capability),
      rows: heatmapRows,
    },
    perception: caps.map((c) => ({
      capability: c.capability,
      perceived: c.perceived,
      measured: c.coverage,
      gap: c.perceptionGap,
      benchmarkGap: benchmarkCaps.find((b) => b.capability === c.capability)!.perceptionGap,
    })),
    seniority: {
      organisation: report.figures.findings.f5,
      benchmark: report.benchmark.findings.f5,
      sentences: seniorityGapSentences(report.figures.findings.f5, m.sentences, locale, scope.min),
    },
    distribution: { organisation: distribution(report.figures.index), benchmark: distribution(report.benchmark.index) },
    alpha: { organisation: alpha, benchmark: report.benchmark.alpha, level: alpha.suppressed || !Number.isFinite(alpha.alpha) ? null : reliabilityLevel(alpha.alpha) },
    organisationLevel: scatterFor(scatter, selfPoint(report.organisationLevel)),
  };
}
