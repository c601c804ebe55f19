import { percentage, splitFinding, type SeniorityFinding } from "../../lib/benchmark/figures";
import { release } from "../../core/disclosure/released";

/**
 * An F5 finding for tests of what is written about it: senior 9 of 12 and staff 6 of 14 say
 * everyone can do all three; stats.chi2_contingency([[9,3],[6,8]], correction=False).pvalue =
 * 0.09816751106897863.
 */
export function sampleSeniorityFinding(): SeniorityFinding {
  const split = splitFinding({ n: 12, agree: 9, dis: 0 }, { n: 14, agree: 6, dis: 0 }, 5);
  if (split.suppressed) throw new Error("expected a shown split");
  return release({
    senior: { n: 12, perceivedCoverage: 62.4, measuredCoverage: 40, allThree: percentage(9, 12) },
    staff: { n: 14, perceivedCoverage: 41.2, measuredCoverage: 38, allThree: percentage(6, 14) },
    gapPoints: 21.2,
    comparison: split.comparison,
  });
}
