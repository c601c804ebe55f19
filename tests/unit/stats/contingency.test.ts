import { describe, expect, it } from "vitest";
import { chiSquareTest, cramersV, phi, twoByTwoTest } from "../../../core/stats/index";
import { expectRelClose } from "./expect-rel-close";

// References: scipy 1.17.1, res = stats.chi2_contingency(table, correction=False) → res.statistic, res.dof, res.pvalue,
// res.expected_freq (and .min()); Cramér's V via scipy.stats.contingency.association(table, method='cramer').

describe("chiSquareTest (Pearson, no continuity correction)", () => {
  it("2×2 [[12, 5], [3, 9]]", () => {
    // stats.chi2_contingency([[12,5],[3,9]], correction=False) → chi2=5.85483193277311, dof=1,
    //   p=0.015534341414683461, expected_freq.min()=5.793103448275862
    const r = chiSquareTest([
      [12, 5],
      [3, 9],
    ]);
    expect(r.statistic).toBeCloseTo(5.85483193277311, 10);
    expect(r.df).toBe(1);
    expect(r.pValue).toBeCloseTo(0.015534341414683461, 12);
    expect(r.minExpected).toBeCloseTo(5.793103448275862, 12);
  });

  it("3×4 table, with expected counts and Cramér's V", () => {
    const table = [
      [20, 15, 10, 5],
      [10, 20, 15, 10],
      [5, 10, 20, 25],
    ];
    // stats.chi2_contingency([[20,15,10,5],[10,20,15,10],[5,10,20,25]], correction=False)
    //   → chi2=31.836805555555557, dof=6, p=1.753593279953196e-05, expected_freq.min()=10.606060606060606
    const r = chiSquareTest(table);
    expect(r.statistic).toBeCloseTo(31.836805555555557, 10);
    expect(r.df).toBe(6);
    expectRelClose(r.pValue, 1.753593279953196e-5, 1e-9);
    expect(r.minExpected).toBeCloseTo(10.606060606060606, 12);
    // res.expected_freq.tolist()
    const expected = [
      [10.606060606060606, 13.636363636363637, 13.636363636363637, 12.121212121212121],
      [11.666666666666666, 15.0, 15.0, 13.333333333333334],
      [12.727272727272727, 16.363636363636363, 16.363636363636363, 14.545454545454545],
    ];
    r.expected.forEach((row, i) => row.forEach((e, j) => expect(e).toBeCloseTo(expected[i]![j]!, 12)));
    // contingency.association([[20,15,10,5],[10,20,15,10],[5,10,20,25]], method='cramer') → 0.31060452081411877
    expect(cramersV(table)).toBeCloseTo(0.31060452081411877, 12);
  });

  it("3×2 table and Cramér's V", () => {
    const table = [
      [30, 10],
      [25, 15],
      [5, 35],
    ];
    // stats.chi2_contingency([[30,10],[25,15],[5,35]], correction=False) → chi2=35.0, dof=2, p=2.51099915574398e-08, min 20.0
    const r = chiSquareTest(table);
    expect(r.statistic).toBeCloseTo(35, 10);
    expect(r.df).toBe(2);
    expectRelClose(r.pValue, 2.51099915574398e-8, 1e-9);
    expect(r.minExpected).toBeCloseTo(20, 12);
    // contingency.association([[30,10],[25,15],[5,35]], method='cramer') → 0.5400617248673217
    expect(cramersV(table)).toBeCloseTo(0.5400617248673217, 12);
  });

  it("tiny p-value to relative precision", () => {
    // stats.chi2_contingency([[500,100],[100,500]], correction=False) → chi2=533.3333333333334, p=5.318244953897286e-118
    const r = chiSquareTest([
      [500, 100],
      [100, 500],
    ]);
    expect(r.statistic).toBeCloseTo(533.3333333333334, 9);
    expectRelClose(r.pValue, 5.318244953897286e-118, 1e-8);
  });

  it("accepts non-integer (weighted) cells like scipy", () => {
    // stats.chi2_contingency([[10.5,4.25,3],[2.5,8.75,6]], correction=False) → chi2=7.475151914833482, dof=2,
    //   p=0.02381175393459388, expected_freq.min()=4.435714285714286
    const r = chiSquareTest([
      [10.5, 4.25, 3],
      [2.5, 8.75, 6],
    ]);
    expect(r.statistic).toBeCloseTo(7.475151914833482, 10);
    expect(r.df).toBe(2);
    expect(r.pValue).toBeCloseTo(0.02381175393459388, 12);
    expect(r.minExpected).toBeCloseTo(4.435714285714286, 12);
  });

  it("throws RangeError on a zero row/column total and malformed tables", () => {
    expect(() => chiSquareTest([[0, 0], [3, 4]])).toThrow(RangeError);
    expect(() => chiSquareTest([[0, 2], [0, 4]])).toThrow(RangeError);
    expect(() => chiSquareTest([[1, 2], [3]])).toThrow(RangeError);
    expect(() => chiSquareTest([[1, 2, 3]])).toThrow(RangeError);
    expect(() => chiSquareTest([[1], [2]])).toThrow(RangeError);
    expect(() => chiSquareTest([[1, -2], [3, 4]])).toThrow(RangeError);
    expect(() => chiSquareTest([[1, NaN], [3, 4]])).toThrow(RangeError);
    expect(() => cramersV([[0, 0], [3, 4]])).toThrow(RangeError);
  });
});

describe("phi and Cramér's V on 2×2", () => {
  // phi is checked as the Pearson correlation of the two 0/1 indicators:
  //   x = [1]*(a+b) + [0]*(c+d); y = [1]*a + [0]*b + [1]*c + [0]*d; np.corrcoef(x, y)[0, 1]
  it("is signed", () => {
    // (12,5,3,9) → 0.44932255263064774 ; (3,12,9,5) → -0.44932255263064763
    expect(phi(12, 5, 3, 9)).toBeCloseTo(0.44932255263064774, 12);
    expect(phi(3, 12, 9, 5)).toBeCloseTo(-0.44932255263064763, 12);
    expect(phi(10, 10, 10, 10)).toBe(0);
    expect(phi(1, 0, 0, 1)).toBeCloseTo(1, 14);
  });

  it("|phi| equals Cramér's V", () => {
    // contingency.association([[12,5],[3,9]], method='cramer') → 0.4493225526306476
    expect(cramersV([
      [12, 5],
      [3, 9],
    ])).toBeCloseTo(0.4493225526306476, 12);
  });

  it("is NaN when a margin is 0 and rejects negative counts", () => {
    expect(phi(0, 0, 3, 4)).toBeNaN();
    expect(phi(3, 0, 4, 0)).toBeNaN();
    expect(() => phi(-1, 2, 3, 4)).toThrow(RangeError);
  });
});

describe("twoByTwoTest", () => {
  it("uses chi-square when every expected count is >= 5", () => {
    // chi2_contingency([[12,5],[3,9]], correction=False) → 5.85483193277311, p 0.015534341414683461, min expected 5.793103448275862
    const r = twoByTwoTest(12, 5, 3, 9);
    expect(r.test).toBe("chi_square");
    expect(r.statistic).toBeCloseTo(5.85483193277311, 10);
    expect(r.pValue).toBeCloseTo(0.015534341414683461, 12);
    expect(r.minExpected).toBeCloseTo(5.793103448275862, 12);
  });

  it("uses chi-square at exactly 5 (the rule is < 5)", () => {
    // [[5,5],[5,5]]: every expected count is 5, chi2 = 0, p = 1
    const r = twoByTwoTest(5, 5, 5, 5);
    expect(r.test).toBe("chi_square");
    expect(r.minExpected).toBe(5);
    expect(r.statistic).toBe(0);
    expect(r.pValue).toBeCloseTo(1, 14);
  });

  it("switches to Fisher when an expected count is < 5", () => {
    // contingency.expected_freq([[8,2],[1,5]]).min() → 2.625 (= 6·7/16); stats.fisher_exact([[8,2],[1,5]]).pvalue → 0.034965034965034975
    const r = twoByTwoTest(8, 2, 1, 5);
    expect(r.test).toBe("fisher");
    expect(r.statistic).toBeNull();
    expect(r.pValue).toBeCloseTo(0.034965034965034975, 12);
    expect(r.minExpected).toBeCloseTo(2.625, 14);
  });

  it("falls back to Fisher (p = 1) instead of throwing when a margin is 0", () => {
    // stats.fisher_exact([[0,5],[0,7]]).pvalue → 1.0
    expect(twoByTwoTest(0, 5, 0, 7)).toEqual({ test: "fisher", statistic: null, pValue: 1, minExpected: 0 });
    expect(twoByTwoTest(0, 0, 0, 0)).toEqual({ test: "fisher", statistic: null, pValue: 1, minExpected: 0 });
  });

  it("rejects invalid counts", () => {
    expect(() => twoByTwoTest(-1, 2, 3, 4)).toThrow(RangeError);
    expect(() => twoByTwoTest(1.5, 2, 3, 4)).toThrow(RangeError);
  });
});
