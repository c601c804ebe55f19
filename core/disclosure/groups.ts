/*
 * Which views of one wave a dashboard may publish: the whole wave, each department, each seniority
 * level, and the F5 seniority groups inside the wave and inside each department. Every published
 * view is a set of department × seniority cells; a reader who subtracts and adds published figures
 * learns the figures of any set of cells whose indicator lies in the span of the published sets.
 * The plan hides views until no such set has fewer than `min` responses (docs/privacy.md, "The
 * rules": a difference that would reveal a suppressed group is suppressed too). Pure: no database.
 */
import { SENIORITY_GROUPS } from "../counters";
import { findSmallSetInSpan, indicator, solve, transpose } from "./span";
import { meetsThreshold } from "./threshold";

export type CellSize = { department: string; seniority: string; n: number };

export type DisclosurePlan = {
  /** The whole wave has at least `min` responses; nothing at all is shown otherwise. */
  total: boolean;
  /** F5 (senior vs staff) may be shown for the whole wave. */
  f5: boolean;
  departments: Map<string, { shown: boolean; f5: boolean }>;
  seniorities: Map<string, { shown: boolean }>;
};

type Unit = {
  key: string;
  /** Each set is a list of cell indices; a unit's sets are published or hidden together. */
  sets: number[][];
  hideable: boolean;
  /** Hiding this unit hides these too (a department's F5 lives inside its view). */
  dependents: string[];
  published: boolean;
};

const EPS = 1e-9;

const senior = new Set<string>(SENIORITY_GROUPS.senior);
const staff = new Set<string>(SENIORITY_GROUPS.staff);

export function planDisclosure(cells: readonly CellSize[], min: number): DisclosurePlan {
  const live = cells.filter((c) => c.n > 0);
  const total = live.reduce((a, c) => a + c.n, 0);
  const departments = [...new Set(live.map((c) => c.department))];
  const seniorities = [...new Set(live.map((c) => c.seniority))];
  const plan: DisclosurePlan = {
    total: meetsThreshold(total, min),
    f5: false,
    departments: new Map(departments.map((d) => [d, { shown: false, f5: false }])),
    seniorities: new Map(seniorities.map((s) => [s, { shown: false }])),
  };
  if (!plan.total) return plan;

  const indices = (pred: (c: CellSize) => boolean) => live.flatMap((c, i) => (pred(c) ? [i] : []));
  const size = (set: number[]) => set.reduce((a, i) => a + live[i]!.n, 0);
  const hiddenDepartments = suppressPartition(departments.map((d) => ({ key: d, n: size(indices((c) => c.department === d)) })), min);
  const hiddenSeniorities = suppressPartition(seniorities.map((s) => ({ key: s, n: size(indices((c) => c.seniority === s)) })), min);

  const units: Unit[] = [];
  const add = (key: string, sets: number[][], published: boolean, hideable = true, dependents: string[] = []) =>
    units.push({ key, sets, hideable, dependents, published: published && sets.every((s) => meetsThreshold(size(s), min)) });
  add("all", [indices(() => true)], true, false);
  add("f5", [indices((c) => senior.has(c.seniority)), indices((c) => staff.has(c.seniority))], true);
  for (const d of departments) {
    const inDept = (c: CellSize) => c.department === d;
    add(`department:${d}`, [indices(inDept)], !hiddenDepartments.has(d), true, [`f5:department:${d}`]);
    add(`f5:department:${d}`, [indices((c) => inDept(c) && senior.has(c.seniority)), indices((c) => inDept(c) && staff.has(c.seniority))], !hiddenDepartments.has(d));
  }
  for (const s of seniorities) add(`seniority:${s}`, [indices((c) => c.seniority === s)], !hiddenSeniorities.has(s));

  const byKey = new Map(units.map((u) => [u.key, u]));
  const hide = (u: Unit) => {
    u.published = false;
    for (const k of u.dependents) byKey.get(k)!.published = false;
  };

  for (;;) {
    const published = units.filter((u) => u.published);
    const rows = published.flatMap((u) => u.sets.map((set) => ({ unit: u, vector: indicator(set, live.length) })));
    const leak = findSmallSetInSpan(
      rows.map((r) => r.vector),
      live.map((c) => c.n),
      min,
    );
    if (!leak) break;
    const hideable = published.filter((u) => u.hideable);
    if (hideable.length === 0) break;
    let candidates = hideable;
    if (leak !== "budget") {
      // Only a view taking part in the combination that isolates the small set can break it.
      const lambda = solve(transpose(rows.map((r) => r.vector)), indicator(leak, live.length));
      const involved = new Set(rows.filter((_, k) => lambda && Math.abs(lambda[k]!) > EPS).map((r) => r.unit));
      const inLeak = hideable.filter((u) => involved.has(u));
      if (inLeak.length > 0) candidates = inLeak;
    }
    const smallest = candidates.reduce((a, u) => (unitSize(u, size) < unitSize(a, size) ? u : a));
    hide(smallest);
  }

  plan.f5 = byKey.get("f5")!.published;
  for (const d of departments) {
    plan.departments.set(d, { shown: byKey.get(`department:${d}`)!.published, f5: byKey.get(`f5:department:${d}`)!.published });
  }
  for (const s of seniorities) plan.seniorities.set(s, { shown: byKey.get(`seniority:${s}`)!.published });
  return plan;
}

function unitSize(u: Unit, size: (set: number[]) => number): number {
  return Math.min(...u.sets.map(size));
}


/**
 * Chooses which groups of a partition (they add up to a total that is shown) must be hidden. Groups
 * below `min` are hidden; if the hidden ones together still number fewer than `min` responses, the
 * next smallest groups are hidden too, so subtracting the shown groups from the total never
 * isolates fewer than `min` people.
 */
export function suppressPartition(groups: readonly { key: string; n: number }[], min: number): Set<string> {
  const hidden = new Set(groups.filter((g) => g.n > 0 && !meetsThreshold(g.n, min)).map((g) => g.key));
  if (hidden.size === 0) return hidden;
  const hiddenTotal = () => groups.filter((g) => hidden.has(g.key)).reduce((a, g) => a + g.n, 0);
  const visible = groups.filter((g) => !hidden.has(g.key) && g.n > 0).sort((a, b) => a.n - b.n || a.key.localeCompare(b.key));
  while (!meetsThreshold(hiddenTotal(), min) && visible.length > 0) hidden.add(visible.shift()!.key);
  return hidden;
}
