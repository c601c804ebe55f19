import { describe, expect, it } from "vitest";
import { cronbachAlpha } from "../../../core/stats/index";

// Reference by hand with numpy 2.4.6:
//   def alpha(X, ddof): k = X.shape[1]; return k/(k-1) * (1 - X.var(axis=0, ddof=ddof).sum() / X.sum(axis=1).var(ddof=ddof))

describe("cronbachAlpha", () => {
  it("8 respondents × 4 Likert items", () => {
    const rows = [
      [4, 5, 4, 3],
      [3, 4, 3, 3],
      [5, 5, 4, 5],
      [2, 3, 2, 1],
      [4, 4, 5, 4],
      [3, 2, 3, 2],
      [5, 4, 5, 5],
      [1, 2, 1, 2],
    ];
    // alpha(np.array(rows, dtype=float), 1) → 0.9400749063670412 ; alpha(..., 0) → 0.9400749063670412 (ddof cancels)
    expect(cronbachAlpha(rows)).toBeCloseTo(0.9400749063670412, 12);
  });

  it("tutorial worked example (3 items × 4 respondents, calkulon.com 'Cronbach alpha' guide), recomputed with numpy", () => {
    // items [4,3,5,2], [5,4,5,3], [4,3,5,2]; alpha(np.array([[4,5,4],[3,4,3],[5,5,5],[2,3,2]], dtype=float), 1) → 0.979591836734694
    expect(cronbachAlpha([
      [4, 5, 4],
      [3, 4, 3],
      [5, 5, 5],
      [2, 3, 2],
    ])).toBeCloseTo(0.979591836734694, 12);
  });

  it("can be negative when items are inconsistent", () => {
    // alpha(np.array([[1,5,2],[2,4,4],[3,1,3],[4,2,1],[5,3,5]], dtype=float), 1) → -0.23076923076923062
    expect(cronbachAlpha([
      [1, 5, 2],
      [2, 4, 4],
      [3, 1, 3],
      [4, 2, 1],
      [5, 3, 5],
    ])).toBeCloseTo(-0.23076923076923062, 12);
  });

  it("is NaN when the totals have zero variance", () => {
    expect(cronbachAlpha([
      [1, 2],
      [2, 1],
      [3, 0],
    ])).toBeNaN();
    expect(cronbachAlpha([
      [3, 3],
      [3, 3],
    ])).toBeNaN();
  });

  it("rejects fewer than 2 items or 2 respondents, ragged rows and non-finite values", () => {
    expect(() => cronbachAlpha([[1, 2, 3]])).toThrow(RangeError);
    expect(() => cronbachAlpha([])).toThrow(RangeError);
    expect(() => cronbachAlpha([[1], [2], [3]])).toThrow(RangeError);
    expect(() => cronbachAlpha([[1, 2], [2, 3, 4]])).toThrow(RangeError);
    expect(() => cronbachAlpha([[1, 2], [2, NaN]])).toThrow(RangeError);
  });
});
