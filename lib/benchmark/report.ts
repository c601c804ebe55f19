/*
 * The benchmark engine's entry points: everything a dashboard, the CLI or an export shows about an
 * organisation or the whole benchmark, with the privacy rules already applied.
 */
import type { Db } from "../../db/client";
import { readPopulation, readWaveCounters, type CellFilter, type PopulationMember } from "../../db/queries/aggregates";
import { findOrganisationBySlug, latestWaveWithResponses, listWaves } from "../../db/queries/organisations";
import type { Organisation } from "../../db/schema";
import { AppError } from "../errors";
import { addVectors, AGG_CAPABILITIES, counter, emptyCounters, type CounterVector } from "./counters";
import { comparisonGroups, distribution, orgLevelCorrelation, orgMetrics, type ComparisonGroups, type OrgLevelCorrelation, type OrgMetrics } from "./compare";
import { capabilityFigures, cronbachAlphaFromCounters, findings, indexDistribution, type CapabilityFigures, type Findings, type IndexDistribution, type Shown } from "./figures";

export type PopulationFigures = {
  responses: number;
  findings: Findings;
  capabilities: CapabilityFigures[];
  index: Shown<IndexDistribution>;
  alpha: ReturnType<typeof cronbachAlphaFromCounters>;
};

/** All figures of one population's counters. Below `min` responses, only the count is given. */
export function populationFigures(v: CounterVector, min: number): PopulationFigures {
  return {
    responses: counter(v, "n"),
    findings: findings(v, min),
    capabilities: capabilityFigures(v, min),
    index: indexDistribution(v, min),
    alpha: cronbachAlphaFromCounters(v, min),
  };
}

type Benchmark = {
  members: PopulationMember[];
  metrics: OrgMetrics[];
  total: CounterVector;
};

// The whole-benchmark population, reused until any aggregate changes (its total count is the key).
let cached: { key: string; db: Db; value: Benchmark } | undefined;

export function loadBenchmark(db: Db): Benchmark {
  const key = JSON.stringify(db.$client.prepare("select count(*) w, coalesce(sum(n), 0) n, coalesce(sum(cu_4), 0) c from agg_waves").get());
  if (cached && cached.db === db && cached.key === key) return cached.value;
  const members = readPopulation(db);
  const total = emptyCounters();
  for (const m of members) addVectors(total, m.counters);
  const value = { members, metrics: members.map(orgMetrics), total };
  cached = { key, db, value };
  return value;
}

export type BenchmarkScope = { sector?: string; sizeBand?: string };

export type BenchmarkReport = PopulationFigures & {
  scope: BenchmarkScope;
  organisations: number;
  organisationLevel: OrgLevelCorrelation;
  /** Organisation-level distributions: index and coverage per capability across organisations. */
  distributions: { index: ReturnType<typeof distribution>; coverage: Record<string, ReturnType<typeof distribution>> };
};

/** Figures of the whole benchmark, or of a sector or size band. */
export function benchmarkReport(db: Db, min: number, scope: BenchmarkScope = {}): BenchmarkReport {
  const b = loadBenchmark(db);
  const inScope = (m: { sector: string; sizeBand: string }) =>
    (scope.sector === undefined || m.sector === scope.sector) && (scope.sizeBand === undefined || m.sizeBand === scope.sizeBand);
  const members = b.members.filter(inScope);
  const total = scope.sector === undefined && scope.sizeBand === undefined ? b.total : emptyCounters();
  if (total !== b.total) for (const m of members) addVectors(total, m.counters);
  const metrics = b.metrics.filter((m) => inScope(m) && m.n >= min);
  return {
    scope,
    organisations: members.length,
    ...populationFigures(total, min),
    organisationLevel: orgLevelCorrelation(b.metrics.filter(inScope), min),
    distributions: {
      index: distribution(metrics.map((m) => m.index)),
      coverage: Object.fromEntries(AGG_CAPABILITIES.map((c) => [c, distribution(metrics.map((m) => m.coverage[c] ?? NaN))])),
    },
  };
}

export type OrganisationReport = {
  organisation: { slug: string; name: string; sector: string; sizeBand: string };
  wave: { id: number; label: string; status: string } | null;
  filter: CellFilter;
  figures: PopulationFigures;
  comparison: { index: ComparisonGroups; coverage: Record<string, ComparisonGroups>; representativeCoverage: ComparisonGroups } | null;
  organisationLevel: OrgLevelCorrelation;
  benchmark: BenchmarkReport;
};

/**
 * One organisation's figures for a wave (default: its latest wave with responses), optionally for
 * one department or seniority levels, with its place among other organisations and the benchmark.
 */
export function organisationReport(
  db: Db,
  org: Organisation,
  min: number,
  options: { waveId?: number; filter?: CellFilter } = {},
): OrganisationReport {
  const waves = listWaves(db, org.id);
  const wave = options.waveId !== undefined ? waves.find((w) => w.id === options.waveId) : latestWaveWithResponses(db, org.id);
  if (options.waveId !== undefined && !wave) throw new AppError("not_found", "This organisation has no such wave");
  const filter = options.filter ?? {};
  const v = wave ? readWaveCounters(db, wave.id, filter) : emptyCounters();
  const figures = populationFigures(v, min);
  const b = loadBenchmark(db);
  const unfiltered = filter.department === undefined && filter.seniority === undefined;
  const self = wave ? orgMetrics({ orgId: org.id, sector: org.sector, sizeBand: org.sizeBand, counters: v }) : undefined;
  const comparison =
    self && unfiltered && self.n >= min
      ? {
          index: comparisonGroups(self, b.metrics, (m) => m.index, min),
          representativeCoverage: comparisonGroups(self, b.metrics, (m) => m.representativeCoverage, min),
          coverage: Object.fromEntries(AGG_CAPABILITIES.map((c) => [c, comparisonGroups(self, b.metrics, (m) => m.coverage[c] ?? NaN, min)])),
        }
      : null;
  return {
    organisation: { slug: org.slug, name: org.name, sector: org.sector, sizeBand: org.sizeBand },
    wave: wave ? { id: wave.id, label: wave.label, status: wave.status } : null,
    filter,
    figures,
    comparison,
    organisationLevel: orgLevelCorrelation(b.metrics, min, org.id),
    benchmark: benchmarkReport(db, min),
  };
}

export function organisationReportBySlug(db: Db, slug: string, min: number, options: { waveId?: number; filter?: CellFilter } = {}): OrganisationReport {
  const org = findOrganisationBySlug(db, slug);
  if (!org) throw new AppError("not_found", `No organisation with slug "${slug}"`);
  return organisationReport(db, org, min, options);
}

/** Mean self level per capability of a counter vector (for the personal report's profile chart). */
export function meanLevels(v: CounterVector): Record<string, number> {
  const means: Record<string, number> = {};
  for (const c of capabilityFigures(v, 1)) if (!c.meanLevel.suppressed) means[c.capability] = c.meanLevel.mean;
  return means;
}

/**
 * What a personal report compares a respondent with: their wave's mean levels and the benchmark's,
 * each with its size so the caller can apply the privacy rules.
 */
export function personalComparison(db: Db, waveId: number): { wave: { n: number; means: Record<string, number> }; benchmark: { n: number; orgs: number; means: Record<string, number> } } {
  const wave = readWaveCounters(db, waveId);
  const b = loadBenchmark(db);
  return {
    wave: { n: counter(wave, "n"), means: meanLevels(wave) },
    benchmark: { n: counter(b.total, "n"), orgs: b.members.length, means: meanLevels(b.total) },
  };
}
