import { describe, expect, it } from "vitest";
import { EXACT_SPEARMAN_MAX_N, spearman, spearmanPermutationPValue, spearmanTest } from "../../../core/stats/index";

// References: tests/unit/stats/reference_figures.py exact_spearman(x, y) (numpy 2.4.6, scipy 1.17.1): the share of
// itertools.permutations(range(n)) of the y ranks whose |numpy.corrcoef(rankdata(x), ranks)[0, 1]| >= the observed |rho|,
// printed next to scipy.stats.permutation_test((y,), lambda y: spearmanr(x, y).statistic, permutation_type='pairings',
// n_resamples=np.inf).pvalue (the same value without ties) and the t-approximation scipy.stats.spearmanr(x, y).pvalue.

describe("spearmanPermutationPValue: exact two-sided permutation p", () => {
  it("rho = 1 on 5 points is p = 2/120, never p < 0.001", () => {
    // exact 2/120 = 0.016666666666666666 (permutation_test the same); t-approximation 1.4042654220543602e-24
    expect(spearmanPermutationPValue([1, 2, 3, 4, 5], [10, 20, 30, 40, 50])).toBeCloseTo(2 / 120, 15);
    expect(spearmanPermutationPValue([1, 2, 3, 4, 5], [5, 4, 3, 2, 1])).toBeCloseTo(2 / 120, 15);
    const r = spearmanTest([1, 2, 3, 4, 5], [10, 20, 30, 40, 50]);
    expect(r).toEqual({ rho: 1, pValue: 2 / 120, n: 5, method: "exact_permutation" });
    expect(r.pValue).toBeGreaterThan(0.001);
  });

  it("matches scipy's exact permutation test without ties", () => {
    // [1..5] vs [5,6,7,8,7]: 16/120 = 0.13333333333333333 (t-approximation 0.08858700531354384)
    expect(spearmanPermutationPValue([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])).toBeCloseTo(0.13333333333333333, 15);
    // [1,2,3] vs [3,1,2], rho −0.5: 6/6 = 1.0 (t-approximation 0.6666666666666666)
    expect(spearmanPermutationPValue([1, 2, 3], [3, 1, 2])).toBe(1);
    // [10,20,30,40,50] vs [20,25,22,50,45], rho 0.8: 16/120 = 0.13333333333333333 (t-approximation 0.10408803866182788)
    expect(spearmanPermutationPValue([10, 20, 30, 40, 50], [20, 25, 22, 50, 45])).toBeCloseTo(0.13333333333333333, 15);
    // [80,70,65,50,40,30,20,10] vs [30,25,40,45,60,50,75,70], rho −0.9285714285714287: 90/40320 = 0.002232142857142857
    expect(spearmanPermutationPValue([80, 70, 65, 50, 40, 30, 20, 10], [30, 25, 40, 45, 60, 50, 75, 70])).toBeCloseTo(90 / 40320, 15);
  });

  it("counts tied pairings with their multiplicity", () => {
    // x = [10,20,20,35,50,55,70,80] (one tie), y = [30,25,40,45,60,50,75,70]: 124/40320 = 0.0030753968253968253
    // (permutation_test 0.0030753968253968253, t-approximation 0.0016908608862384285)
    expect(spearmanPermutationPValue([10, 20, 20, 35, 50, 55, 70, 80], [30, 25, 40, 45, 60, 50, 75, 70])).toBeCloseTo(124 / 40320, 15);
    // Heavy ties: [1,2,2,3,3,3,4] vs [10,20,20,20,50,40,60], rho 0.89324598298771: |rho| rule 60/5040 = 0.011904761904761904.
    // (scipy's permutation_test doubles the smaller one-sided p instead: 0.014285714285714285; t-approximation 0.006747052676460189)
    expect(spearmanPermutationPValue([1, 2, 2, 3, 3, 3, 4], [10, 20, 20, 20, 50, 40, 60])).toBeCloseTo(60 / 5040, 15);
  });

  it("n = 10 enumerates all 10! permutations quickly", () => {
    // [1..10] vs [2,1,4,3,7,8,6,5,10,9], rho 0.8545454545454544: 10390/3628800 = 0.0028632054673721342
    // (t-approximation 0.0016368033159867156)
    const start = performance.now();
    const p = spearmanPermutationPValue([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [2, 1, 4, 3, 7, 8, 6, 5, 10, 9]);
    const ms = performance.now() - start;
    expect(p).toBeCloseTo(10390 / 3628800, 15);
    expect(ms).toBeLessThan(1000);
    // Another untied input of the same n shares the cached null distribution: rho = 1 on 10 points is 2/10! = 5.511463844797178e-07.
    expect(spearmanPermutationPValue([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [3, 5, 8, 9, 12, 20, 21, 30, 31, 40])).toBeCloseTo(2 / 3628800, 18);
  });

  it("is NaN for a constant variable and refuses what it cannot enumerate", () => {
    expect(spearmanPermutationPValue([5, 5, 5, 5], [1, 2, 3, 4])).toBeNaN();
    expect(spearmanTest([1, 2, 3], [7, 7, 7]).pValue).toBeNaN();
    expect(() => spearmanPermutationPValue([1, 2], [1, 2])).toThrow(RangeError);
    expect(() => spearmanPermutationPValue([1, 2, 3], [1, 2])).toThrow(RangeError);
    const x = Array.from({ length: EXACT_SPEARMAN_MAX_N + 1 }, (_, i) => i);
    expect(() => spearmanPermutationPValue(x, x)).toThrow(RangeError);
  });
});

describe("spearmanTest: exact up to 10 pairs, the t-approximation above", () => {
  it("uses the exact p for n <= 10", () => {
    expect(EXACT_SPEARMAN_MAX_N).toBe(10);
    const r = spearmanTest([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]);
    expect(r.method).toBe("exact_permutation");
    expect(r.rho).toBeCloseTo(0.8207826816681233, 12);
    expect(r.pValue).toBeCloseTo(0.13333333333333333, 15);
  });

  it("keeps scipy.stats.spearmanr's t-approximation for n > 10", () => {
    // stats.spearmanr([3,1,4,1,5,9,2,6,5,3,5], [2,7,1,8,2,8,1,8,2,8,4]) → 0.1384567651467695, p=0.6847503048108998
    const x = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
    const y = [2, 7, 1, 8, 2, 8, 1, 8, 2, 8, 4];
    const r = spearmanTest(x, y);
    expect(r.method).toBe("t_distribution");
    expect(r.pValue).toBeCloseTo(0.6847503048108998, 12);
    expect(r).toEqual({ ...spearman(x, y), method: "t_distribution" });
  });
});
