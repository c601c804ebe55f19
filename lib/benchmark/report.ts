/*
 * The benchmark engine's entry points: everything a dashboard, the CLI or an export shows about an
 * organisation or the whole benchmark, with the privacy rules already applied.
 */
export { populationFigures, pooledFigures, type PopulationFigures } from "./population-figures";
export { benchmarkMemo, loadBenchmark, ownMember } from "./population";
export { benchmarkReport, type BenchmarkReport, type BenchmarkScope } from "./benchmark-report";
export { defaultWave, organisationReport, organisationReportBySlug, viewOfFilter, type OrganisationReport } from "./organisation-report";
export { meanLevels, personalComparison } from "./personal-comparison";
