import { describe, expect, it } from "vitest";
import { proportionDifference, wilsonInterval } from "../../../core/stats/index";

// statsmodels is not installed here, so references are the Wilson formula evaluated by hand in python3 (scipy 1.17.1):
//   def wilson(x, n, conf=0.95):
//       z = stats.norm.ppf(1 - (1 - conf) / 2); p = x / n
//       c = (p + z*z/(2*n)) / (1 + z*z/n); h = z / (1 + z*z/n) * math.sqrt(p*(1-p)/n + z*z/(4*n*n))
//       return p, c - h, c + h
// and Newcombe RG (1998) "Two-sided confidence intervals for the single proportion", Stat Med 17:857–872, Table I
// (method 3, score without continuity correction), which the python values reproduce to 4 d.p.

describe("wilsonInterval", () => {
  it.each([
    // [x, n, wilson(x, n) → p, lower, upper]; Newcombe 1998 Table I: 81/263 → 0.2553–0.3662
    [81, 263, 0.30798479087452474, 0.2552885198782742, 0.36620957698280004],
    // Newcombe 1998 Table I: 15/148 → 0.0624–0.1605
    [15, 148, 0.10135135135135136, 0.0623863995307363, 0.16048724172330803],
    // Newcombe 1998 Table I: 1/29 → 0.0061–0.1718
    [1, 29, 0.034482758620689655, 0.006113214292762653, 0.17175521879320288],
    [7, 10, 0.7, 0.39677814746114537, 0.8922087325936989],
  ])("%i/%i matches the hand-computed Wilson interval", (x, n, p, lower, upper) => {
    const r = wilsonInterval(x, n);
    expect(r.proportion).toBeCloseTo(p, 14);
    expect(r.lower).toBeCloseTo(lower, 12);
    expect(r.upper).toBeCloseTo(upper, 12);
  });

  it("agrees with Newcombe (1998) Table I to the published 4 decimals", () => {
    const r = wilsonInterval(81, 263);
    expect(r.lower.toFixed(4)).toBe("0.2553");
    expect(r.upper.toFixed(4)).toBe("0.3662");
    const zero = wilsonInterval(0, 20); // Table I: 0/20 → 0.0000–0.1611
    expect(zero.upper.toFixed(4)).toBe("0.1611");
  });

  it("0 successes: lower bound exactly 0", () => {
    // wilson(0, 20) → (0.0, 0.0, 0.16112515805281938); Newcombe 1998 Table I: 0.0000–0.1611
    expect(wilsonInterval(0, 20)).toEqual({ proportion: 0, lower: 0, upper: expect.closeTo(0.16112515805281938, 12) });
    // wilson(0, 1) → (0.0, 0.0, 0.7934506856227626)
    expect(wilsonInterval(0, 1).upper).toBeCloseTo(0.7934506856227626, 12);
  });

  it("n successes: upper bound exactly 1", () => {
    // wilson(29, 29) → (1.0, 0.8830302015002593, 1.0)
    expect(wilsonInterval(29, 29)).toEqual({ proportion: 1, lower: expect.closeTo(0.8830302015002593, 12), upper: 1 });
    // wilson(5, 5) → (1.0, 0.5655175352168251, 1.0)
    expect(wilsonInterval(5, 5).lower).toBeCloseTo(0.5655175352168251, 12);
  });

  it("honours the confidence level", () => {
    // wilson(81, 263, 0.99) → (.., 0.24013690268760773, 0.38528250231822986)
    const r99 = wilsonInterval(81, 263, 0.99);
    expect(r99.lower).toBeCloseTo(0.24013690268760773, 12);
    expect(r99.upper).toBeCloseTo(0.38528250231822986, 12);
    // wilson(7, 10, 0.90) → (0.7, 0.44169979586983504, 0.8731234160968022)
    const r90 = wilsonInterval(7, 10, 0.9);
    expect(r90.lower).toBeCloseTo(0.44169979586983504, 12);
    expect(r90.upper).toBeCloseTo(0.8731234160968022, 12);
  });

  it("n = 0 gives proportion NaN and the whole [0, 1] interval", () => {
    const r = wilsonInterval(0, 0);
    expect(r.proportion).toBeNaN();
    expect(r.lower).toBe(0);
    expect(r.upper).toBe(1);
  });

  it("rejects invalid input with RangeError", () => {
    expect(() => wilsonInterval(-1, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(1, -10)).toThrow(RangeError);
    expect(() => wilsonInterval(1, NaN)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 10, 1)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 10, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 10, 95)).toThrow(RangeError);
  });
});

// Newcombe method 10 computed in python3 from wilson() above:
//   def newc(x1, n1, x2, n2, conf=0.95):
//       p1, l1, u1 = wilson(x1, n1, conf); p2, l2, u2 = wilson(x2, n2, conf); d = p1 - p2
//       return d, d - math.sqrt((p1-l1)**2 + (u2-p2)**2), d + math.sqrt((u1-p1)**2 + (p2-l2)**2)
// and Newcombe RG (1998) "Interval estimation for the difference between independent proportions", Stat Med 17:873–890,
// Table II, method 10, examples (a), (b), (d)–(h); the python values reproduce the published 4-decimal bounds.
describe("proportionDifference (Newcombe hybrid score, method 10)", () => {
  it.each([
    // [x1, n1, x2, n2, d, lower, upper, published lower, published upper]
    [56, 70, 48, 80, 0.2, 0.052431472402365065, 0.333872654036906, "0.0524", "0.3339"], // (a)
    [9, 10, 3, 10, 0.6, 0.17052272393450302, 0.8090179735354881, "0.1705", "0.8090"], // (b)
    [5, 56, 0, 29, 0.08928571428571429, -0.03813714790353688, 0.19256001385511162, "-0.0381", "0.1926"], // (d)
    [0, 10, 0, 20, 0, -0.16112515805281938, 0.2775327998628892, "-0.1611", "0.2775"], // (e)
    [0, 10, 0, 10, 0, -0.2775327998628892, 0.2775327998628892, "-0.2775", "0.2775"], // (f)
    [10, 10, 0, 20, 1, 0.6790860371419147, 1, "0.6791", "1.0000"], // (g)
    [10, 10, 0, 10, 1, 0.6075093504305242, 1, "0.6075", "1.0000"], // (h)
  ])("%i/%i − %i/%i", (x1, n1, x2, n2, d, lower, upper, pubLower, pubUpper) => {
    const r = proportionDifference(x1, n1, x2, n2);
    expect(r.difference).toBeCloseTo(d, 14);
    expect(r.lower).toBeCloseTo(lower, 12);
    expect(r.upper).toBeCloseTo(upper, 12);
    expect(r.lower.toFixed(4)).toBe(pubLower);
    expect(r.upper.toFixed(4)).toBe(pubUpper);
  });

  it("6/7 − 2/7 (python only)", () => {
    // newc(6, 7, 2, 7) → (0.5714285714285714, 0.0582279274823122, 0.8062496375242277)
    const r = proportionDifference(6, 7, 2, 7);
    expect(r.lower).toBeCloseTo(0.0582279274823122, 12);
    expect(r.upper).toBeCloseTo(0.8062496375242277, 12);
  });

  it("is antisymmetric in the two groups and honours the confidence level", () => {
    const ab = proportionDifference(56, 70, 48, 80);
    const ba = proportionDifference(48, 80, 56, 70);
    expect(ba.difference).toBeCloseTo(-ab.difference, 14);
    expect(ba.lower).toBeCloseTo(-ab.upper, 14);
    expect(ba.upper).toBeCloseTo(-ab.lower, 14);
    // newc(56, 70, 48, 80, 0.90) → (0.2, 0.07656419154407207, 0.31364458358294384)
    const r90 = proportionDifference(56, 70, 48, 80, 0.9);
    expect(r90.lower).toBeCloseTo(0.07656419154407207, 12);
    expect(r90.upper).toBeCloseTo(0.31364458358294384, 12);
  });

  it("an empty group gives difference NaN and the whole [−1, 1] interval", () => {
    const r = proportionDifference(0, 0, 3, 10);
    expect(r.difference).toBeNaN();
    expect(r.lower).toBe(-1);
    expect(r.upper).toBe(1);
  });

  it("rejects invalid input with RangeError", () => {
    expect(() => proportionDifference(11, 10, 1, 10)).toThrow(RangeError);
    expect(() => proportionDifference(1, 10, -1, 10)).toThrow(RangeError);
    expect(() => proportionDifference(1, 10, 1, 10, 1.5)).toThrow(RangeError);
  });
});
