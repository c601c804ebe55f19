import { capabilityIndex, indexBand, suggestionBandOfLevel, weakestCapabilities, type Band } from "../../core/scoring";
import type { Questionnaire, SuggestionBand } from "../../questions";
import type { Answers } from "../../core/answers";
import { calibrationNote, scoreChecks, type CalibrationNote, type CapabilityCheckResult, type CheckAssignment } from "../../core/checks";

export type Comparison = { shown: true; n: number; means: Record<string, number> } | { shown: false; n: number };

export type PersonalReport = {
  index: number;
  band: Band;
  levels: { capabilityId: string; level: number }[];
  org: Comparison;
  benchmark: Comparison;
  nextSteps: { capabilityId: string; level: number; band: SuggestionBand }[];
  /** Knowledge checks (v2): per capability the rating, the scored checks and how they fit; empty in v1. */
  checks: (CapabilityCheckResult & { level: number; note: CalibrationNote })[];
};

/**
 * Builds the personal report from one submitted response and the comparison means. The means come
 * from the disclosure module (lib/benchmark/report.ts personalComparison): a comparison is shown
 * when it has a mean for every capability, i.e. when the module released them all.
 */
export function buildPersonalReport(
  q: Questionnaire,
  answers: Answers,
  orgMeans: { n: number; means: Record<string, number> },
  benchmarkMeans: { n: number; orgs: number; means: Record<string, number> },
  assignment: CheckAssignment = {},
): PersonalReport {
  const levelMap: Record<string, number> = {};
  for (const id of q.capabilityIds) {
    const v = answers[`self_${id}`];
    if (typeof v !== "number") throw new Error(`Response is missing self_${id}`);
    levelMap[id] = v;
  }
  const index = capabilityIndex(Object.values(levelMap));
  const complete = (means: Record<string, number>) => q.capabilityIds.every((id) => Number.isFinite(means[id]));
  return {
    index,
    band: indexBand(index),
    levels: q.capabilityIds.map((id) => ({ capabilityId: id, level: levelMap[id]! })),
    org: complete(orgMeans.means) ? { shown: true, n: orgMeans.n, means: orgMeans.means } : { shown: false, n: orgMeans.n },
    benchmark: complete(benchmarkMeans.means) ? { shown: true, n: benchmarkMeans.n, means: benchmarkMeans.means } : { shown: false, n: benchmarkMeans.n },
    nextSteps: weakestCapabilities(levelMap, q.capabilityIds, 3).map((id) => ({
      capabilityId: id,
      level: levelMap[id]!,
      band: suggestionBandOfLevel(levelMap[id]!),
    })),
    checks: scoreChecks(q, assignment, answers)
      .filter((r) => r.asked > 0)
      .map((r) => ({ ...r, level: levelMap[r.capabilityId]!, note: calibrationNote(levelMap[r.capabilityId]!, r) })),
  };
}
