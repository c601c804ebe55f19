/*
 * Breakdowns the Analysis view shows: coverage per department × capability (hidden departments
 * carry no figures at all) and the index distribution in 10-point bands.
 */
import type { Db } from "../../db/client";
import { readReleasedCellsBy } from "../disclosure/releases";
import { planGate } from "../../core/disclosure/figure-gate";
import { departmentView, type WavePlan } from "../../core/disclosure/plan";
import { release } from "../../core/disclosure/released";
import { AGG_CAPABILITIES } from "../../core/counters";
import { capabilityFigures, type IndexDistribution, type Released } from "./figures";

export type HeatmapRow = Released<{ department: string; coverage: Record<string, number | null> }> | { department: string; suppressed: true };

/**
 * One row per department in `order` that has released responses in the wave, then any other
 * department the plan shows ('' = not answered last). A department the plan hides is only named
 * when it is in the organisation's own list; other names of hidden groups are left out.
 */
export async function departmentHeatmap(db: Db, waveId: number, plan: WavePlan, order: readonly string[]): Promise<HeatmapRow[]> {
  const groups = await readReleasedCellsBy(db, waveId, "department");
  const extra = [...groups.keys()].filter((d) => !order.includes(d) && plan.views[departmentView(d)]);
  const names = [...order.filter((d) => groups.has(d)), ...extra.sort((a, b) => (a === "" ? 1 : b === "" ? -1 : a.localeCompare(b)))];
  return names.map((department): HeatmapRow => {
    const view = departmentView(department);
    if (!plan.views[view]) return { department, suppressed: true };
    const figures = capabilityFigures(groups.get(department)!, planGate(plan, view));
    return release({
      department,
      coverage: Object.fromEntries(AGG_CAPABILITIES.map((c) => {
        const f = figures.find((x) => x.capability === c)!.coverage;
        return [c, f.suppressed ? null : f.pct];
      })),
    });
  });
}

export type IndexBin = { from: number; to: number; count: number; pct: number };

/** The index histogram in ten bands: 0–9.99, 10–19.99, …, 90–100 (the last includes 100). */
export function indexBins(distribution: IndexDistribution): IndexBin[] {
  const bins: IndexBin[] = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i === 9 ? 100 : i * 10 + 10, count: 0, pct: 0 }));
  for (const h of distribution.histogram) bins[Math.min(9, Math.floor(h.index / 10))]!.count += h.count;
  for (const b of bins) b.pct = distribution.n > 0 ? (b.count / distribution.n) * 100 : 0;
  return bins;
}
