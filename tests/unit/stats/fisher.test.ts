import { describe, expect, it } from "vitest";
import { fisherExact2x2 } from "../../../core/stats/index";
import { expectRelClose } from "./expect-rel-close";

// References: scipy 1.17.1, stats.fisher_exact(table, alternative='two-sided').pvalue

describe("fisherExact2x2 (two-sided)", () => {
  it.each([
    // stats.fisher_exact([[8,2],[1,5]]).pvalue → 0.034965034965034975
    [8, 2, 1, 5, 0.034965034965034975],
    // Fisher's tea-tasting table: stats.fisher_exact([[3,1],[1,3]]).pvalue → 0.48571428571428565 (= 34/70)
    [3, 1, 1, 3, 0.48571428571428565],
    // stats.fisher_exact([[6,2],[1,4]]).pvalue → 0.10256410256410256
    [6, 2, 1, 4, 0.10256410256410256],
    // stats.fisher_exact([[1,9],[11,3]]).pvalue → 0.0027594561852200836
    [1, 9, 11, 3, 0.0027594561852200836],
    // stats.fisher_exact([[7,3],[2,8]]).pvalue → 0.06977851869492736
    [7, 3, 2, 8, 0.06977851869492736],
    // stats.fisher_exact([[12,5],[3,9]]).pvalue → 0.02532768703367614
    [12, 5, 3, 9, 0.02532768703367614],
  ])("[[%i, %i], [%i, %i]] → %s", (a, b, c, d, p) => {
    expect(fisherExact2x2(a, b, c, d).pValue).toBeCloseTo(p, 12);
  });

  it("is 1 for a table at the mode (ties handled by the relative tolerance)", () => {
    // stats.fisher_exact([[5,5],[5,5]]).pvalue → 1.0
    expect(fisherExact2x2(5, 5, 5, 5).pValue).toBe(1);
  });

  it("is 1 when a margin is 0 (only one possible table)", () => {
    // stats.fisher_exact([[0,5],[0,7]]).pvalue → 1.0
    expect(fisherExact2x2(0, 5, 0, 7).pValue).toBe(1);
    expect(fisherExact2x2(0, 0, 0, 0).pValue).toBe(1);
  });

  it("handles the most extreme table", () => {
    // stats.fisher_exact([[0,10],[10,0]]).pvalue → 1.082508822446903e-05 (= 2 / C(20,10))
    expectRelClose(fisherExact2x2(0, 10, 10, 0).pValue, 1.082508822446903e-5, 1e-10);
  });

  it("works in log space for large n (n = 10,000)", () => {
    // stats.fisher_exact([[120,4880],[80,4920]]).pvalue → 0.005216488091355018
    expectRelClose(fisherExact2x2(120, 4880, 80, 4920).pValue, 0.005216488091355018, 1e-8);
    // stats.fisher_exact([[2600,2400],[2400,2600]]).pvalue → 6.877264394891848e-05
    expectRelClose(fisherExact2x2(2600, 2400, 2400, 2600).pValue, 6.877264394891848e-5, 1e-8);
  });

  it("keeps relative precision for tiny p-values", () => {
    // stats.fisher_exact([[300,10],[10,300]]).pvalue → 5.465846024822995e-149
    expectRelClose(fisherExact2x2(300, 10, 10, 300).pValue, 5.465846024822995e-149, 1e-8);
  });

  it("is invariant to transposing and swapping rows", () => {
    const p = fisherExact2x2(8, 2, 1, 5).pValue;
    expect(fisherExact2x2(8, 1, 2, 5).pValue).toBeCloseTo(p, 14);
    expect(fisherExact2x2(1, 5, 8, 2).pValue).toBeCloseTo(p, 14);
  });

  it("rejects negative or non-integer counts", () => {
    expect(() => fisherExact2x2(-1, 2, 3, 4)).toThrow(RangeError);
    expect(() => fisherExact2x2(1, 2.5, 3, 4)).toThrow(RangeError);
    expect(() => fisherExact2x2(1, 2, 3, Infinity)).toThrow(RangeError);
  });
});
