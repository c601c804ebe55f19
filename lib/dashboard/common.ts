/*
 * Pieces every dashboard view and its JSON share: the description of what is shown (organisation,
 * wave, group, status) and the benchmark references of each capability.
 */
import type { Db } from "../../db/client";
import type { GroupComparison } from "../benchmark/compare";
import { AGG_CAPABILITIES } from "../../core/counters";
import { capabilityLinks, type CapabilityLink } from "../benchmark/links";
import { benchmarkMemo, benchmarkReport, type OrganisationReport } from "../benchmark/report";
import type { Locale } from "../i18n/locale";
import { isFiltered, type DashboardScope, type DashboardStatus } from "./scope";

export type DashboardMeta = {
  organisation: { slug: string; name: string; sector: string; sizeBand: string };
  wave: { label: string; status: string; responses: number; opensAt: string | null; closesAt: string | null } | null;
  waves: { label: string; status: string; responses: number }[];
  filter: { department?: string; seniority?: string };
  status: DashboardStatus;
  minGroupSize: number;
  /** Responses still needed before figures can be shown (status "too_few_responses"). */
  needed: number | null;
  /** Survey link path of the open wave, to share with staff. */
  surveyPath: string | null;
  options: DashboardScope["options"];
  /** The release the figures come from; `responses` may trail the wave's live count (docs/privacy.md). */
  release: { responses: number; releasedAt: string } | null;
  /** Size of the whole benchmark the figures are compared with. */
  benchmark: { organisations: number; responses: number };
  locale: Locale;
  generatedAt: string;
};

export async function dashboardMeta(db: Db, scope: DashboardScope, locale: Locale): Promise<DashboardMeta> {
  const w = scope.wave;
  const b = await benchmarkReport(db, scope.min);
  return {
    organisation: { slug: scope.org.slug, name: scope.org.name, sector: scope.org.sector, sizeBand: scope.org.sizeBand },
    wave: w ? { label: w.label, status: w.status, responses: w.submitted, opensAt: w.opensAt, closesAt: w.closesAt } : null,
    waves: scope.waves.map((x) => ({ label: x.label, status: x.status, responses: x.submitted })),
    filter: { ...scope.query.department !== undefined ? { department: scope.query.department } : {}, ...scope.query.seniority !== undefined ? { seniority: scope.query.seniority } : {} },
    status: scope.status,
    minGroupSize: scope.min,
    needed: scope.status === "too_few_responses" && w ? scope.min - w.submitted : null,
    surveyPath: scope.openWave ? `/s/${scope.openWave.code}` : null,
    options: scope.options,
    release: scope.release ? { responses: scope.release.n, releasedAt: scope.release.releasedAt } : null,
    benchmark: { organisations: b.organisations, responses: b.responses },
    locale,
    generatedAt: new Date().toISOString(),
  };
}

export type CapabilityBenchmark =
  | { suppressed: false; organisations: number; median: number; topQuartile: number; percentileRank: number | null }
  | { suppressed: true; organisations: number };

/**
 * The benchmark reference of each capability's coverage: for the whole organisation, the other
 * organisations with its percentile rank; for a department or seniority level, all organisations
 * (no rank: a group is not an organisation).
 */
export function capabilityBenchmarks(report: OrganisationReport, scope: DashboardScope): Record<string, CapabilityBenchmark> {
  const out: Record<string, CapabilityBenchmark> = {};
  for (const c of AGG_CAPABILITIES) {
    const g: GroupComparison | undefined = !isFiltered(scope) ? report.comparison?.coverage[c]?.all : report.benchmark.distributions.coverage[c];
    if (!g || g.suppressed) out[c] = { suppressed: true, organisations: g?.organisations ?? 0 };
    else out[c] = { suppressed: false, organisations: g.organisations, median: g.median, topQuartile: g.topQuartile, percentileRank: isFiltered(scope) ? null : g.percentileRank };
  }
  return out;
}

export async function linksFor(db: Db, min: number): Promise<Record<string, CapabilityLink>> {
  return benchmarkMemo(db, min, "capability-links", (metrics, sorted) => capabilityLinks(metrics, min, sorted));
}
