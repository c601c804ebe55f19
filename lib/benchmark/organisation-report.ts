import type { Db } from "../../db/client";
import type { CellFilter } from "../../db/queries/aggregates";
import { findOrganisationBySlug, listWaves, type WaveSummary } from "../../db/queries/organisations";
import { releaseStatus } from "../../db/queries/releases";
import type { Organisation } from "../../db/schema";
import { NOTHING, planGate } from "../../core/disclosure/figure-gate";
import { departmentView, seniorityView, type ViewKey } from "../../core/disclosure/plan";
import { currentRelease, readReleasedCounters } from "../disclosure/releases";
import { meetsThreshold } from "../../core/disclosure/threshold";
import { AppError } from "../../core/errors";
import { AGG_CAPABILITIES, emptyCounters } from "../../core/counters";
import { compareInSorted, orgMetrics, type ComparisonGroups, type OrgLevelCorrelation, type OrgMetrics } from "./compare";
import { roundTo } from "../format/numbers";
import { populationFigures, type PopulationFigures } from "./population-figures";
import { stateAndDerived } from "./population";
import type { BenchmarkReport } from "./benchmark-report";

export type OrganisationReport = {
  organisation: { slug: string; name: string; sector: string; sizeBand: string };
  wave: { id: number; label: string; status: string } | null;
  filter: CellFilter;
  /** The release the figures come from: its sequence number, time and responses. */
  release: { seq: number; releasedAt: string; responses: number } | null;
  /** False when the disclosure plan hides the requested group (no figures are given). */
  shown: boolean;
  figures: PopulationFigures;
  comparison: { index: ComparisonGroups; coverage: Record<string, ComparisonGroups>; representativeCoverage: ComparisonGroups } | null;
  organisationLevel: OrgLevelCorrelation;
  benchmark: BenchmarkReport;
};

/** The plan view a filter asks for; null for a combination no reader can reach (both filters). */
export function viewOfFilter(filter: CellFilter): ViewKey | null {
  const { department, seniority } = filter;
  if (Array.isArray(seniority)) return null;
  if (department !== undefined && seniority !== undefined) return null;
  if (department !== undefined) return departmentView(department);
  if (seniority !== undefined) return seniorityView(seniority);
  return "all";
}

/** The organisation's latest wave with a release (the one the benchmark holds), else its latest wave with responses. */
export async function defaultWave(db: Db, orgId: number, min: number): Promise<WaveSummary | undefined> {
  const waves = await listWaves(db, orgId);
  // In list order, stopping at the first wave with a release (currentRelease may release one).
  for (const w of waves) if (w.submitted > 0 && (await currentRelease(db, w.id, min))) return w;
  return waves.find((w) => w.submitted > 0);
}

const EMPTY = new Float64Array(0);

/**
 * One organisation's figures for a wave (default: its latest released wave), optionally for one
 * department or seniority level, with its place among other organisations and the benchmark. The
 * figures are the wave's current release, gated by the release's disclosure plan.
 */
export async function organisationReport(
  db: Db,
  org: Organisation,
  min: number,
  options: { waveId?: number; filter?: CellFilter } = {},
): Promise<OrganisationReport> {
  const waves = await listWaves(db, org.id);
  const wave = options.waveId !== undefined ? waves.find((w) => w.id === options.waveId) : await defaultWave(db, org.id, min);
  if (options.waveId !== undefined && !wave) throw new AppError("not_found", "This organisation has no such wave");
  const filter = options.filter ?? {};
  const release = wave ? await currentRelease(db, wave.id, min) : null;
  const view = viewOfFilter(filter);
  const gate = release && view ? planGate(release.plan, view) : NOTHING;
  const shown = !!(release && view && release.plan.views[view]);
  const v = release ? await readReleasedCounters(db, release.waveId, filter) : emptyCounters();
  const figures = populationFigures(v, gate);
  // Before the first release, the response count is the live one (participation, no answers).
  const live = !release && wave ? (await releaseStatus(db, wave.id)).live : undefined;
  // Last before the synchronous rest: d.sorted is patched in place by later changes to the population.
  const { state, derived: d } = await stateAndDerived(db, min);
  let own: OrgMetrics | undefined;
  for (const m of state.members.values()) if (m.orgId === org.id) own = m.metrics;
  const unfiltered = view === "all";
  const self = release && unfiltered ? orgMetrics({ orgId: org.id, sector: org.sector, sizeBand: org.sizeBand, counters: v }, gate) : undefined;
  const groups = (name: string, metric: (m: OrgMetrics) => number): ComparisonGroups => {
    const value = metric(self!);
    // The organisation's own population entry is left out of its comparison groups.
    const exclude = own && meetsThreshold(own.n, min) ? metric(own) : undefined;
    return {
      all: compareInSorted(value, d.sorted.get(`${name}|all`) ?? EMPTY, exclude),
      sector: compareInSorted(value, d.sorted.get(`${name}|sector:${org.sector}`) ?? EMPTY, exclude),
      sizeBand: compareInSorted(value, d.sorted.get(`${name}|size:${org.sizeBand}`) ?? EMPTY, exclude),
    };
  };
  const comparison =
    self && meetsThreshold(self.n, min)
      ? {
          index: groups("index", (m) => m.index),
          representativeCoverage: groups("representativeCoverage", (m) => m.representativeCoverage),
          coverage: Object.fromEntries(AGG_CAPABILITIES.map((c) => [c, groups(`coverage.${c}`, (m) => m.coverage[c] ?? NaN)])),
        }
      : null;
  const organisationLevel: OrgLevelCorrelation = d.correlation.suppressed
    ? d.correlation
    : {
        ...d.correlation,
        points: d.correlation.points.map((p, i) => ({
          representativeCoverage: roundTo(p.representativeCoverage, 1),
          customerAgree: roundTo(p.customerAgree, 1),
          self: d.pointOrgs[i] === org.id,
        })),
      };
  return {
    organisation: { slug: org.slug, name: org.name, sector: org.sector, sizeBand: org.sizeBand },
    wave: wave ? { id: wave.id, label: wave.label, status: wave.status } : null,
    filter,
    release: release ? { seq: release.seq, releasedAt: release.releasedAt, responses: release.n } : null,
    shown,
    figures: live === undefined ? figures : { ...figures, responses: live },
    comparison,
    organisationLevel,
    benchmark: d.report,
  };
}

export async function organisationReportBySlug(db: Db, slug: string, min: number, options: { waveId?: number; filter?: CellFilter } = {}): Promise<OrganisationReport> {
  const org = await findOrganisationBySlug(db, slug);
  if (!org) throw new AppError("not_found", `No organisation with slug "${slug}"`);
  return organisationReport(db, org, min, options);
}
