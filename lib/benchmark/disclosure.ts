/*
 * Which views of one wave a dashboard may publish: the whole wave, each department, each seniority
 * level, and the F5 seniority groups inside the wave and inside each department. Every published
 * view is a set of department × seniority cells; a reader who subtracts and adds published figures
 * learns the figures of any set of cells whose indicator lies in the span of the published sets.
 * The plan hides views until no such set has fewer than `min` responses (DESIGN.md: "differences
 * that would reveal a suppressed cell are suppressed too"). Pure: no database.
 */
import { SENIORITY_GROUPS } from "./counters";
import { suppressPartition } from "./suppression";

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
/** Upper bound on the subsets examined per round; past it the plan hides conservatively. */
const SEARCH_BUDGET = 200_000;

const senior = new Set<string>(SENIORITY_GROUPS.senior);
const staff = new Set<string>(SENIORITY_GROUPS.staff);

export function planDisclosure(cells: readonly CellSize[], min: number): DisclosurePlan {
  const live = cells.filter((c) => c.n > 0);
  const total = live.reduce((a, c) => a + c.n, 0);
  const departments = [...new Set(live.map((c) => c.department))];
  const seniorities = [...new Set(live.map((c) => c.seniority))];
  const plan: DisclosurePlan = {
    total: total >= min,
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
    units.push({ key, sets, hideable, dependents, published: published && sets.every((s) => size(s) >= min) });
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

function indicator(set: readonly number[], length: number): number[] {
  const v = new Array<number>(length).fill(0);
  for (const i of set) v[i] = 1;
  return v;
}

function transpose(m: number[][]): number[][] {
  if (m.length === 0) return [];
  return m[0]!.map((_, j) => m.map((row) => row[j]!));
}

/** Reduced row echelon form in place; returns the pivot column of each non-zero row. */
function rref(m: number[][], columns: number): number[] {
  const pivots: number[] = [];
  let row = 0;
  for (let col = 0; col < columns && row < m.length; col++) {
    let best = row;
    for (let r = row + 1; r < m.length; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[best]![col]!)) best = r;
    if (Math.abs(m[best]![col]!) < EPS) continue;
    [m[row], m[best]] = [m[best]!, m[row]!];
    const p = m[row]![col]!;
    for (let j = 0; j < m[row]!.length; j++) m[row]![j]! /= p;
    for (let r = 0; r < m.length; r++) {
      if (r === row) continue;
      const f = m[r]![col]!;
      if (Math.abs(f) < EPS) continue;
      for (let j = 0; j < m[r]!.length; j++) m[r]![j]! -= f * m[row]![j]!;
    }
    pivots.push(col);
    row++;
  }
  return pivots;
}

/** Basis of the null space {x : M x = 0} of a rows × columns matrix. */
export function nullSpace(rows: readonly number[][], columns: number): number[][] {
  const m = rows.map((r) => [...r]);
  const pivots = rref(m, columns);
  const pivotSet = new Set(pivots);
  const basis: number[][] = [];
  for (let free = 0; free < columns; free++) {
    if (pivotSet.has(free)) continue;
    const x = new Array<number>(columns).fill(0);
    x[free] = 1;
    pivots.forEach((p, r) => {
      x[p] = -m[r]![free]!;
    });
    basis.push(x);
  }
  return basis;
}

/** One solution of A λ = b (free variables 0), or null when there is none. */
function solve(a: number[][], b: number[]): number[] | null {
  const columns = a[0]?.length ?? 0;
  const m = a.map((row, i) => [...row, b[i]!]);
  const pivots = rref(m, columns);
  for (let r = pivots.length; r < m.length; r++) if (Math.abs(m[r]![columns]!) > 1e-7) return null;
  const x = new Array<number>(columns).fill(0);
  pivots.forEach((p, r) => {
    x[p] = m[r]![columns]!;
  });
  return x;
}

/**
 * A set of cells with 1..min−1 responses whose indicator is a linear combination of the published
 * sets (so its figures can be worked out), as cell indices; null when there is none; "budget" when
 * the search was cut short. Cells that belong to exactly the same published sets can only be
 * revealed together, so the search runs over those classes.
 */
export function findSmallSetInSpan(published: readonly number[][], sizes: readonly number[], min: number): number[] | "budget" | null {
  const cells = sizes.length;
  // 1_K is in the row space iff it is orthogonal to every null-space vector.
  const basis = nullSpace(published, cells);
  const classes = new Map<string, number[]>();
  for (let i = 0; i < cells; i++) {
    if (sizes[i]! <= 0) continue;
    const signature = published.map((row) => row[i]).join("");
    const list = classes.get(signature);
    if (list) list.push(i);
    else classes.set(signature, [i]);
  }
  const small = [...classes.values()]
    .map((members) => ({
      members,
      n: members.reduce((a, i) => a + sizes[i]!, 0),
      weight: basis.map((x) => members.reduce((a, i) => a + x[i]!, 0)),
    }))
    .filter((c) => c.n > 0 && c.n < min)
    .sort((a, b) => a.n - b.n);

  let visited = 0;
  const chosen: number[] = [];
  const sum = new Array<number>(basis.length).fill(0);
  const search = (from: number, n: number): number[] | "budget" | null => {
    for (let k = from; k < small.length; k++) {
      const c = small[k]!;
      if (n + c.n >= min) break; // sorted by size: every later class is at least as large
      if (++visited > SEARCH_BUDGET) return "budget";
      chosen.push(k);
      c.weight.forEach((w, j) => (sum[j]! += w));
      if (sum.every((s) => Math.abs(s) < 1e-7)) return chosen.flatMap((i) => small[i]!.members);
      const found = search(k + 1, n + c.n);
      if (found) return found;
      c.weight.forEach((w, j) => (sum[j]! -= w));
      chosen.pop();
    }
    return null;
  };
  return search(0, 0);
}
