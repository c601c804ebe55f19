import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findSmallSetInSpan, indicator, rank } from "../../../core/disclosure/span";

/**
 * The independent reference: every set of cells, checked one by one. A set is revealed when its
 * people number 1..min−1 and its indicator is in the row space of the published sets (on the cells
 * that hold people: empty cells change nothing a reader learns).
 */
function bruteForce(published: number[][], sizes: number[], min: number): boolean {
  const cells = sizes.length;
  const occupied = sizes.flatMap((n, i) => (n > 0 ? [i] : []));
  const rows = published.map((r) => occupied.map((i) => r[i]!));
  const r = rank(rows, occupied.length);
  for (let mask = 1; mask < 1 << occupied.length; mask++) {
    const chosen = occupied.filter((_, k) => mask & (1 << k));
    const n = chosen.reduce((a, i) => a + sizes[i]!, 0);
    if (n === 0 || n >= min) continue;
    const v = indicator(chosen, cells);
    if (rank([...rows, occupied.map((i) => v[i]!)], occupied.length) === r) return true;
  }
  return false;
}

const caseArb = fc.integer({ min: 2, max: 11 }).chain((cells) =>
  fc.record({
    sizes: fc.array(fc.constantFrom(0, 1, 1, 2, 3, 4, 6, 9), { minLength: cells, maxLength: cells }),
    published: fc.array(fc.array(fc.constantFrom(0, 1), { minLength: cells, maxLength: cells }), { minLength: 1, maxLength: 8 }),
  }),
);

describe("findSmallSetInSpan", () => {
  it("finds a small revealed set exactly when one exists, and what it returns is one (minimum 5: sums of up to four classes)", () => {
    fc.assert(
      fc.property(caseArb, ({ sizes, published }) => {
        const found = findSmallSetInSpan(published, sizes, 5);
        expect(found).not.toBe("budget");
        expect(found !== null).toBe(bruteForce(published, sizes, 5));
        if (found && found !== "budget") {
          const n = found.reduce((a, i) => a + sizes[i]!, 0);
          expect(n).toBeGreaterThan(0);
          expect(n).toBeLessThan(5);
          // In the span on the occupied cells (the empty ones hold nobody).
          const occupied = sizes.flatMap((x, i) => (x > 0 ? [i] : []));
          const on = (row: number[]) => occupied.map((i) => row[i]!);
          expect(rank([...published.map(on), on(indicator(found, sizes.length))], occupied.length)).toBe(rank(published.map(on), occupied.length));
        }
      }),
      { numRuns: 3000, seed: 20261207 },
    );
  });

  it("agrees with the same reference under a larger minimum (the subset search)", () => {
    fc.assert(
      fc.property(caseArb, ({ sizes, published }) => {
        const found = findSmallSetInSpan(published, sizes, 8);
        if (found === "budget") return;
        expect(found !== null).toBe(bruteForce(published, sizes, 8));
      }),
      { numRuns: 1000, seed: 20261208 },
    );
  });
});
