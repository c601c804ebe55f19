import { describe, expect, it } from "vitest";
import { differenceInDifferences, studentTCritical, welchTTest } from "../../../lib/stats";
import { expectRelClose } from "./expect-rel-close";

describe("welchTTest", () => {
  it("equals scipy.stats.ttest_ind(b, a, equal_var=False) and its confidence interval", () => {
    // a = np.repeat([10,20,30,40],[3,5,7,2]); b = np.repeat([15,25,35,45,50],[2,6,6,4,3]) (floats)
    // a.mean()=24.705882352941178, a.var(ddof=1)=88.97058823529413; b.mean()=34.285714285714285, b.var(ddof=1)=123.21428571428574
    // r = stats.ttest_ind(b, a, equal_var=False) → statistic 2.8752696521403136, pvalue 0.006748032872496831, df 35.89395330990774
    // r.confidence_interval(0.95) → (2.8219290810555187, 16.337734784490696)
    const r = welchTTest({ n: 17, mean: 24.705882352941178, variance: 88.97058823529413 }, { n: 21, mean: 34.285714285714285, variance: 123.21428571428574 });
    expect(r.difference).toBeCloseTo(34.285714285714285 - 24.705882352941178, 12);
    expect(r.t).toBeCloseTo(2.8752696521403136, 10);
    expect(r.df).toBeCloseTo(35.89395330990774, 9);
    expectRelClose(r.pValue, 0.006748032872496831, 1e-8);
    expect(r.lower).toBeCloseTo(2.8219290810555187, 8);
    expect(r.upper).toBeCloseTo(16.337734784490696, 8);
  });

  it("refuses samples it cannot test", () => {
    expect(() => welchTTest({ n: 1, mean: 3, variance: 0 }, { n: 5, mean: 2, variance: 1 })).toThrow(RangeError);
    expect(() => welchTTest({ n: 4, mean: 3, variance: 0 }, { n: 5, mean: 2, variance: 0 })).toThrow(/zero variance/);
  });
});

describe("studentTCritical", () => {
  it("equals scipy.stats.t.ppf(0.975, df)", () => {
    // stats.t.ppf(0.975, 7.5) = 2.333039626864974; stats.t.ppf(0.975, 120) = 1.9799304050824402
    expect(studentTCritical(7.5)).toBeCloseTo(2.333039626864974, 9);
    expect(studentTCritical(120)).toBeCloseTo(1.9799304050824402, 9);
  });
});

describe("differenceInDifferences", () => {
  it("is the Wald z-test of the change of a difference of proportions", () => {
    // p = lambda g: g[0]/g[1]; before yes (30,40) no (50,120), after yes (45,50) no (40,130)
    // ch = (p(ay)-p(an)) - (p(by)-p(bn)); se = np.sqrt(sum(p(g)*(1-p(g))/g[1] for g in groups)); z = ch/se
    // → ch 0.258974358974359, ch ∓ stats.norm.ppf(0.975)*se = (0.061498274994051166, 0.45645044295466686),
    //   z 2.5703386773646297, 2*stats.norm.sf(abs(z)) = 0.010159913442392124
    const r = differenceInDifferences({ yes: { count: 30, n: 40 }, no: { count: 50, n: 120 } }, { yes: { count: 45, n: 50 }, no: { count: 40, n: 130 } });
    expect(r.change).toBeCloseTo(0.258974358974359, 12);
    expect(r.lower).toBeCloseTo(0.061498274994051166, 10);
    expect(r.upper).toBeCloseTo(0.45645044295466686, 10);
    expect(r.z).toBeCloseTo(2.5703386773646297, 10);
    expectRelClose(r.pValue, 0.010159913442392124, 1e-8);
  });

  it("needs every group to have people", () => {
    expect(() => differenceInDifferences({ yes: { count: 0, n: 0 }, no: { count: 1, n: 2 } }, { yes: { count: 1, n: 2 }, no: { count: 1, n: 2 } })).toThrow(RangeError);
  });
});
