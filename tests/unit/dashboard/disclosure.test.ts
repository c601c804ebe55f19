import { describe, expect, it } from "vitest";
import { planDisclosure, type CellSize, type DisclosurePlan } from "../../../core/disclosure/groups";

const SENIOR = ["senior_leader", "executive"];
const STAFF = ["staff", "manager"];

/** Every set of cells a reader is shown under a plan, as cell-index lists (mirrors what the dashboards publish). */
function publishedSets(cells: CellSize[], plan: DisclosurePlan): number[][] {
  const idx = (pred: (c: CellSize) => boolean) => cells.flatMap((c, i) => (pred(c) ? [i] : []));
  const sets = [idx(() => true)];
  if (plan.f5) sets.push(idx((c) => SENIOR.includes(c.seniority)), idx((c) => STAFF.includes(c.seniority)));
  for (const [d, p] of plan.departments) {
    if (p.shown) sets.push(idx((c) => c.department === d));
    if (p.f5) sets.push(idx((c) => c.department === d && SENIOR.includes(c.seniority)), idx((c) => c.department === d && STAFF.includes(c.seniority)));
  }
  for (const [s, p] of plan.seniorities) if (p.shown) sets.push(idx((c) => c.seniority === s));
  return sets;
}

/** Rank by exact fraction-free elimination over integers (independent of the module's floating-point algebra). */
function rank(rows: number[][]): number {
  const m = rows.map((r) => r.map((x) => BigInt(x)));
  let r = 0;
  const cols = m[0]?.length ?? 0;
  for (let c = 0; c < cols && r < m.length; c++) {
    const p = m.findIndex((row, i) => i >= r && row[c] !== 0n);
    if (p < 0) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    for (let i = 0; i < m.length; i++) {
      if (i === r || m[i]![c] === 0n) continue;
      const f = m[i]![c]!;
      const g = m[r]![c]!;
      m[i] = m[i]!.map((x, j) => x * g - m[r]![j]! * f);
    }
    r++;
  }
  return r;
}

/** Brute force: no set of cells with 1..min−1 responses is a linear combination of the published sets. */
function expectNoSmallSetRevealed(cells: CellSize[], plan: DisclosurePlan, min: number) {
  const sets = publishedSets(cells, plan);
  const vectors = sets.map((s) => cells.map((_, i) => (s.includes(i) ? 1 : 0)));
  const base = rank(vectors);
  const small = cells.map((c, i) => ({ i, n: c.n })).filter((c) => c.n > 0 && c.n < min);
  const check = (from: number, chosen: number[], n: number) => {
    for (let k = from; k < small.length; k++) {
      if (n + small[k]!.n >= min) continue;
      const next = [...chosen, small[k]!.i];
      const v = cells.map((_, i) => (next.includes(i) ? 1 : 0));
      expect(rank([...vectors, v]), `cells ${next.map((i) => `${cells[i]!.department}/${cells[i]!.seniority}`).join(", ")} are revealed`).toBeGreaterThan(base);
      check(k + 1, next, n + small[k]!.n);
    }
  };
  check(0, [], 0);
}

describe("planDisclosure", () => {
  it("shows nothing below the threshold", () => {
    const plan = planDisclosure([{ department: "Sales", seniority: "staff", n: 4 }], 5);
    expect(plan.total).toBe(false);
    expect(plan.departments.get("Sales")!.shown).toBe(false);
  });

  it("hides small departments and the next smallest until the hidden ones reach the threshold (demo spring wave)", () => {
    const sizes: [string, number][] = [["Operations", 29], ["Sales", 28], ["Customer service", 15], ["Finance", 11], ["Marketing", 10], ["IT", 7], ["HR", 3], ["Legal", 1]];
    const cells: CellSize[] = sizes.flatMap(([department, n]) => [
      { department, seniority: "staff", n: Math.ceil(n * 0.7) },
      { department, seniority: "manager", n: n - Math.ceil(n * 0.7) },
    ]);
    const plan = planDisclosure(cells, 5);
    expect(plan.total).toBe(true);
    expect(plan.departments.get("Legal")!.shown).toBe(false);
    expect(plan.departments.get("HR")!.shown).toBe(false);
    expect(plan.departments.get("IT")!.shown).toBe(false); // Legal + HR = 4 < 5 would be revealed by subtraction
    expect(plan.departments.get("Operations")!.shown).toBe(true);
    expectNoSmallSetRevealed(cells, plan, 5);
  });

  it("catches a difference across departments and seniority levels that the per-dimension rule misses", () => {
    // Department A: 3 staff + 5 managers; B: 10 staff, no managers. Each department and level has ≥ 5,
    // but A − managers = A's 3 staff.
    const cells: CellSize[] = [
      { department: "A", seniority: "staff", n: 3 },
      { department: "A", seniority: "manager", n: 5 },
      { department: "B", seniority: "staff", n: 10 },
    ];
    const naive: DisclosurePlan = {
      total: true,
      f5: false,
      departments: new Map([["A", { shown: true, f5: false }], ["B", { shown: true, f5: false }]]),
      seniorities: new Map([["staff", { shown: true }], ["manager", { shown: true }]]),
    };
    expect(() => expectNoSmallSetRevealed(cells, naive, 5)).toThrow(/A\/staff are revealed/);
    const plan = planDisclosure(cells, 5);
    expect(plan.total).toBe(true);
    const shown = [...plan.departments.values()].filter((d) => d.shown).length + [...plan.seniorities.values()].filter((s) => s.shown).length;
    expect(shown).toBeLessThan(4);
    expectNoSmallSetRevealed(cells, plan, 5);
  });

  it("hides a seniority level that, taken from the F5 senior group, would reveal a small one", () => {
    // Senior group = 22 senior leaders + 3 executives; showing senior leaders would reveal the executives.
    const cells: CellSize[] = [
      { department: "Ops", seniority: "staff", n: 60 },
      { department: "Ops", seniority: "manager", n: 20 },
      { department: "Ops", seniority: "senior_leader", n: 22 },
      { department: "Ops", seniority: "executive", n: 3 },
    ];
    const plan = planDisclosure(cells, 5);
    expect(plan.f5).toBe(true);
    expect(plan.seniorities.get("executive")!.shown).toBe(false);
    expect(plan.seniorities.get("senior_leader")!.shown).toBe(false);
    expectNoSmallSetRevealed(cells, plan, 5);
  });

  it("leaves no small group revealed in random organisations", () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const departments = ["Ops", "Sales", "Service", "Finance", "IT", "HR", "Legal"];
    const levels = ["staff", "manager", "senior_leader", "executive"];
    for (let trial = 0; trial < 40; trial++) {
      const cells: CellSize[] = [];
      for (const d of departments.slice(0, 3 + Math.floor(rnd() * 5))) {
        for (const s of levels) {
          const n = rnd() < 0.35 ? 0 : Math.floor(rnd() ** 2 * 14);
          if (n > 0) cells.push({ department: d, seniority: s, n });
        }
      }
      const plan = planDisclosure(cells, 5);
      if (plan.total) expectNoSmallSetRevealed(cells, plan, 5);
    }
  });

  it("honours a higher threshold", () => {
    const cells: CellSize[] = [
      { department: "A", seniority: "staff", n: 9 },
      { department: "B", seniority: "staff", n: 30 },
      { department: "C", seniority: "staff", n: 12 },
    ];
    const plan = planDisclosure(cells, 10);
    expect(plan.departments.get("A")!.shown).toBe(false);
    expect(plan.departments.get("C")!.shown).toBe(false); // A alone (9) would be revealed
    expect(plan.departments.get("B")!.shown).toBe(true);
    expectNoSmallSetRevealed(cells, plan, 10);
  });
});
