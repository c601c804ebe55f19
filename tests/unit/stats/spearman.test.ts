import { describe, expect, it } from "vitest";
import { averageRanks, spearman } from "../../../core/stats/index";
import { expectRelClose } from "./expect-rel-close";

// References: scipy 1.17.1, res = stats.spearmanr(x, y) → res.statistic, res.pvalue; stats.rankdata(v) (method='average').

describe("averageRanks", () => {
  it("gives tied values the mean of their ranks", () => {
    // stats.rankdata([3,1,4,1,5,9,2,6,5,3,5]).tolist() → [4.5, 1.5, 6.0, 1.5, 8.0, 11.0, 3.0, 10.0, 8.0, 4.5, 8.0]
    expect(averageRanks([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])).toEqual([4.5, 1.5, 6, 1.5, 8, 11, 3, 10, 8, 4.5, 8]);
    // stats.rankdata([10,20,20,20,50,40,60]).tolist() → [1.0, 3.0, 3.0, 3.0, 6.0, 5.0, 7.0]
    expect(averageRanks([10, 20, 20, 20, 50, 40, 60])).toEqual([1, 3, 3, 3, 6, 5, 7]);
    // stats.rankdata([-0.5,2.5,-0.5,7,2.5,2.5]).tolist() → [1.5, 4.0, 1.5, 6.0, 4.0, 4.0]
    expect(averageRanks([-0.5, 2.5, -0.5, 7, 2.5, 2.5])).toEqual([1.5, 4, 1.5, 6, 4, 4]);
  });

  it("handles empty input, does not mutate, and rejects non-finite values", () => {
    expect(averageRanks([])).toEqual([]);
    const v = [3, 1, 2];
    averageRanks(v);
    expect(v).toEqual([3, 1, 2]);
    expect(() => averageRanks([1, NaN])).toThrow(RangeError);
  });
});

describe("spearman", () => {
  it("no ties", () => {
    // stats.spearmanr([1,2,3,4,5,6,7,8,9,10], [2,1,4,3,7,8,6,5,10,9]) → 0.8545454545454544, p=0.0016368033159867156
    const r = spearman([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [2, 1, 4, 3, 7, 8, 6, 5, 10, 9]);
    expect(r.rho).toBeCloseTo(0.8545454545454544, 12);
    expect(r.pValue).toBeCloseTo(0.0016368033159867156, 12);
    expect(r.n).toBe(10);
  });

  it("ties in both variables use average ranks", () => {
    // stats.spearmanr([3,1,4,1,5,9,2,6,5,3,5], [2,7,1,8,2,8,1,8,2,8,4]) → 0.1384567651467695, p=0.6847503048108998
    const r = spearman([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5], [2, 7, 1, 8, 2, 8, 1, 8, 2, 8, 4]);
    expect(r.rho).toBeCloseTo(0.1384567651467695, 12);
    expect(r.pValue).toBeCloseTo(0.6847503048108998, 12);
    // stats.spearmanr([1,2,2,3,3,3,4], [10,20,20,20,50,40,60]) → 0.8932459829877099, p=0.006747052676460189
    const s = spearman([1, 2, 2, 3, 3, 3, 4], [10, 20, 20, 20, 50, 40, 60]);
    expect(s.rho).toBeCloseTo(0.8932459829877099, 12);
    expect(s.pValue).toBeCloseTo(0.006747052676460189, 12);
    // stats.spearmanr([1,2,3,4,5], [5,6,7,8,7]) → 0.8207826816681233, p=0.08858700531354384
    const t = spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]);
    expect(t.rho).toBeCloseTo(0.8207826816681233, 12);
    expect(t.pValue).toBeCloseTo(0.08858700531354384, 12);
  });

  it("smallest allowed n = 3", () => {
    // stats.spearmanr([1,2,3], [3,1,2]) → -0.5, p=0.6666666666666666
    const r = spearman([1, 2, 3], [3, 1, 2]);
    expect(r.rho).toBeCloseTo(-0.5, 14);
    expect(r.pValue).toBeCloseTo(0.6666666666666666, 12);
  });

  it("tiny p-value for n = 200 to relative precision", () => {
    // x = list(range(1, 201)); y = [i + ((i*37) % 11)*3 for i in x]
    // stats.spearmanr(x, y) → 0.98732768319208, p=2.950982378303671e-160
    const x = Array.from({ length: 200 }, (_, i) => i + 1);
    const y = x.map((i) => i + ((i * 37) % 11) * 3);
    const r = spearman(x, y);
    expect(r.rho).toBeCloseTo(0.98732768319208, 12);
    expectRelClose(r.pValue, 2.950982378303671e-160, 1e-8);
  });

  it("perfect monotone association gives rho ±1 and p 0", () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 1000])).toEqual({ rho: 1, pValue: 0, n: 4 });
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toEqual({ rho: -1, pValue: 0, n: 4 });
  });

  it("all ties in one variable → rho NaN, pValue NaN", () => {
    // stats.spearmanr([5,5,5,5], [1,2,3,4]) → nan, nan (ConstantInputWarning)
    const r = spearman([5, 5, 5, 5], [1, 2, 3, 4]);
    expect(r.rho).toBeNaN();
    expect(r.pValue).toBeNaN();
    expect(r.n).toBe(4);
    expect(spearman([1, 2, 3], [7, 7, 7]).rho).toBeNaN();
  });

  it("rejects mismatched lengths, n < 3 and non-finite values", () => {
    expect(() => spearman([1, 2, 3], [1, 2])).toThrow(RangeError);
    expect(() => spearman([1, 2], [1, 2])).toThrow(RangeError);
    expect(() => spearman([], [])).toThrow(RangeError);
    expect(() => spearman([1, 2, NaN], [1, 2, 3])).toThrow(RangeError);
  });
});
