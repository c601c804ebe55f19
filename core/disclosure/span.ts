/*
 * Linear algebra of differencing. A reader who adds and subtracts published figures learns the
 * figures of any set of cells whose indicator vector lies in the span of the published sets; these
 * functions find such sets when they are small. Floating point with a tolerance: every entry is a
 * small integer combination, far from the tolerance. Pure: no database.
 */

const EPS = 1e-9;
/** Upper bound on the subsets examined per search; past it the caller hides conservatively. */
const SEARCH_BUDGET = 200_000;

export function indicator(set: readonly number[], length: number): number[] {
  const v = new Array<number>(length).fill(0);
  for (const i of set) v[i] = 1;
  return v;
}

export function transpose(m: number[][]): number[][] {
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
export function solve(a: number[][], b: number[]): number[] | null {
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
 * the search was cut short. Cells without people are left out first: a combination that differs
 * from a set only on empty cells reveals the same people. Cells that belong to exactly the same
 * published sets can only be revealed together, so the search runs over those classes.
 */
export function findSmallSetInSpan(published: readonly number[][], sizes: readonly number[], min: number): number[] | "budget" | null {
  const keep = sizes.flatMap((n, i) => (n > 0 ? [i] : []));
  if (keep.length < sizes.length) {
    const found = findSmallSetInSpan(
      published.map((row) => keep.map((i) => row[i]!)),
      keep.map((i) => sizes[i]!),
      min,
    );
    return found === null || found === "budget" ? found : found.map((k) => keep[k]!);
  }
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

  // Each class has at least one person, so under a minimum of 5 a small set has at most 4 classes:
  // find it by sums of singles and pairs (hashing), in time quadratic in the classes, instead of
  // enumerating subsets, which explodes when many classes hold one or two people.
  if (min <= 5) return smallSubsetBySums(small, min);

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

type SmallClass = { members: number[]; n: number; weight: number[] };

/** A key for a weight vector, equal for vectors equal within rounding (entries are small rationals). */
function weightKey(w: readonly number[], sign = 1): string {
  let key = "";
  for (const x of w) {
    const r = Math.round(sign * x * 1e6);
    key += `${r === 0 ? 0 : r},`;
  }
  return key;
}

/** A set of at most four classes whose weights sum to zero and whose people are fewer than `min`, or null. */
function smallSubsetBySums(small: readonly SmallClass[], min: number): number[] | null {
  const members = (ks: number[]) => ks.flatMap((k) => small[k]!.members);
  const zero = weightKey(small[0]?.weight.map(() => 0) ?? []);
  const singles = new Map<string, number[]>();
  for (let a = 0; a < small.length; a++) {
    const key = weightKey(small[a]!.weight);
    if (key === zero) return members([a]);
    const list = singles.get(key);
    if (list) list.push(a);
    else singles.set(key, [a]);
  }
  const pairs = new Map<string, [number, number][]>();
  const pairSums: { a: number; b: number; sum: number[]; n: number }[] = [];
  for (let a = 0; a < small.length; a++) {
    const wa = small[a]!.weight;
    for (const b of singles.get(weightKey(wa, -1)) ?? []) if (b !== a && small[a]!.n + small[b]!.n < min) return members([a, b]);
    for (let b = a + 1; b < small.length; b++) {
      const n = small[a]!.n + small[b]!.n;
      if (n + 1 >= min) continue;
      const wb = small[b]!.weight;
      const sum = wa.map((x, i) => x + wb[i]!);
      // Three classes: a pair and a single that cancels it.
      for (const c of singles.get(weightKey(sum, -1)) ?? []) if (c !== a && c !== b && n + small[c]!.n < min) return members([a, b, c]);
      pairSums.push({ a, b, sum, n });
      const key = weightKey(sum);
      const list = pairs.get(key);
      if (list) list.push([a, b]);
      else pairs.set(key, [[a, b]]);
    }
  }
  // Four classes: two disjoint pairs that cancel.
  for (const { a, b, sum, n } of pairSums) {
    for (const [c, d] of pairs.get(weightKey(sum, -1)) ?? []) {
      if (c === a || c === b || d === a || d === b) continue;
      if (n + small[c]!.n + small[d]!.n < min) return members([a, b, c, d]);
    }
  }
  return null;
}

/** Rank of a set of row vectors. */
export function rank(rows: readonly number[][], columns: number): number {
  return rref(rows.map((r) => [...r]), columns).length;
}

/**
 * The rows that take part in a combination giving the indicator of `set` (non-zero coefficient in
 * one solution); every row when no solution is found (the caller then treats all as involved).
 */
export function involvedRows(rows: readonly number[][], set: readonly number[], columns: number): number[] {
  const lambda = rows.length ? solve(transpose(rows as number[][]), indicator(set, columns)) : null;
  if (!lambda) return rows.map((_, i) => i);
  return rows.flatMap((_, k) => (Math.abs(lambda[k]!) > EPS ? [k] : []));
}
