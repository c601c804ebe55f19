import { describe, expect, it } from "vitest";
import { differenceInDifferences, proportionContrast, studentTCritical, welchTTest } from "../../../core/stats/index";
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

// References: tests/unit/stats/reference_figures.py (numpy 2.4.6, scipy 1.17.1), functions contrast() and did():
// Price & Bonett (2004) adjusted Wald, p̃ = (x + 2/m)/(n + 4/m), SE = √Σ c²p̃(1 − p̃)/(n + 4/m), z = Σcp̃/SE,
// p = 2*stats.norm.sf(|z|), interval Σcp̃ ∓ stats.norm.ppf(0.975)*SE, the DiD interval clamped to [−2, 2].
describe("proportionContrast (Price & Bonett adjusted Wald)", () => {
  it("reproduces the published example of R statpsych::ci.lc.prop.bs", () => {
    // ci.lc.prop.bs(.05, f = c(26, 24, 38), n = c(60, 60, 60), v = c(-.5, -.5, 1)) documents
    // Estimate 0.2119565, SE 0.07602892, z 2.787841, p 0.005306059, LL 0.06294259, UL 0.3609705;
    // reference_figures.py contrast(...) → 0.21195652173913038, 0.07602891554812993, 2.787840918301035,
    // 0.005306059233649518, 0.06294258548115836, 0.36097045799710237
    const r = proportionContrast([{ count: 26, n: 60 }, { count: 24, n: 60 }, { count: 38, n: 60 }], [-0.5, -0.5, 1], true);
    expect(r.estimate).toBeCloseTo(0.21195652173913038, 12);
    expect(r.se).toBeCloseTo(0.07602891554812993, 12);
    expect(r.z).toBeCloseTo(2.787840918301035, 10);
    expectRelClose(r.pValue, 0.005306059233649518, 1e-8);
    expect(r.lower).toBeCloseTo(0.06294258548115836, 10);
    expect(r.upper).toBeCloseTo(0.36097045799710237, 10);
  });
});

describe("differenceInDifferences with a degenerate variance", () => {
  it("never gives p = 0 or a zero-width interval when every group is at 0% or 100% (5/5, 0/5 → 0/5, 5/5)", () => {
    // did((5,5), (0,5), (0,5), (5,5)) → change −2.0, adjusted, z −7.385489458759963, p 1.51893571195179e-13,
    // interval (−2 [clamped from −2.109], −1.2243660366081466).
    // The old Wald SE was 0: z = −∞, p = 0, interval [−2, −2].
    const r = differenceInDifferences({ yes: { count: 5, n: 5 }, no: { count: 0, n: 5 } }, { yes: { count: 0, n: 5 }, no: { count: 5, n: 5 } });
    expect(r.change).toBe(-2);
    expect(r.adjusted).toBe(true);
    expect(r.z).toBeCloseTo(-7.385489458759963, 10);
    expectRelClose(r.pValue, 1.51893571195179e-13, 1e-7);
    expect(r.pValue).toBeGreaterThan(0);
    expect(r.lower).toBe(-2);
    expect(r.upper).toBeCloseTo(-1.2243660366081466, 10);
    expect(r.upper - r.lower).toBeGreaterThan(0.5);
  });

  it("no change between two degenerate waves is p ≈ 1 with a real interval, not p = 1 on a point", () => {
    // did((5,5), (0,5), (5,5), (0,5)) → change 0, z ≈ 0, p 0.9999999999999999, interval (−0.44230063005852, 0.4423006300585201)
    const r = differenceInDifferences({ yes: { count: 5, n: 5 }, no: { count: 0, n: 5 } }, { yes: { count: 5, n: 5 }, no: { count: 0, n: 5 } });
    expect(r.change).toBe(0);
    expect(r.pValue).toBeCloseTo(1, 12);
    expect(r.lower).toBeCloseTo(-0.44230063005852, 10);
    expect(r.upper).toBeCloseTo(0.4423006300585201, 10);
  });

  it("adjusts when only some groups are at 0% or 100%", () => {
    // did((10,10), (5,30), (20,20), (10,30)) → change −0.16666666666666663, z −1.0715245653303687,
    // p 0.28393363124812665, interval (−0.39507552558912307, 0.11578492371787608)
    const r = differenceInDifferences({ yes: { count: 10, n: 10 }, no: { count: 5, n: 30 } }, { yes: { count: 20, n: 20 }, no: { count: 10, n: 30 } });
    expect(r.adjusted).toBe(true);
    expect(r.change).toBeCloseTo(-0.16666666666666663, 12);
    expect(r.z).toBeCloseTo(-1.0715245653303687, 10);
    expectRelClose(r.pValue, 0.28393363124812665, 1e-8);
    expect(r.lower).toBeCloseTo(-0.39507552558912307, 10);
    expect(r.upper).toBeCloseTo(0.11578492371787608, 10);
  });

  it("keeps the interval inside [−2, 2] (±200 points) and its verdict in step with p", () => {
    // did((1,1), (0,1), (0,1), (1,1)) → change −2, z −1.6329931618554523, p 0.10247043485974937, interval (−2 [clamped], 0.20022791908882742)
    const r = differenceInDifferences({ yes: { count: 1, n: 1 }, no: { count: 0, n: 1 } }, { yes: { count: 0, n: 1 }, no: { count: 1, n: 1 } });
    expect(r.lower).toBe(-2);
    expect(r.upper).toBeCloseTo(0.20022791908882742, 10);
    expectRelClose(r.pValue, 0.10247043485974937, 1e-8);
    for (const [by, bn, ay, an] of [
      [5, 0, 0, 5],
      [5, 0, 5, 0],
      [5, 1, 0, 4],
      [3, 2, 4, 1],
      [0, 0, 5, 5],
    ] as const) {
      const x = differenceInDifferences({ yes: { count: by, n: 5 }, no: { count: bn, n: 5 } }, { yes: { count: ay, n: 5 }, no: { count: an, n: 5 } });
      expect(x.lower).toBeGreaterThanOrEqual(-2);
      expect(x.upper).toBeLessThanOrEqual(2);
      expect(x.upper).toBeGreaterThan(x.lower);
      expect(x.pValue).toBeGreaterThan(0);
      expect(x.lower > 0 || x.upper < 0).toBe(x.pValue < 0.05);
    }
  });

  it("is the plain Wald test when no group is at 0% or 100% (unchanged for large groups)", () => {
    const r = differenceInDifferences({ yes: { count: 30, n: 40 }, no: { count: 50, n: 120 } }, { yes: { count: 45, n: 50 }, no: { count: 40, n: 130 } });
    expect(r.adjusted).toBe(false);
  });
});
