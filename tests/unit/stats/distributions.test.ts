import { describe, expect, it } from "vitest";
import {
  chiSquareSurvival,
  logGamma,
  normalCdf,
  normalQuantile,
  regularizedGammaP,
  regularizedGammaQ,
  regularizedIncompleteBeta,
  studentTTwoSidedP,
  zForConfidence,
} from "../../../core/stats/index";
import { expectRelClose } from "./expect-rel-close";

// All references: scipy 1.17.1 / numpy 2.4.6, printed with repr() (python3 -c "from scipy import stats, special; ...").

describe("normalQuantile (Wichura AS 241)", () => {
  // [p, stats.norm.ppf(p)]
  const cases: Array<[number, number]> = [
    [1e-300, -37.0470962993612],
    [1e-20, -9.262340089798409],
    [1e-10, -6.361340902404056],
    [1e-5, -4.264890793922825],
    [0.001, -3.090232306167813],
    [0.025, -1.9599639845400545],
    [0.1, -1.2815515655446004],
    [0.3, -0.5244005127080409],
    [0.5, 0],
    [0.6, 0.2533471031357997],
    [0.9, 1.2815515655446004],
    [0.975, 1.959963984540054],
    [0.999, 3.090232306167813],
    [0.9999999999, 6.361340889697422],
  ];
  it.each(cases)("norm.ppf(%s) = %s", (p, expected) => {
    if (expected === 0) expect(normalQuantile(p)).toBe(0);
    else expectRelClose(normalQuantile(p), expected, 1e-12);
  });

  it("maps 0 and 1 to ∓Infinity and rejects p outside [0, 1]", () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(() => normalQuantile(-0.1)).toThrow(RangeError);
    expect(() => normalQuantile(1.1)).toThrow(RangeError);
    expect(() => normalQuantile(NaN)).toThrow(RangeError);
  });

  it("zForConfidence gives the two-sided critical value", () => {
    // stats.norm.ppf(0.975) → 1.959963984540054 ; stats.norm.ppf(0.995) → 2.5758293035489004
    expect(zForConfidence(0.95)).toBeCloseTo(1.959963984540054, 13);
    expect(zForConfidence(0.99)).toBeCloseTo(2.5758293035489004, 13);
    expect(() => zForConfidence(1)).toThrow(RangeError);
    expect(() => zForConfidence(0)).toThrow(RangeError);
  });
});

describe("normalCdf", () => {
  // [z, stats.norm.cdf(z)]
  const cases: Array<[number, number]> = [
    [-37, 5.7255712225239266e-300],
    [-20, 2.7536241186061556e-89],
    [-8, 6.22096057427174e-16],
    [-3, 0.0013498980316300933],
    [-1.96, 0.024997895148220435],
    [-1, 0.15865525393145707],
    [0, 0.5],
    [0.5, 0.6914624612740131],
    [1.644853626951472, 0.95],
    [3, 0.9986501019683699],
  ];
  it.each(cases)("norm.cdf(%s) = %s", (z, expected) => {
    expectRelClose(normalCdf(z), expected, 1e-12);
  });

  it("handles infinities and rejects NaN", () => {
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(() => normalCdf(NaN)).toThrow(RangeError);
  });
});

describe("chiSquareSurvival", () => {
  // [x, df, stats.chi2.sf(x, df)]
  const cases: Array<[number, number, number]> = [
    [0.1, 1, 0.7518296340458492],
    [3.841458820694124, 1, 0.04999999999999989],
    [5.85483193277311, 1, 0.015534341414683461],
    [31.836805555555557, 6, 1.753593279953196e-5],
    [50, 1, 1.537459794428033e-12],
    [200, 1, 2.0884875837625688e-45],
    [1000, 3, 1.7994208765314067e-216],
    [30, 10, 0.000856641210775301],
    [0.5, 20, 0.9999999999997906],
    [150, 100, 0.0009039320423540184],
    [10, 0.5, 0.0004920251244463395],
    [80, 40, 0.0001763028977385677],
    [400, 300, 9.678621994933555e-5],
  ];
  it.each(cases)("chi2.sf(%s, %s) = %s", (x, df, expected) => {
    expectRelClose(chiSquareSurvival(x, df), expected, 1e-10);
  });

  it("underflows to 0 far in the tail like scipy, and is 1 at x <= 0", () => {
    // stats.chi2.sf(2000, 5) → 0.0 (true value ≈ 1e-428 is below the double range)
    expect(chiSquareSurvival(2000, 5)).toBe(0);
    expect(chiSquareSurvival(0, 3)).toBe(1);
    expect(chiSquareSurvival(Infinity, 3)).toBe(0);
  });

  it("rejects invalid df and NaN", () => {
    expect(() => chiSquareSurvival(1, 0)).toThrow(RangeError);
    expect(() => chiSquareSurvival(1, -2)).toThrow(RangeError);
    expect(() => chiSquareSurvival(NaN, 2)).toThrow(RangeError);
  });
});

describe("studentTTwoSidedP", () => {
  // [t, df, 2 * stats.t.sf(abs(t), df)]
  const cases: Array<[number, number, number]> = [
    [0.1, 1, 0.936548965138893],
    [2, 3, 0.13932596855884305],
    [2.5, 10, 0.03144684423660882],
    [5, 28, 2.7733414997812672e-5],
    [40, 5, 1.8411962171772954e-7],
    [20, 100, 9.994267861337003e-37],
    [1e-6, 7, 0.9999992300170983],
    [3, 1000, 0.0027667090442381925],
    [100, 2, 9.998500249956258e-5],
    [-2.2281388519649385, 10, 0.05000000000180864],
    [60, 198, 5.7342781219406197e-129],
  ];
  it.each(cases)("2*t.sf(|%s|, %s) = %s", (t, df, expected) => {
    expectRelClose(studentTTwoSidedP(t, df), expected, 1e-10);
  });

  it("is 1 at t = 0, 0 at ±Infinity, and rejects bad input", () => {
    expect(studentTTwoSidedP(0, 5)).toBe(1);
    expect(studentTTwoSidedP(Infinity, 5)).toBe(0);
    expect(studentTTwoSidedP(-Infinity, 5)).toBe(0);
    expect(() => studentTTwoSidedP(1, 0)).toThrow(RangeError);
    expect(() => studentTTwoSidedP(NaN, 3)).toThrow(RangeError);
  });
});

describe("logGamma and incomplete gamma/beta", () => {
  // [x, special.gammaln(x)]
  const cases: Array<[number, number]> = [
    [1e-8, 18.42068073818021],
    [0.1, 2.252712651734206],
    [0.5, 0.5723649429247],
    [1.5, -0.12078223763524526],
    [10.3, 13.482036786138359],
    [100, 359.1342053695754],
    [10000, 82099.71749644238],
  ];
  it.each(cases)("gammaln(%s) = %s", (x, expected) => {
    expectRelClose(logGamma(x), expected, 1e-13);
  });

  it("is (numerically) 0 at 1 and 2 and rejects x <= 0", () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(2)).toBeCloseTo(0, 14);
    expect(() => logGamma(0)).toThrow(RangeError);
    expect(() => logGamma(-1.5)).toThrow(RangeError);
  });

  it("matches scipy.special.gammainc / gammaincc / betainc", () => {
    // special.gammainc(2.5, 1.3) → 0.23863473215498604 ; special.gammaincc(2.5, 1.3) → 0.761365267845014
    expect(regularizedGammaP(2.5, 1.3)).toBeCloseTo(0.23863473215498604, 13);
    expect(regularizedGammaQ(2.5, 1.3)).toBeCloseTo(0.761365267845014, 13);
    // special.betainc(2.0, 3.5, 0.4) → 0.5984490866652151
    expect(regularizedIncompleteBeta(0.4, 2, 3.5)).toBeCloseTo(0.5984490866652151, 13);
    expect(() => regularizedIncompleteBeta(1.2, 2, 3)).toThrow(RangeError);
    expect(() => regularizedGammaP(0, 1)).toThrow(RangeError);
  });
});
