import { describe, expect, it } from "vitest";
import type { CapabilityLink } from "../../../lib/benchmark/links";
import { linkWeight, rankPriorities, suggestionBandOfGroup, type PriorityInput } from "../../../lib/benchmark/priority-ranking";

const link = (rho: number): CapabilityLink => ({ suppressed: false, rho, pValue: 0.01, organisations: 40 });
const noLink: CapabilityLink = { suppressed: true, organisations: 3 };
const levels = { start: 10, build: 20, able: 30 };

function input(capability: string, coverage: number, median: number, topQuartile: number, l: CapabilityLink = link(0.5)): PriorityInput {
  return { capability, coverage, n: 60, levels, benchmark: { median, topQuartile }, link: l };
}

describe("rankPriorities", () => {
  it("puts capabilities below the median first, by points below × link, then those below the top quartile, then the top quartile", () => {
    const ranked = rankPriorities([
      input("top-high", 80, 50, 70), // top quartile, coverage 80
      input("below-a", 40, 50, 60, link(0.5)), // 10 below × 0.5 = 5
      input("top-low", 72, 50, 70), // top quartile, coverage 72
      input("below-b", 46, 50, 60, link(0.9)), // 4 below × 0.9 = 3.6
      input("below-negative", 30, 50, 60, link(-0.2)), // 20 below × 0 = 0
      input("above-median", 55, 50, 60, link(0.8)), // 5 below top quartile × 0.8 = 4
    ]);
    expect(ranked.map((p) => p.capability)).toEqual(["below-a", "below-b", "below-negative", "above-median", "top-low", "top-high"]);
    expect(ranked.map((p) => p.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ranked.map((p) => p.tier)).toEqual(["below_median", "below_median", "below_median", "below_top_quartile", "top_quartile", "top_quartile"]);
    const [a, b, negative, above] = ranked;
    expect(a!.score).toBeCloseTo(5, 12);
    expect(b!.score).toBeCloseTo(3.6, 12);
    expect(negative!.score).toBe(0);
    expect(negative!.linkWeight).toBe(0);
    expect(above!.score).toBeCloseTo(4, 12);
    expect(a!.pointsBelowMedian).toBeCloseTo(10, 12);
    expect(above!.pointsBelowMedian).toBeCloseTo(-5, 12);
    expect(above!.pointsBelowTopQuartile).toBeCloseTo(5, 12);
  });

  it("a capability far below the median outranks one just below it when the links are equal", () => {
    const ranked = rankPriorities([input("near", 48, 50, 60, link(0.6)), input("far", 20, 50, 60, link(0.6))]);
    expect(ranked.map((p) => p.capability)).toEqual(["far", "near"]);
  });

  it("a strong link can outrank a bigger gap", () => {
    // 12 × 0.2 = 2.4 against 6 × 0.7 = 4.2
    const ranked = rankPriorities([input("big-gap-weak-link", 38, 50, 60, link(0.2)), input("small-gap-strong-link", 44, 50, 60, link(0.7))]);
    expect(ranked.map((p) => p.capability)).toEqual(["small-gap-strong-link", "big-gap-weak-link"]);
  });

  it("breaks equal scores by the larger gap, then by questionnaire order", () => {
    const ranked = rankPriorities([
      input("first", 45, 50, 60, link(0.4)), // 5 × 0.4 = 2
      input("second", 40, 50, 60, link(0.2)), // 10 × 0.2 = 2, larger gap
      input("third", 45, 50, 60, link(0.4)), // same as first
    ]);
    expect(ranked.map((p) => p.capability)).toEqual(["second", "first", "third"]);
  });

  it("weights by 1 when there are too few organisations for a link, and caps rho at 1", () => {
    expect(linkWeight(noLink)).toBe(1);
    expect(linkWeight(link(-0.3))).toBe(0);
    expect(linkWeight(link(0.42))).toBe(0.42);
    const [p] = rankPriorities([input("x", 30, 50, 60, noLink)]);
    expect(p!.score).toBeCloseTo(20, 12);
  });

  it("without a benchmark ranks by the share not yet able × link", () => {
    const ranked = rankPriorities([
      { capability: "a", coverage: 70, n: 50, levels, benchmark: null, link: link(0.5) }, // 30 × 0.5 = 15
      { capability: "b", coverage: 40, n: 50, levels, benchmark: null, link: link(0.3) }, // 60 × 0.3 = 18
    ]);
    expect(ranked.map((p) => [p.capability, p.tier])).toEqual([
      ["b", "no_benchmark"],
      ["a", "no_benchmark"],
    ]);
    expect(ranked[0]!.score).toBeCloseTo(18, 12);
    expect(ranked[0]!.benchmarkMedian).toBeNull();
  });

  it("gives the shares of each level band and the suggestion band for those not yet able", () => {
    const [p] = rankPriorities([{ ...input("x", 50, 60, 70), levels: { start: 15, build: 5, able: 20 } }]);
    expect(p!.shares).toEqual({ start: 37.5, build: 12.5, able: 50 });
    expect(p!.band).toBe("start");
    expect(suggestionBandOfGroup({ start: 3, build: 9, able: 10 })).toBe("build");
    expect(suggestionBandOfGroup({ start: 4, build: 4, able: 10 })).toBe("start");
    expect(suggestionBandOfGroup({ start: 0, build: 0, able: 10 })).toBe("extend");
  });
});
