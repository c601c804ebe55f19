import { describe, expect, it } from "vitest";
import { oddsRatio } from "../../../core/stats/index";

// Reference by hand in python3 (scipy 1.17.1):
//   def woolf(a, b, c, d, conf=0.95):
//       z = stats.norm.ppf(1 - (1 - conf) / 2)
//       if 0 in (a, b, c, d): a, b, c, d = [v + 0.5 for v in (a, b, c, d)]
//       o = a*d/(b*c); se = math.sqrt(1/a + 1/b + 1/c + 1/d)
//       return o, math.exp(math.log(o) - z*se), math.exp(math.log(o) + z*se)
// For tables without zeros, also scipy.stats.contingency.odds_ratio(table, kind='sample') and its
// .confidence_interval(0.95) (normal approximation on log OR = Woolf), which give identical values.

describe("oddsRatio (Woolf logit interval)", () => {
  it("[[12, 5], [3, 9]]", () => {
    // woolf(12,5,3,9) → (7.2, 1.3526124296166464, 38.32583441118632); odds_ratio([[12,5],[3,9]], kind='sample') same
    const r = oddsRatio(12, 5, 3, 9);
    expect(r.oddsRatio).toBeCloseTo(7.2, 12);
    expect(r.lower).toBeCloseTo(1.3526124296166464, 10);
    expect(r.upper).toBeCloseTo(38.32583441118632, 9);
    expect(r.corrected).toBe(false);
  });

  it("OR < 1 and large n", () => {
    // woolf(3,12,9,5) → (0.1388888888888889, 0.02609206075649396, 0.7393100773762792)
    const r = oddsRatio(3, 12, 9, 5);
    expect(r.oddsRatio).toBeCloseTo(0.1388888888888889, 12);
    expect(r.lower).toBeCloseTo(0.02609206075649396, 12);
    expect(r.upper).toBeCloseTo(0.7393100773762792, 12);
    // woolf(120,4880,80,4920) → (1.5122950819672132, 1.1365236244907682, 2.0123087331043834)
    const big = oddsRatio(120, 4880, 80, 4920);
    expect(big.oddsRatio).toBeCloseTo(1.5122950819672132, 12);
    expect(big.lower).toBeCloseTo(1.1365236244907682, 12);
    expect(big.upper).toBeCloseTo(2.0123087331043834, 12);
  });

  it("adds 0.5 to every cell when any cell is 0 (Haldane–Anscombe)", () => {
    // woolf(10,0,5,8) → uses (10.5, 0.5, 5.5, 8.5): (32.45454545454545, 1.5633481195842327, 673.7447069314786)
    const r = oddsRatio(10, 0, 5, 8);
    expect(r.corrected).toBe(true);
    expect(r.oddsRatio).toBeCloseTo(32.45454545454545, 10);
    expect(r.lower).toBeCloseTo(1.5633481195842327, 10);
    expect(r.upper).toBeCloseTo(673.7447069314786, 8);
    // woolf(0,0,0,0) → (1.0, 0.0039123569057351645, 255.60040254356386)
    const empty = oddsRatio(0, 0, 0, 0);
    expect(empty.corrected).toBe(true);
    expect(empty.oddsRatio).toBe(1);
    expect(empty.lower).toBeCloseTo(0.0039123569057351645, 12);
    expect(empty.upper).toBeCloseTo(255.60040254356386, 9);
  });

  it("honours the confidence level", () => {
    // woolf(12,5,3,9,0.90) → (7.2, 1.769785164473751, 29.291690901598628)
    const r = oddsRatio(12, 5, 3, 9, 0.9);
    expect(r.lower).toBeCloseTo(1.769785164473751, 10);
    expect(r.upper).toBeCloseTo(29.291690901598628, 9);
  });

  it("rejects invalid input with RangeError", () => {
    expect(() => oddsRatio(-1, 5, 3, 9)).toThrow(RangeError);
    expect(() => oddsRatio(1.5, 5, 3, 9)).toThrow(RangeError);
    expect(() => oddsRatio(1, 5, 3, 9, 1)).toThrow(RangeError);
  });
});
