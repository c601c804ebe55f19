/*
 * Training priorities: capabilities ranked by how far the organisation's measured coverage is below
 * the benchmark and how strongly the capability goes with customer understanding across
 * organisations. Pure: the caller passes the figures (docs/decisions/007-dashboards.md).
 *
 * Tiers, in this order:
 *   1. below the benchmark median — score = points below the median × link
 *   2. at or above the median but below the top quartile — score = points below the top quartile × link
 *   3. in the top quartile — listed last, lowest coverage first
 * where link = Spearman's rho across organisations, 0 when not positive, 1 when there are too few
 * organisations to compute it. Ties go to the larger gap, then questionnaire order. Without a
 * benchmark (fewer than five organisations), the score is the share not yet able × link.
 */
import { AGG_CAPABILITIES, type CounterVector } from "../../core/counters";
import { ABLE_LEVELS, suggestionBandOfLevel } from "../../core/scoring";
import { SELF_LEVELS, type SuggestionBand } from "../../questions/constants";
import { sumRange } from "./figures";
import type { CapabilityLink } from "./links";

export type PriorityTier = "below_median" | "below_top_quartile" | "top_quartile" | "no_benchmark";

export type PriorityInput = {
  capability: string;
  /** Measured coverage in %, its base and the respondents at each level band. */
  coverage: number;
  n: number;
  levels: { start: number; build: number; able: number };
  /** Organisation-level distribution of this capability's coverage, or null without a benchmark. */
  benchmark: { median: number; topQuartile: number } | null;
  link: CapabilityLink;
};

export type Priority = {
  rank: number;
  capability: string;
  tier: PriorityTier;
  coverage: number;
  n: number;
  benchmarkMedian: number | null;
  benchmarkTopQuartile: number | null;
  /** median − coverage in points (positive = below the median). */
  pointsBelowMedian: number | null;
  pointsBelowTopQuartile: number | null;
  link: CapabilityLink;
  /** The multiplier used: rho clamped to 0..1, or 1 without a link. */
  linkWeight: number;
  score: number;
  /** Which of the questionnaire's suggestion bands fits those not yet able (see suggestionBandOfGroup). */
  band: SuggestionBand;
  /** Shares of respondents at levels 1–2, at level 3 and able (4–5), in %. */
  shares: { start: number; build: number; able: number };
};

const TIER_ORDER: Record<PriorityTier, number> = { below_median: 0, below_top_quartile: 1, no_benchmark: 1, top_quartile: 2 };

/**
 * The ranking's multiplier: rho clamped to 0..1, or 1 without a link. It stays rho even when the
 * link's p is 0.05 or more: the weight orders capabilities by the best estimate available and makes
 * no claim, while every word about the link does (linkWording in sentences.ts says "not
 * statistically clear" whenever p >= 0.05, so such a link is never called strong). Zeroing unclear
 * links would throw away the estimate whenever there are few organisations (nearly every link is
 * unclear then), and treating them as unknown (1) would rank an unclear link above a clear one.
 */
export function linkWeight(link: CapabilityLink): number {
  if (link.suppressed) return 1;
  return Math.max(0, Math.min(1, link.rho));
}

/**
 * A group's suggestion band for one capability, for those not yet able: "start" when more of them
 * are at levels 1–2 than at level 3, else "build"; "extend" when everyone answering is able.
 * (One respondent's band is suggestionBandOfLevel in core/scoring.ts.)
 */
export function suggestionBandOfGroup(levels: { start: number; build: number; able: number }): SuggestionBand {
  if (levels.start + levels.build === 0) return "extend";
  return levels.start >= levels.build ? "start" : "build";
}

export function rankPriorities(inputs: readonly PriorityInput[]): Priority[] {
  const rows = inputs.map((input, order) => {
    const weight = linkWeight(input.link);
    const b = input.benchmark;
    const belowMedian = b ? b.median - input.coverage : null;
    const belowTop = b ? b.topQuartile - input.coverage : null;
    let tier: PriorityTier;
    let gap: number;
    if (!b) {
      tier = "no_benchmark";
      gap = 100 - input.coverage;
    } else if (belowMedian! > 0) {
      tier = "below_median";
      gap = belowMedian!;
    } else if (belowTop! > 0) {
      tier = "below_top_quartile";
      gap = belowTop!;
    } else {
      tier = "top_quartile";
      gap = -input.coverage;
    }
    const total = input.levels.start + input.levels.build + input.levels.able;
    const share = (x: number) => (total > 0 ? (x / total) * 100 : NaN);
    const priority: Omit<Priority, "rank"> = {
      capability: input.capability,
      tier,
      coverage: input.coverage,
      n: input.n,
      benchmarkMedian: b ? b.median : null,
      benchmarkTopQuartile: b ? b.topQuartile : null,
      pointsBelowMedian: belowMedian,
      pointsBelowTopQuartile: belowTop,
      link: input.link,
      linkWeight: weight,
      score: tier === "top_quartile" ? 0 : gap * weight,
      band: suggestionBandOfGroup(input.levels),
      shares: { start: share(input.levels.start), build: share(input.levels.build), able: share(input.levels.able) },
    };
    return { priority, order, gap };
  });
  rows.sort(
    (a, b) =>
      TIER_ORDER[a.priority.tier] - TIER_ORDER[b.priority.tier] ||
      b.priority.score - a.priority.score ||
      b.gap - a.gap ||
      a.order - b.order,
  );
  return rows.map((r, i) => ({ rank: i + 1, ...r.priority }));
}

const START_LEVELS = SELF_LEVELS.filter((l) => suggestionBandOfLevel(l) === "start");
const BUILD_LEVELS = SELF_LEVELS.filter((l) => suggestionBandOfLevel(l) === "build");

/** Respondents per level band of each capability: 1–2 (start), 3 (build), 4–5 (able). */
export function capabilityLevelBands(v: CounterVector): Record<string, { start: number; build: number; able: number }> {
  return Object.fromEntries(
    AGG_CAPABILITIES.map((c) => [
      c,
      { start: sumRange(v, `s_${c}_`, START_LEVELS), build: sumRange(v, `s_${c}_`, BUILD_LEVELS), able: sumRange(v, `s_${c}_`, ABLE_LEVELS) },
    ]),
  );
}
