/*
 * Each comparison metric's values among the organisations that meet the threshold, sorted per
 * comparison group (all, sector, size band), and kept sorted as single organisations change.
 */
import { meetsThreshold } from "../../core/disclosure/threshold";
import { AGG_CAPABILITIES } from "../../core/counters";
import { lowerBound, type OrgMetrics } from "./compare";

const METRICS: [string, (m: OrgMetrics) => number][] = [
  ["index", (m) => m.index],
  ["representativeCoverage", (m) => m.representativeCoverage],
  ...AGG_CAPABILITIES.map((c): [string, (m: OrgMetrics) => number] => [`coverage.${c}`, (m) => m.coverage[c] ?? NaN]),
];

export function sortedGroups(metrics: readonly OrgMetrics[], min: number): Map<string, Float64Array> {
  // One pass over the organisations, grouping values per comparison group; typed-array sorts.
  const groupValues = new Map<string, number[][]>();
  for (const m of metrics) {
    if (!meetsThreshold(m.n, min)) continue;
    const values = METRICS.map(([, metric]) => metric(m));
    for (const key of groupKeys(m)) {
      let lists = groupValues.get(key);
      if (!lists) groupValues.set(key, (lists = METRICS.map(() => [])));
      values.forEach((x, j) => {
        if (Number.isFinite(x)) lists![j]!.push(x);
      });
    }
  }
  const sorted = new Map<string, Float64Array>();
  for (const [key, lists] of groupValues) {
    METRICS.forEach(([name], j) => sorted.set(`${name}|${key}`, Float64Array.from(lists[j]!).sort()));
  }
  return sorted;
}

const groupKeys = (m: OrgMetrics) => ["all", `sector:${m.sector}`, `size:${m.sizeBand}`];

/**
 * Moves one organisation's values in the sorted comparison arrays after its metrics changed, in
 * O(n) memory moves instead of re-sorting everything. Returns false when the change is not a simple
 * move (eligibility or finiteness changed); the caller then rebuilds.
 */
export function patchSorted(sorted: Map<string, Float64Array>, before: OrgMetrics, after: OrgMetrics, min: number): boolean {
  const was = meetsThreshold(before.n, min);
  const is = meetsThreshold(after.n, min);
  if (!was && !is) return true;
  if (!was || !is) return false;
  for (const [name, metric] of METRICS) {
    const a = metric(before);
    const b = metric(after);
    if (a === b) continue;
    if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
    for (const key of groupKeys(after)) {
      const arr = sorted.get(`${name}|${key}`);
      if (!arr) return false;
      let i = lowerBound(arr, a);
      if (arr[i] !== a) return false;
      // Remove a, then insert b, shifting the elements between the two positions by one.
      const j = lowerBound(arr, b);
      if (j > i) {
        arr.copyWithin(i, i + 1, j);
        i = j - 1;
      } else if (j < i) {
        arr.copyWithin(j + 1, j, i);
        i = j;
      }
      arr[i] = b;
    }
  }
  return true;
}
