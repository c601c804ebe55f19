import { describe, expect, it } from "vitest";
import { correctedPointBiserial, cronbachAlpha, kr20 } from "../../../core/stats/index";
import { expectRelClose } from "./expect-rel-close";

// Reference data: a seeded two-parameter-logistic simulation, 40 respondents × 6 items (numpy 2.4.6, scipy 1.17.1):
//   rng = np.random.default_rng(7); n, k = 40, 6
//   theta = rng.standard_normal(n); a = rng.uniform(0.8, 2.0, k); b = np.linspace(-1.5, 1.5, k)
//   X = (rng.random((n, k)) < 1 / (1 + np.exp(-a * (theta[:, None] - b)))).astype(int)
// References:
//   def kr20(X): X = np.asarray(X, dtype=float); k = X.shape[1]; p = X.mean(axis=0)
//                return k / (k - 1) * (1 - (p * (1 - p)).sum() / X.sum(axis=1).var(ddof=0))
//   def alpha(X, ddof): k = X.shape[1]; return k / (k - 1) * (1 - X.var(axis=0, ddof=ddof).sum() / X.sum(axis=1).var(ddof=ddof))
//   tot = X.sum(axis=1); stats.pointbiserialr(X[:, j], tot - X[:, j]).statistic
const X = [
  [1, 1, 0, 1, 0, 1],
  [1, 1, 1, 0, 0, 0],
  [1, 1, 0, 0, 0, 0],
  [1, 1, 1, 0, 0, 0],
  [1, 0, 0, 1, 0, 0],
  [0, 0, 1, 0, 0, 0],
  [1, 0, 1, 0, 0, 0],
  [1, 1, 1, 1, 1, 1],
  [1, 1, 1, 1, 0, 0],
  [1, 1, 0, 0, 0, 0],
  [1, 1, 1, 0, 0, 1],
  [1, 1, 1, 0, 1, 0],
  [1, 1, 1, 0, 0, 0],
  [1, 1, 0, 0, 0, 0],
  [1, 1, 1, 0, 0, 0],
  [1, 1, 0, 0, 0, 0],
  [0, 0, 0, 1, 0, 0],
  [0, 1, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0],
  [0, 0, 1, 0, 0, 0],
  [0, 0, 0, 0, 0, 0],
  [1, 1, 1, 0, 0, 0],
  [1, 0, 0, 0, 0, 0],
  [1, 1, 1, 1, 1, 1],
  [1, 1, 1, 1, 0, 1],
  [1, 0, 1, 0, 0, 0],
  [0, 0, 0, 0, 0, 0],
  [1, 1, 1, 1, 0, 0],
  [1, 0, 0, 1, 0, 0],
  [1, 1, 1, 0, 1, 0],
  [0, 0, 0, 0, 0, 0],
  [0, 1, 1, 0, 0, 0],
  [0, 1, 0, 0, 0, 0],
  [1, 1, 0, 0, 0, 0],
  [1, 1, 1, 1, 1, 1],
  [1, 0, 0, 1, 0, 0],
  [1, 1, 1, 0, 0, 0],
  [1, 1, 1, 1, 0, 0],
  [1, 1, 0, 0, 0, 0],
  [1, 1, 1, 0, 0, 0]
];
const totals = X.map((row) => row.reduce((s, v) => s + v, 0));

describe("kr20", () => {
  it("equals KR-20 by the formula in numpy, and Cronbach's alpha on 0/1 data", () => {
    // kr20(X) → 0.6812561334641807; alpha(X, 0) → 0.6812561334641807; alpha(X, 1) → 0.6812561334641806
    expectRelClose(kr20(X), 0.6812561334641807, 1e-12);
    // cronbachAlpha uses n − 1 in both variances, kr20 n in both: the ratio, hence the value, is the same.
    expectRelClose(kr20(X), cronbachAlpha(X), 1e-12);
  });

  it("two checks per capability, and negative when items disagree", () => {
    // kr20([[1,1],[1,0],[0,0],[1,1],[0,1],[1,1],[0,0],[1,0],[1,1],[0,0]]) → 0.5797101449275361
    const two = [[1, 1], [1, 0], [0, 0], [1, 1], [0, 1], [1, 1], [0, 0], [1, 0], [1, 1], [0, 0]];
    expectRelClose(kr20(two), 0.5797101449275361, 1e-12);
    expectRelClose(kr20(two), cronbachAlpha(two), 1e-12);
    // kr20([[1,0,1],[0,1,0],[1,1,0],[0,0,1],[1,0,0]]) → -3.0
    expectRelClose(kr20([[1, 0, 1], [0, 1, 0], [1, 1, 0], [0, 0, 1], [1, 0, 0]]), -3, 1e-12);
  });

  it("is NaN when every respondent has the same total", () => {
    expect(kr20([[1, 0], [0, 1], [1, 0]])).toBeNaN();
    expect(kr20([[1, 1], [1, 1]])).toBeNaN();
  });

  it("rejects non-0/1 scores, ragged rows, fewer than 2 items or 2 respondents", () => {
    expect(() => kr20([[1, 2], [0, 1]])).toThrow(/rows\[0\]\[1\] must be 0 or 1/);
    expect(() => kr20([[1, 0.5], [0, 1]])).toThrow(RangeError);
    expect(() => kr20([[1, NaN], [0, 1]])).toThrow(RangeError);
    expect(() => kr20([[1, 0], [0, 1, 1]])).toThrow(RangeError);
    expect(() => kr20([[1], [0], [1]])).toThrow(RangeError);
    expect(() => kr20([[1, 0, 1]])).toThrow(RangeError);
    expect(() => kr20([])).toThrow(RangeError);
  });
});

describe("correctedPointBiserial", () => {
  it("equals scipy.stats.pointbiserialr(item, totals − item) for each item", () => {
    // j = 0..5 (p = 0.75, 0.675, 0.55, 0.3, 0.125, 0.15):
    const expected = [0.47205518296516197, 0.41168993969841283, 0.37455547914624554, 0.2708786851240003, 0.47505722399962147, 0.5398335593610577];
    expected.forEach((r, j) => expectRelClose(correctedPointBiserial(X.map((row) => row[j]!), totals), r, 1e-12));
  });

  it("is below the uncorrected item–total correlation, which counts the item in its own total", () => {
    // stats.pointbiserialr(X[:, 0], tot).statistic → 0.6691970298080814 (uncorrected) vs 0.47205518296516197
    const item = X.map((row) => row[0]!);
    expect(correctedPointBiserial(item, totals)).toBeLessThan(0.6691970298080814);
  });

  it("can be negative", () => {
    // stats.pointbiserialr([1,1,0,0,1], np.array([1,2,3,4,2]) - np.array([1,1,0,0,1])).statistic → -0.9444444444444445
    expectRelClose(correctedPointBiserial([1, 1, 0, 0, 1], [1, 2, 3, 4, 2]), -0.9444444444444445, 1e-12);
  });

  it("is NaN when the item or the rest score is constant", () => {
    expect(correctedPointBiserial([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(correctedPointBiserial([1, 0, 1], [3, 2, 3])).toBeNaN();
  });

  it("rejects unequal lengths, fewer than 2 respondents, non-0/1 items and non-finite totals", () => {
    expect(() => correctedPointBiserial([1, 0], [1, 0, 2])).toThrow(/same length/);
    expect(() => correctedPointBiserial([1], [1])).toThrow(RangeError);
    expect(() => correctedPointBiserial([1, 2], [1, 2])).toThrow(/item\[1\] must be 0 or 1/);
    expect(() => correctedPointBiserial([1, 0], [1, Infinity])).toThrow(RangeError);
  });
});
