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
  // Not a comparison metric: the rank correlations with customer understanding rank it (links.ts, compare.ts).
  ["customerAgree", (m) => m.customerAgree],
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

/** The sorted arrays, with how many organisations meeting the threshold each group has (a group without any has no arrays). */
export type SortedMetrics = { groups: Map<string, Float64Array>; eligible: Map<string, number> };

export function sortedMetrics(metrics: readonly OrgMetrics[], min: number): SortedMetrics {
  const eligible = new Map<string, number>();
  for (const m of metrics) if (meetsThreshold(m.n, min)) for (const key of groupKeys(m)) eligible.set(key, (eligible.get(key) ?? 0) + 1);
  return { groups: sortedGroups(metrics, min), eligible };
}

/**
 * Replaces one organisation's values in the sorted arrays (`before` undefined: it joined; `after`
 * undefined: it left), in O(n) memory moves instead of sorting everything again; the arrays are
 * then those sortedGroups makes of the new population. A value changed in place moves within its
 * array; one that appears or disappears makes a new array. False when `before`'s values are not
 * there (the arrays are not this population's): the caller then rebuilds.
 */
export function replaceInSorted(sorted: SortedMetrics, before: OrgMetrics | undefined, after: OrgMetrics | undefined, min: number): boolean {
  const was = before && meetsThreshold(before.n, min) ? before : undefined;
  const is = after && meetsThreshold(after.n, min) ? after : undefined;
  if (is) for (const key of groupKeys(is)) countIn(sorted, key, +1);
  for (const [name, metric] of METRICS) {
    const a = was ? metric(was) : NaN;
    const b = is ? metric(is) : NaN;
    const from = was && Number.isFinite(a) ? groupKeys(was) : [];
    const to = is && Number.isFinite(b) ? groupKeys(is) : [];
    for (const key of new Set([...from, ...to])) {
      const arr = sorted.groups.get(`${name}|${key}`);
      if (!arr) return false;
      const out = !from.includes(key) ? withValue(arr, b) : !to.includes(key) ? withoutValue(arr, a) : moveValue(arr, a, b);
      if (!out) return false;
      sorted.groups.set(`${name}|${key}`, out);
    }
  }
  if (was) for (const key of groupKeys(was)) countIn(sorted, key, -1);
  return true;
}

/** Counts an organisation into or out of a group, creating or dropping the group's arrays. */
function countIn(sorted: SortedMetrics, key: string, by: 1 | -1): void {
  const n = (sorted.eligible.get(key) ?? 0) + by;
  if (n > 0) {
    if (!sorted.eligible.has(key)) for (const [name] of METRICS) sorted.groups.set(`${name}|${key}`, new Float64Array(0));
    sorted.eligible.set(key, n);
    return;
  }
  sorted.eligible.delete(key);
  for (const [name] of METRICS) sorted.groups.delete(`${name}|${key}`);
}

function withValue(arr: Float64Array, x: number): Float64Array {
  const i = lowerBound(arr, x);
  const out = new Float64Array(arr.length + 1);
  out.set(arr.subarray(0, i));
  out[i] = x;
  out.set(arr.subarray(i), i + 1);
  return out;
}

function withoutValue(arr: Float64Array, x: number): Float64Array | null {
  const i = lowerBound(arr, x);
  if (arr[i] !== x) return null;
  const out = new Float64Array(arr.length - 1);
  out.set(arr.subarray(0, i));
  out.set(arr.subarray(i + 1), i);
  return out;
}

/** Moves a to b's place in the same array, shifting the elements between the two by one. */
function moveValue(arr: Float64Array, a: number, b: number): Float64Array | null {
  if (a === b) return arr;
  let i = lowerBound(arr, a);
  if (arr[i] !== a) return null;
  const j = lowerBound(arr, b);
  if (j > i) {
    arr.copyWithin(i, i + 1, j);
    i = j - 1;
  } else if (j < i) {
    arr.copyWithin(j + 1, j, i);
    i = j;
  }
  arr[i] = b;
  return arr;
}

/**
 * The sorted values of metric `x` and of customer agreement among all organisations, for a rank
 * correlation of the two over `eligible` organisations (those meeting the threshold with both values
 * finite): only when each array holds exactly `eligible` values, i.e. every organisation with one of
 * the two values finite has the other too, so the arrays hold exactly the correlated values.
 */
export function presortedFor(sorted: ReadonlyMap<string, Float64Array> | undefined, x: string, eligible: number): { x?: Float64Array; y?: Float64Array } {
  const xs = sorted?.get(`${x}|all`);
  const ys = sorted?.get("customerAgree|all");
  return xs && ys && xs.length === eligible && ys.length === eligible ? { x: xs, y: ys } : {};
}
