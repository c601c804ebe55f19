/*
 * The Priorities and trends view as data: the ranked training priorities with learning suggestions,
 * and every headline figure wave by wave with the change from the previous wave and its test.
 * GET /api/dashboard/{slug}/priorities returns exactly this.
 */
import type { Db } from "../../db/client";
import { readReleasedCounters } from "../disclosure/releases";
import { planGate } from "../../core/disclosure/figure-gate";
import { indexSummary } from "../benchmark/changes";
import { AGG_CAPABILITIES } from "../../core/counters";
import { populationFigures } from "../benchmark/report";
import { trendRows, type TrendRow, type WaveFigures } from "../benchmark/trends";
import type { Locale } from "../i18n/locale";
import { dashboardMeta, type DashboardMeta } from "./common";
import { priorityItems, type PriorityItem } from "./priority-items";
import { scopeReport, wavePlan, type DashboardScope } from "./scope";

export type WavePoint = {
  label: string;
  status: string;
  /** False when the wave (or this group in it) is too small to show. */
  shown: boolean;
  index: number | null;
  f1: number | null;
  coverage: Record<string, number | null>;
};

export type PrioritiesData = {
  meta: DashboardMeta;
  priorities: PriorityItem[] | null;
  trends: {
    /** Oldest wave first. */
    waves: WavePoint[];
    /** The selected wave against the previous wave that can be shown; null when there is none. */
    changes: { before: string; after: string; rows: TrendRow[] } | null;
  } | null;
};

/** This scope's group in another wave of the organisation, from that wave's release, when its plan shows it. */
async function waveFigures(db: Db, scope: DashboardScope, waveId: number): Promise<WaveFigures | null> {
  const plan = await wavePlan(db, waveId, scope.min);
  if (!plan?.views[scope.view]) return null;
  const v = await readReleasedCounters(db, waveId, scope.filter);
  const figures = populationFigures(v, planGate(plan, scope.view));
  return { figures, index: indexSummary(v) };
}

export async function prioritiesData(db: Db, scope: DashboardScope, locale: Locale): Promise<PrioritiesData> {
  const meta = await dashboardMeta(db, scope, locale);
  if (scope.status !== "ok") return { meta, priorities: null, trends: null };
  const report = await scopeReport(db, scope);
  const chronological = [...scope.waves].reverse();
  // One wave after the other: wavePlan may write a release.
  const figures = new Map<number, WaveFigures | null>();
  for (const w of chronological) figures.set(w.id, await waveFigures(db, scope, w.id));
  const waves: WavePoint[] = chronological.map((w) => {
    const f = figures.get(w.id);
    const p = f?.figures;
    return {
      label: w.label,
      status: w.status,
      shown: !!f,
      index: p && !p.index.suppressed ? p.index.mean : null,
      f1: p && !p.findings.f1.suppressed ? p.findings.f1.agree.pct : null,
      coverage: Object.fromEntries(AGG_CAPABILITIES.map((c) => {
        const cov = p?.capabilities.find((x) => x.capability === c)?.coverage;
        return [c, cov && !cov.suppressed ? cov.pct : null];
      })),
    };
  });
  const at = chronological.findIndex((w) => w.id === scope.wave!.id);
  const previous = chronological.slice(0, at).reverse().find((w) => figures.get(w.id));
  const after = figures.get(scope.wave!.id);
  const changes =
    previous && after ? { before: previous.label, after: scope.wave!.label, rows: trendRows(figures.get(previous.id)!, after) } : null;
  return { meta, priorities: await priorityItems(db, scope, report, locale), trends: { waves, changes } };
}
