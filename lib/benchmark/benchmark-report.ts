import type { Db } from "../../db/client";
import { meetsThreshold } from "../../core/disclosure/threshold";
import { addVectors, AGG_CAPABILITIES, emptyCounters } from "../../core/counters";
import { distribution, orgLevelCorrelation, type OrgLevelCorrelation } from "./compare";
import { pooledFigures, type PopulationFigures } from "./population-figures";
import { derived, loadBenchmark } from "./population";

export type BenchmarkScope = { sector?: string; sizeBand?: string };

export type BenchmarkReport = PopulationFigures & {
  scope: BenchmarkScope;
  organisations: number;
  /** Spearman across organisations; `points` are listed only in an organisation's own report. */
  organisationLevel: OrgLevelCorrelation;
  /** Organisation-level distributions: index and coverage per capability across organisations. */
  distributions: { index: ReturnType<typeof distribution>; coverage: Record<string, ReturnType<typeof distribution>> };
};

/** Figures of the whole benchmark, or of a sector or size band. */
export async function benchmarkReport(db: Db, min: number, scope: BenchmarkScope = {}): Promise<BenchmarkReport> {
  if (scope.sector === undefined && scope.sizeBand === undefined) return (await derived(db, min)).report;
  const b = await loadBenchmark(db, min);
  const inScope = (m: { sector: string; sizeBand: string }) =>
    (scope.sector === undefined || m.sector === scope.sector) && (scope.sizeBand === undefined || m.sizeBand === scope.sizeBand);
  const members = b.members.filter(inScope);
  const total = emptyCounters();
  for (const m of members) addVectors(total, m.counters);
  const metrics = b.metrics.filter((m) => inScope(m) && meetsThreshold(m.n, min));
  const correlation = orgLevelCorrelation(b.metrics.filter(inScope), min);
  return {
    scope,
    organisations: members.length,
    ...pooledFigures(members, min),
    organisationLevel: correlation.suppressed ? correlation : { ...correlation, points: [] },
    distributions: {
      index: distribution(metrics.map((m) => m.index)),
      coverage: Object.fromEntries(AGG_CAPABILITIES.map((c) => [c, distribution(metrics.map((m) => m.coverage[c] ?? NaN))])),
    },
  };
}
