/*
 * The disclosure plan of one release of a wave: which views a reader can reach (the whole wave, each
 * department, each seniority level) and which figures each view may show. Pure: no database.
 *
 * Three audits, each over department × seniority cells (docs/privacy.md):
 *   1. groups — the views' response counts (groups.ts): no set of cells with 1..min−1 responses is
 *      a sum or difference of shown views;
 *   2. item bases — the same question for every answer a figure is built from, with the number of
 *      respondents who answered that item in each cell (a skipped item makes a smaller base), and
 *      for the nested bases of one answer (F1 against the F2–F4 groups, F5 against F2);
 *   3. time — against the previous release: for every answer, the new responses since that release
 *      must not contain a small set that sums and differences of the views shown in both releases
 *      isolate, and a view shown for the first time must add information about the new responses
 *      only (so an older reading cannot be subtracted from it). Responses an admin voided since
 *      count as changed like the new ones (a difference must not isolate a small set of new and
 *      voided responses), and a view shown for the first time over cells that lost responses waits.
 */
import { AGG_CAPABILITIES, COUNTER_INDEX, counter, JOINT_CLASSES, ORG_VALUES, placeIn, SENIORITY_GROUPS, SPLITS as SPLIT_KEYS, type CounterVector } from "../counters";
import { planDisclosure } from "./groups";
import { findSmallSetInSpan, indicator, involvedRows, rank, solve, transpose } from "./span";
import { isSmallDifference, meetsThreshold } from "./threshold";

export const FIGURE_KEYS = [
  "cu",
  "f2",
  "f3",
  "f4",
  "f5",
  "index",
  ...AGG_CAPABILITIES.map((c) => `self:${c}` as const),
  ...AGG_CAPABILITIES.map((c) => `org:${c}` as const),
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export type ViewKey = "all" | `department:${string}` | `seniority:${string}`;

export type PlanCell = { department: string; seniority: string; counters: CounterVector };

/** Views a reader can reach, each with the figures it may show. A view that is absent is hidden. */
export type WavePlan = {
  min: number;
  views: Partial<Record<ViewKey, FigureKey[]>>;
  /** For each figure ever shown in this wave: its bases when it was last shown (the time audit). */
  history?: Record<string, Record<string, number>>;
};

export const departmentView = (d: string): ViewKey => `department:${d}`;
export const seniorityView = (s: string): ViewKey => `seniority:${s}`;

const SENIOR = new Set<string>(SENIORITY_GROUPS.senior);
const STAFF = new Set<string>(SENIORITY_GROUPS.staff);
const SPLITS = ["f2", "f3", "f4"] as const;

type View = { key: ViewKey; cells: number[]; senior: number[]; staff: number[] };
/** `part` names a row among several of one figure in one system (F5's senior and staff, a split's yes and no). */
type Row = { view: ViewKey; figure: FigureKey; cells: number[]; part?: string };
type Figures = Map<ViewKey, Set<FigureKey>>;

type System = {
  name: string;
  size: (v: CounterVector) => number;
  /**
   * A system whose people in one cell fall into several classes (the figures' sets are unions of
   * classes within cells): `count` classes per cell, their sizes in a cell's counters. Its rows'
   * `cells` are then columns, cell index × count + class.
   */
  parts?: { count: number; sizes: (v: CounterVector) => number[] };
  /** Bases of figures (a base under `min`, even 0, hides the figure) or remainders between nested bases. */
  kind: "base" | "remainder";
  rows: (views: readonly View[], figures: Figures) => Row[];
};

/** A system's sizes in one cell's counters: one per class (one for a system without classes). */
const sizesIn = (s: System, v: CounterVector): number[] => (s.parts ? s.parts.sizes(v) : [s.size(v)]);
const noSizes = (s: System): number[] => new Array<number>(s.parts?.count ?? 1).fill(0);

/** The columns of joint classes `classes` in the cells of a view (JOINT_CLASSES per cell). */
const jointColumns = (cells: readonly number[], classes: readonly number[]) => cells.flatMap((i) => classes.map((k) => i * JOINT_CLASSES + k));
const ALL_CLASSES = Array.from({ length: JOINT_CLASSES }, (_, k) => k);
const classesIn = (f: number, place: number) => ALL_CLASSES.filter((k) => placeIn(k, f) === place);
const JOINT_AT = COUNTER_INDEX.get("cuj_0")!;

/**
 * F1 and the F2–F4 groups as one system: the people who answered customer understanding, in each
 * cell split into the 27 classes of their places in the three splits. A reader can add and subtract
 * F1 of one view and a split group of another (a group of the whole wave may lie inside one
 * department); over cells alone those sets are not expressible, over cells × classes they are exact.
 */
const JOINT: System = {
  name: "cu-joint",
  kind: "base",
  size: cuBaseOf,
  parts: { count: JOINT_CLASSES, sizes: (v) => ALL_CLASSES.map((k) => v[JOINT_AT + k]!) },
  rows: (views, f) => [
    ...views.filter((v) => has(f, v.key, "cu")).map((v) => ({ view: v.key, figure: "cu" as const, cells: jointColumns(v.cells, ALL_CLASSES) })),
    ...SPLIT_KEYS.flatMap((s, i) =>
      views
        .filter((v) => has(f, v.key, s))
        .flatMap((v) => [
          { view: v.key, figure: s, cells: jointColumns(v.cells, classesIn(i, 1)), part: "yes" },
          { view: v.key, figure: s, cells: jointColumns(v.cells, classesIn(i, 2)), part: "no" },
        ]),
    ),
  ],
};

const sum = (v: CounterVector, prefix: string, values: readonly (string | number)[]) => values.reduce<number>((a, x) => a + counter(v, `${prefix}${x}`), 0);
const cuBase = cuBaseOf;
/** Respondents who answered customer understanding ("don't know" included): F1's base. */
function cuBaseOf(v: CounterVector): number {
  return ["1", "2", "3", "4", "5", "dk"].reduce((a, x) => a + counter(v, `cu_${x}`), 0);
}
const splitBase = (v: CounterVector, f: string) => counter(v, `${f}_y_n`) + counter(v, `${f}_n_n`);

function has(figures: Figures, view: ViewKey, ...keys: FigureKey[]): boolean {
  const set = figures.get(view);
  return !!set && keys.every((k) => set.has(k));
}

function viewRows(views: readonly View[], figures: Figures, figure: FigureKey, needs: FigureKey[] = [figure]): Row[] {
  return views.filter((v) => has(figures, v.key, ...needs)).map((v) => ({ view: v.key, figure, cells: v.cells }));
}

function f5Rows(views: readonly View[], figures: Figures): Row[] {
  return views
    .filter((v) => has(figures, v.key, "f5"))
    .flatMap((v) => [
      { view: v.key, figure: "f5" as const, cells: v.senior, part: "senior" },
      { view: v.key, figure: "f5" as const, cells: v.staff, part: "staff" },
    ]);
}

/** Every answer (or nested pair of bases of one answer) a reader could difference, with its rows. */
const SYSTEMS: System[] = [
  { name: "cu", kind: "base", size: cuBase, rows: (views, f) => viewRows(views, f, "cu") },
  ...SPLITS.flatMap((s): System[] => [
    { name: `${s}.yes`, kind: "base", size: (v) => counter(v, `${s}_y_n`), rows: (views, f) => viewRows(views, f, s) },
    { name: `${s}.no`, kind: "base", size: (v) => counter(v, `${s}_n_n`), rows: (views, f) => viewRows(views, f, s) },
    // F1's base minus the split's groups: people who answered customer understanding but not the split item.
    { name: `${s}.skipped`, kind: "remainder", size: (v) => cuBase(v) - splitBase(v, s), rows: (views, f) => viewRows(views, f, s, ["cu", s]) },
  ]),
  // F5's all-three share (base: answered the three items) against F2's groups (base: also answered customer understanding).
  {
    name: "all3.skipped",
    kind: "remainder",
    size: (v) => counter(v, "all3_n") - splitBase(v, "f2"),
    rows: (views, f) => viewRows(views, f, "f2", ["f2", "f5"]),
  },
  { name: "all3", kind: "base", size: (v) => counter(v, "all3_n"), rows: (views, f) => f5Rows(views, f) },
  { name: "index", kind: "base", size: (v) => sum(v, "idx_", Array.from({ length: 33 }, (_, i) => i + 8)), rows: (views, f) => viewRows(views, f, "index") },
  ...AGG_CAPABILITIES.flatMap((c): System[] => [
    {
      name: `self:${c}`,
      kind: "base",
      size: (v) => sum(v, `s_${c}_`, [1, 2, 3, 4, 5]),
      rows: (views, f) => [...viewRows(views, f, `self:${c}`), ...f5Rows(views, f)],
    },
    {
      name: `org:${c}`,
      kind: "base",
      size: (v) => sum(v, `o_${c}_`, ORG_VALUES),
      rows: (views, f) => [...viewRows(views, f, `org:${c}`), ...f5Rows(views, f)],
    },
  ]),
  JOINT,
];

function buildViews(cells: readonly PlanCell[], keys: readonly ViewKey[]): View[] {
  const idx = (pred: (c: PlanCell) => boolean) => cells.flatMap((c, i) => (pred(c) ? [i] : []));
  return keys.map((key) => {
    const inView =
      key === "all"
        ? () => true
        : key.startsWith("department:")
          ? (c: PlanCell) => c.department === key.slice("department:".length)
          : (c: PlanCell) => c.seniority === key.slice("seniority:".length);
    return { key, cells: idx(inView), senior: idx((c) => inView(c) && SENIOR.has(c.seniority)), staff: idx((c) => inView(c) && STAFF.has(c.seniority)) };
  });
}

const vector = (row: Row, length: number) => indicator(row.cells, length);
const rowSize = (row: Row, sizes: readonly number[]) => row.cells.reduce((a, i) => a + sizes[i]!, 0);

/**
 * Hides figures until no system has a small set in the span of its rows. `choose` picks the figure
 * to hide among the rows involved in a leak; returning null means the plan cannot be made.
 */
function auditSystems(
  views: readonly View[],
  figures: Figures,
  sizesOf: (s: System) => number[],
  min: number,
  choose: (candidates: Row[], sizes: number[]) => Row | null,
  dropUnderMin: boolean,
): boolean {
  // Hiding a figure only removes rows, which never creates a leak elsewhere: one pass over the
  // systems, each audited until it is clean, is enough.
  for (const system of SYSTEMS) {
    const sizes = sizesOf(system);
    for (;;) {
      const rows = system.rows(views, figures);
      if (rows.length === 0) break;
      if (dropUnderMin && system.kind === "base") {
        const tooSmall = rows.find((r) => !meetsThreshold(rowSize(r, sizes), min));
        if (tooSmall) {
          figures.get(tooSmall.view)!.delete(tooSmall.figure);
          continue;
        }
      }
      const vectors = rows.map((r) => vector(r, sizes.length));
      const leak = findSmallSetInSpan(vectors, sizes, min);
      if (!leak) break;
      const involved = leak === "budget" ? rows.map((_, i) => i) : involvedRows(vectors, leak, sizes.length);
      const pick = choose(
        involved.map((k) => rows[k]!),
        sizes,
      );
      if (!pick) return false;
      figures.get(pick.view)!.delete(pick.figure);
    }
  }
  return true;
}

/** Per-cell sizes of each system, computed once per plan. */
function memoSizes(compute: (s: System) => number[]): (s: System) => number[] {
  const cache = new Map<System, number[]>();
  return (s) => {
    let v = cache.get(s);
    if (!v) cache.set(s, (v = compute(s)));
    return v;
  };
}

function smallestFirst(rows: Row[], sizes: number[]): Row[] {
  // The smallest row first; between equals, a part before the whole wave.
  return [...rows].sort((a, b) => rowSize(a, sizes) - rowSize(b, sizes) || Number(a.view === "all") - Number(b.view === "all"));
}

/**
 * The last release of a wave, and the counters of the responses voided since (per cell; empty when
 * none): the time audit checks the differences of what arrived and of what was removed.
 */
export type PreviousRelease = { plan: WavePlan; cells: readonly PlanCell[]; removed?: readonly PlanCell[] };

const cellKey = (c: { department: string; seniority: string }) => `${c.department}\u0000${c.seniority}`;

/** The cells, plus an empty one for each cell of the previous release whose responses were all voided. */
function withVanishedCells(cells: readonly PlanCell[], previous: PreviousRelease): readonly PlanCell[] {
  const present = new Set(cells.map(cellKey));
  const vanished = previous.cells.filter((c) => !present.has(cellKey(c)));
  if (vanished.length === 0) return cells;
  const zero = previous.cells[0]!.counters.map(() => 0);
  return [...cells, ...vanished.map((c) => ({ department: c.department, seniority: c.seniority, counters: zero.slice() }))];
}

/**
 * Plans a release of a wave from its cells. With `previous` (the last release's plan and cells, and
 * what was voided since) the plan is also audited against it; null means this state cannot be released yet (a figure of the
 * whole wave shown before would have to disappear): keep showing the previous release.
 */
export function planWave(cells: readonly PlanCell[], min: number, previous?: PreviousRelease): WavePlan | null {
  if (previous && previous.plan.min === min) cells = withVanishedCells(cells, previous);
  const groups = planDisclosure(
    cells.map((c) => ({ department: c.department, seniority: c.seniority, n: counter(c.counters, "n") })),
    min,
  );
  const plan: WavePlan = { min, views: {} };
  if (!groups.total) return plan;
  const keys: ViewKey[] = ["all"];
  for (const [d, p] of groups.departments) if (p.shown) keys.push(departmentView(d));
  for (const [s, p] of groups.seniorities) if (p.shown) keys.push(seniorityView(s));
  const f5Allowed = (key: ViewKey) =>
    key === "all" ? groups.f5 : key.startsWith("department:") ? (groups.departments.get(key.slice("department:".length))?.f5 ?? false) : false;
  const views = buildViews(cells, keys);
  const figures: Figures = new Map(keys.map((k) => [k, new Set(FIGURE_KEYS.filter((f) => f !== "f5" || f5Allowed(k)))]));

  const sizesNow = memoSizes((s) => cells.flatMap((c) => sizesIn(s, c.counters)));
  auditSystems(views, figures, sizesNow, min, (rows, sizes) => smallestFirst(rows, sizes)[0] ?? null, true);

  if (previous && previous.plan.min === min) {
    if (!auditAgainst(previous, cells, views, figures, min)) return null;
    if (!auditHidden(previous.plan, cells, views, figures, sizesNow, min)) return null;
  }
  for (const v of views) {
    const f = figures.get(v.key)!;
    if (v.key === "all" || f.size > 0) plan.views[v.key] = FIGURE_KEYS.filter((k) => f.has(k));
  }
  plan.history = { ...(previous?.plan.min === min ? previous.plan.history : {}) };
  for (const system of SYSTEMS) {
    const sizes = sizesNow(system);
    for (const row of system.rows(views, figures)) (plan.history[historyKey(row)] ??= {})[rowKeyIn(system, row)] = rowSize(row, sizes);
  }
  return plan;
}

const historyKey = (row: Row) => `${row.view}|${row.figure}`;
/**
 * How a row is remembered in the history: its system and its part, not its cells, so a view that
 * gains a cell (a new seniority level in a department) is still the same figure.
 */
const rowKeyIn = (system: System, row: Row) => `${system.name}#${row.part ?? ""}`;

/**
 * The audit against the previous release (see the file comment). Hides figures; false when a figure
 * of the whole wave shown in the previous release would have to be hidden.
 */
function auditAgainst(previous: PreviousRelease, cells: readonly PlanCell[], views: readonly View[], figures: Figures, min: number): boolean {
  const before = new Map(previous.cells.map((c) => [cellKey(c), c.counters]));
  const gone = new Map((previous.removed ?? []).map((c) => [cellKey(c), c.counters]));
  // The previous release's cells are all among the current ones (withVanishedCells).
  if (previous.cells.some((c) => !cells.some((x) => cellKey(x) === cellKey(c)))) return true;
  const old = memoSizes((s) => cells.flatMap((c) => (before.has(cellKey(c)) ? sizesIn(s, before.get(cellKey(c))!) : noSizes(s))));
  const now = memoSizes((s) => cells.flatMap((c) => sizesIn(s, c.counters)));
  // What was voided since the previous release (an upper bound of what left it: a voided response may
  // not have been released yet), and what arrived: now − before + removed.
  const removed = memoSizes((s) => cells.flatMap((c) => (gone.has(cellKey(c)) ? sizesIn(s, gone.get(cellKey(c))!) : noSizes(s))));
  const delta = memoSizes((s) => {
    const a = now(s);
    const b = old(s);
    const r = removed(s);
    return a.map((x, i) => x - b[i]! + r[i]!);
  });
  // Responses left without a record of what they were (not a void): the releases start again.
  if (SYSTEMS.some((s) => delta(s).some((x) => x < 0))) return true;
  const wasShown = (r: Row) => previous.plan.views[r.view]?.includes(r.figure) ?? false;
  const previousViews = buildViews(cells, Object.keys(previous.plan.views) as ViewKey[]);
  const previousFigures: Figures = new Map(Object.entries(previous.plan.views).map(([k, list]) => [k as ViewKey, new Set(list)]));

  // 1. Figures shown in both releases: their differences must not isolate a small set of the changed
  //    responses. A figure's difference covers the new and the voided responses of its cells
  //    together (added minus removed), so the changed responses of a cell are one set: new + voided.
  const kept: Figures = new Map([...figures].map(([k, set]) => [k, new Set([...set].filter((f) => previous.plan.views[k]?.includes(f)))]));
  const knownBefore: { view: ViewKey; figure: FigureKey }[] = [];
  // A figure shown now but not before, whose previous value followed from the previous release's
  // figures (their sums and differences in one system), was known then too: its change since is
  // audited like that of a figure shown in both (a level hidden in one release but equal to the
  // whole wave minus the other levels must not then appear with one more person).
  for (const system of SYSTEMS) {
    const length = old(system).length;
    const before = system.rows(previousViews, previousFigures).map((x) => vector(x, length));
    if (before.length === 0) continue;
    const r = rank(before, length);
    for (const row of system.rows(views, figures)) {
      if (wasShown(row) || kept.get(row.view)!.has(row.figure)) continue;
      if (rank([...before, vector(row, length)], length) === r) {
        kept.get(row.view)!.add(row.figure);
        knownBefore.push({ view: row.view, figure: row.figure });
      }
    }
  }
  const changed = gone.size === 0 ? delta : memoSizes((s) => delta(s).map((x, i) => x + removed(s)[i]!));
  const ok = auditSystems(views, kept, changed, min, (rows, sizes) => smallestFirst(rows, sizes).find((r) => r.view !== "all") ?? null, false);
  if (!ok) return false;
  for (const [k, set] of figures) for (const f of [...set]) if (wasShown({ view: k, figure: f, cells: [] }) && !kept.get(k)!.has(f)) set.delete(f);
  for (const { view, figure } of knownBefore) if (!kept.get(view)!.has(figure)) figures.get(view)!.delete(figure);
  if (!auditPair(views, figures, previousViews, previousFigures, old, changedParts(old, removed, delta), min)) return false;

  // 2. Figures shown now but not in the previous release.
  for (const system of SYSTEMS) {
    const d = delta(system);
    const rows = system.rows(views, figures);
    const fresh = rows.filter((r) => !wasShown(r));
    if (fresh.length === 0) continue;
    const atoms = d.flatMap((x, i) => (x > 0 ? [i] : []));
    const project = (r: Row) => atoms.map((i) => (r.cells.includes(i) ? 1 : 0));
    const accepted = rows.filter(wasShown).map(project);
    let r = rank(accepted, atoms.length);
    const oldSizes = old(system);
    const oldRows = system.rows(previousViews, previousFigures).map((x) => vector(x, oldSizes.length));
    const nowSizes = now(system);
    const lost = removed(system);
    for (const row of fresh) {
      // A figure shown for the first time over cells that lost voided responses: its previous value is
      // unknown, so what it says about the voided ones cannot be bounded; it waits for a later release.
      let allowed = rowSize(row, lost) === 0;
      // Shown in an earlier release: its growth since then must not be a small group.
      const last = previous.plan.history?.[historyKey(row)]?.[rowKeyIn(system, row)];
      if (last !== undefined && isSmallDifference(rowSize(row, nowSizes) - last, min)) allowed = false;
      const v = project(row);
      const next = rank([...accepted, v], atoms.length);
      if (allowed && rowSize(row, d) > 0 && next > r) {
        accepted.push(v);
        r = next;
      } else if (allowed) {
        // Its new part is known from other figures, so its value in the previous release becomes known:
        // that value must be safe to add to what the previous release showed.
        allowed = !findSmallSetInSpan([...oldRows, vector(row, oldSizes.length)], oldSizes, min);
        if (allowed) oldRows.push(vector(row, oldSizes.length));
      }
      if (!allowed) figures.get(row.view)!.delete(row.figure);
    }
  }
  return true;
}

/** Per system, the sizes of the responses kept from the previous release, removed since and added since. */
function changedParts(old: (s: System) => number[], removed: (s: System) => number[], added: (s: System) => number[]) {
  return (s: System) => {
    const r = removed(s);
    return { kept: old(s).map((x, i) => Math.max(0, x - r[i]!)), removed: r, added: added(s) };
  };
}

/**
 * Both releases at once: every column of a system is split into the responses kept since the
 * previous release, those removed and those added; the previous release's figures cover kept and
 * removed, this release's cover kept and added. No small set of any of these parts may lie in the
 * span of all of them together (a figure of one release against a different figure of the other,
 * not only the same figure twice). Hides this release's figures (never the whole wave's: false).
 */
function auditPair(
  views: readonly View[],
  figures: Figures,
  previousViews: readonly View[],
  previousFigures: Figures,
  old: (s: System) => number[],
  parts: (s: System) => { kept: number[]; removed: number[]; added: number[] },
  min: number,
): boolean {
  for (const system of SYSTEMS) {
    const { kept, removed, added } = parts(system);
    const n = kept.length;
    const sizes = [...kept, ...removed, ...added];
    const spread = (row: Row, second: number) => {
      const v = new Array<number>(3 * n).fill(0);
      for (const c of row.cells) {
        v[c] = 1;
        v[second * n + c] = 1;
      }
      return v;
    };
    const before = system.rows(previousViews, previousFigures).map((r) => spread(r, 1));
    for (;;) {
      const now = system.rows(views, figures);
      if (now.length === 0 || (before.length === 0 && n === 0)) break;
      const vectors = [...before, ...now.map((r) => spread(r, 2))];
      const leak = findSmallSetInSpan(vectors, sizes, min);
      if (!leak) break;
      const involved = leak === "budget" ? vectors.map((_, i) => i) : involvedRows(vectors, leak, sizes.length);
      const candidates = involved.filter((i) => i >= before.length).map((i) => now[i - before.length]!);
      const pick = smallestFirst(candidates, old(system)).find((r) => r.view !== "all");
      if (!pick) return false;
      figures.get(pick.view)!.delete(pick.figure);
    }
  }
  return true;
}

/**
 * Figures shown in an earlier release and not now, whose value follows from what is shown now (sums
 * and differences within one system): such a figure is in effect shown again, and may be only when
 * its base grew by the minimum since it was last shown, as for one shown again outright. Otherwise
 * one of the figures it follows from is hidden (never the whole wave's: then false, wait).
 */
function auditHidden(previous: WavePlan, cells: readonly PlanCell[], views: readonly View[], figures: Figures, sizesNow: (s: System) => number[], min: number): boolean {
  // Each remembered figure's view and a plan that shows only it, built once for every system below.
  const remembered = Object.entries(previous.history ?? {}).map(([key, entries]) => {
    const [viewKey, figure] = key.split("|") as [ViewKey, FigureKey];
    return { viewKey, figure, entries, view: buildViews(cells, [viewKey]), only: new Map([[viewKey, new Set([figure])]]) as Figures };
  });
  for (const system of SYSTEMS) {
    const sizes = sizesNow(system);
    for (;;) {
      const shown = system.rows(views, figures);
      if (shown.length === 0) break;
      const vectors = shown.map((r) => vector(r, sizes.length));
      const r = rank(vectors, sizes.length);
      let leak: number[] | null = null;
      for (const { viewKey, figure, entries, view, only } of remembered) {
        if (figures.get(viewKey)?.has(figure)) continue;
        for (const row of system.rows(view, only)) {
          const last = entries[rowKeyIn(system, row)];
          if (last === undefined || !isSmallDifference(rowSize(row, sizes) - last, min)) continue;
          const target = vector(row, sizes.length);
          if (rank([...vectors, target], sizes.length) !== r) continue;
          leak = solve(transpose(vectors), target);
          if (leak) break;
        }
        if (leak) break;
      }
      if (!leak) break;
      const involved = shown.filter((_, i) => Math.abs(leak![i]!) > 1e-9 && shown[i]!.view !== "all");
      const pick = smallestFirst(involved, sizes)[0];
      if (!pick) return false;
      figures.get(pick.view)!.delete(pick.figure);
    }
  }
  return true;
}

/** Counter positions summed into each base of each figure (see figureBases). */
const BASE_INDICES: ReadonlyMap<FigureKey, number[][]> = new Map(
  FIGURE_KEYS.map((key): [FigureKey, number[][]] => {
    const at = (...names: string[]) => names.map((n) => COUNTER_INDEX.get(n)!);
    const range = (prefix: string, values: readonly (string | number)[]) => at(...values.map((x) => `${prefix}${x}`));
    if (key === "cu") return [key, [range("cu_", [1, 2, 3, 4, 5, "dk"])]];
    if (key === "f2" || key === "f3" || key === "f4") return [key, [at(`${key}_y_n`), at(`${key}_n_n`)]];
    if (key === "f5") return [key, [at("senior_n"), at("staff_n"), at("senior_all3_n"), at("staff_all3_n")]];
    if (key === "index") return [key, [range("idx_", Array.from({ length: 33 }, (_, i) => i + 8))]];
    if (key.startsWith("self:")) return [key, [range(`s_${key.slice(5)}_`, [1, 2, 3, 4, 5])]];
    return [key, [range(`o_${key.slice(4)}_`, ORG_VALUES)]];
  }),
);

/** The bases a figure is built from in a population's counters (every one must be large enough). */
export function figureBases(key: FigureKey, v: CounterVector): number[] {
  return BASE_INDICES.get(key)!.map((positions) => positions.reduce((a, i) => a + v[i]!, 0));
}
