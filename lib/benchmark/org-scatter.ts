/*
 * The organisation-level chart of capability against customer understanding, made small enough to
 * send to a browser: identical anonymous points are merged with a count (and, past a few thousand
 * organisations, snapped to a 2-point grid), and a table of quarters stands in for the points.
 */
import { quantile, type SpearmanMethod } from "../../core/stats/index";
import type { OrgLevelCorrelation } from "./compare";

export type ScatterPoint = { x: number; y: number; count: number };

export type OrgScatter =
  | {
      suppressed: false;
      organisations: number;
      rho: number;
      pValue: number;
      /** How pValue was found: exact permutation (up to 10 organisations) or the t-approximation. */
      method?: SpearmanMethod;
      /** Other organisations, anonymous; merged when they coincide. */
      others: ScatterPoint[];
      /** This organisation's latest wave, when it is in the benchmark. */
      self: { x: number; y: number } | null;
      /** Organisations split by coverage into four equal groups: coverage range and median % agree. */
      quarters: { quarter: number; organisations: number; from: number; to: number; medianCustomerAgree: number }[];
      /** Grid the points were snapped to, in points (0.1 = as computed). */
      resolution: number;
    }
  | { suppressed: true; organisations: number };

const MAX_POINTS = 2500;

function merge(points: readonly { x: number; y: number }[], step: number): ScatterPoint[] {
  const snap = (v: number) => Math.round(v / step) * step;
  const merged = new Map<string, ScatterPoint>();
  for (const p of points) {
    const x = Math.round(snap(p.x) * 10) / 10;
    const y = Math.round(snap(p.y) * 10) / 10;
    const key = `${x}|${y}`;
    const found = merged.get(key);
    if (found) found.count++;
    else merged.set(key, { x, y, count: 1 });
  }
  return [...merged.values()];
}

/** The part of the chart that is the same for every organisation: all points merged, and the quarters. */
export type ScatterBase =
  | (Omit<Extract<OrgScatter, { suppressed: false }>, "others" | "self"> & { all: ScatterPoint[] })
  | { suppressed: true; organisations: number };

/**
 * Every organisation's point merged (the grid is chosen on all of them), and the quarters, which
 * include every organisation. Computed once per benchmark state (see lib/dashboard/analysis.ts).
 */
export function scatterBase(correlation: OrgLevelCorrelation): ScatterBase {
  if (correlation.suppressed) return { suppressed: true, organisations: correlation.organisations };
  const all = correlation.points.map((p) => ({ x: p.representativeCoverage, y: p.customerAgree }));
  let resolution = 0.1;
  let merged = merge(all, resolution);
  if (merged.length > MAX_POINTS) {
    resolution = 2;
    merged = merge(all, resolution);
  }
  const sorted = [...all].sort((a, b) => a.x - b.x);
  const quarters = [0, 1, 2, 3].flatMap((q) => {
    const part = sorted.slice(Math.floor((q * sorted.length) / 4), Math.floor(((q + 1) * sorted.length) / 4));
    if (part.length === 0) return [];
    return [{ quarter: q + 1, organisations: part.length, from: part[0]!.x, to: part[part.length - 1]!.x, medianCustomerAgree: quantile(part.map((p) => p.y), 0.5) }];
  });
  return { suppressed: false, organisations: correlation.organisations, rho: correlation.rho, pValue: correlation.pValue, method: correlation.method, all: merged, quarters, resolution };
}

/** The point of the requesting organisation, when it is in the correlation. */
export function selfPoint(correlation: OrgLevelCorrelation): { x: number; y: number } | null {
  if (correlation.suppressed) return null;
  const p = correlation.points.find((q) => q.self);
  return p ? { x: p.representativeCoverage, y: p.customerAgree } : null;
}

/** One organisation's chart: itself highlighted, and taken out of the anonymous points. */
export function scatterFor(base: ScatterBase, self: { x: number; y: number } | null): OrgScatter {
  if (base.suppressed) return base;
  const { all, ...rest } = base;
  let others = all;
  if (self) {
    const [own] = merge([self], base.resolution);
    const at = all.findIndex((p) => p.x === own!.x && p.y === own!.y);
    if (at >= 0) others = [...all.slice(0, at), ...(all[at]!.count > 1 ? [{ ...all[at]!, count: all[at]!.count - 1 }] : []), ...all.slice(at + 1)];
  }
  return { ...rest, others, self };
}
