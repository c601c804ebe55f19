import { describe, expect, it } from "vitest";
import { capabilityIndex, indexBand, isAble, levelToScore, suggestionBandOfLevel, weakestCapabilities } from "../../core/scoring";

describe("scoring", () => {
  it("is able from level 4 up", () => {
    expect([1, 2, 3, 4, 5].map(isAble)).toEqual([false, false, false, true, true]);
  });

  it("maps levels 1..5 onto 0..100", () => {
    expect([1, 2, 3, 4, 5].map(levelToScore)).toEqual([0, 25, 50, 75, 100]);
    expect(() => levelToScore(0)).toThrow(RangeError);
    expect(() => levelToScore(2.5)).toThrow(RangeError);
  });

  it("averages the mapped levels into the index (hand-computed examples)", () => {
    expect(capabilityIndex([1, 1, 1, 1, 1, 1, 1, 1])).toBe(0);
    expect(capabilityIndex([5, 5, 5, 5, 5, 5, 5, 5])).toBe(100);
    // (75+50+25+100+75+25+75+0)/8 = 53.125
    expect(capabilityIndex([4, 3, 2, 5, 4, 2, 4, 1])).toBeCloseTo(53.125, 10);
    expect(() => capabilityIndex([])).toThrow();
  });

  it("bands the index at 50 and 75", () => {
    expect(indexBand(0)).toBe("developing");
    expect(indexBand(49.99)).toBe("developing");
    expect(indexBand(50)).toBe("capable");
    expect(indexBand(74.9)).toBe("capable");
    expect(indexBand(75)).toBe("proficient");
    expect(indexBand(100)).toBe("proficient");
  });

  it("picks suggestion bands and the weakest capabilities in questionnaire order on ties", () => {
    expect([1, 2, 3, 4, 5].map(suggestionBandOfLevel)).toEqual(["start", "start", "build", "extend", "extend"]);
    const order = ["data", "security", "coding", "mobile"];
    expect(weakestCapabilities({ data: 3, security: 2, coding: 2, mobile: 5 }, order, 3)).toEqual(["security", "coding", "data"]);
    expect(weakestCapabilities({ data: 5, security: 5, coding: 5, mobile: 5 }, order, 2)).toEqual(["data", "security"]);
  });
});
