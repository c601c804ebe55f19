import { describe, expect, it } from "vitest";
import { percentileRank, quantile, quantiles } from "../../../core/stats/index";

// References: numpy 2.4.6 np.quantile (default method='linear' = Hyndman–Fan type 7) and
// scipy 1.17.1 stats.percentileofscore(values, x, kind='mean').

const values = [7, 1.5, 3, 10, 3, -2, 8.25, 4]; // deliberately unsorted, with a tie

describe("quantile / quantiles (type 7)", () => {
  // [np.float64(q) for q in np.quantile([7,1.5,3,10,3,-2,8.25,4], [0,0.1,0.25,0.5,0.75,0.9,0.99,1])]
  // → [-2.0, 0.4500000000000002, 2.625, 3.5, 7.3125, 8.775, 9.8775, 10.0]
  const cases: Array<[number, number]> = [
    [0, -2],
    [0.1, 0.4500000000000002],
    [0.25, 2.625],
    [0.5, 3.5],
    [0.75, 7.3125],
    [0.9, 8.775],
    [0.99, 9.8775],
    [1, 10],
  ];
  it.each(cases)("np.quantile(values, %s) = %s", (p, expected) => {
    expect(quantile(values, p)).toBeCloseTo(expected, 12);
  });

  it("quantiles matches quantile for every p and leaves the input unsorted", () => {
    const copy = [...values];
    const result = quantiles(values, cases.map(([p]) => p));
    result.forEach((q, i) => expect(q).toBeCloseTo(cases[i]![1], 12));
    expect(values).toEqual(copy);
    expect(quantiles(values, [])).toEqual([]);
  });

  it("single value and two values", () => {
    // np.quantile([42], 0.3) → 42.0 ; np.quantile([1,2], 0.5) → 1.5
    expect(quantile([42], 0.3)).toBe(42);
    expect(quantile([1, 2], 0.5)).toBe(1.5);
  });

  it("rejects empty input, p outside [0, 1] and non-finite values", () => {
    expect(() => quantile([], 0.5)).toThrow(RangeError);
    expect(() => quantiles([], [0.5])).toThrow(RangeError);
    expect(() => quantile([1, 2], 1.5)).toThrow(RangeError);
    expect(() => quantile([1, 2], -0.1)).toThrow(RangeError);
    expect(() => quantile([1, 2], NaN)).toThrow(RangeError);
    expect(() => quantiles([1, 2], [0.5, 2])).toThrow(RangeError);
    expect(() => quantile([1, NaN], 0.5)).toThrow(RangeError);
  });
});

describe("percentileRank (kind='mean')", () => {
  const w = [1, 2, 2, 2, 3, 4, 5, 5, 10];
  // stats.percentileofscore([1,2,2,2,3,4,5,5,10], x, kind='mean')
  const cases: Array<[number, number]> = [
    [2, 27.77777777777778],
    [5, 77.77777777777777],
    [0, 0],
    [10, 94.44444444444444],
    [11, 100],
    [4.5, 66.66666666666666],
    [3, 50],
  ];
  it.each(cases)("percentileofscore(w, %s, kind='mean') = %s", (x, expected) => {
    expect(percentileRank(w, x)).toBeCloseTo(expected, 12);
  });

  it("rejects empty input and non-finite values", () => {
    expect(() => percentileRank([], 1)).toThrow(RangeError);
    expect(() => percentileRank([1, 2], NaN)).toThrow(RangeError);
    expect(() => percentileRank([1, Infinity], 1)).toThrow(RangeError);
  });
});
