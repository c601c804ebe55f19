// Odds ratio of a 2×2 table with Woolf's logit confidence interval.
import { zForConfidence } from "./distributions";
import { assertConfidence, assertCount } from "./validate";

export interface OddsRatioResult {
  oddsRatio: number;
  lower: number;
  upper: number;
  corrected: boolean;
}

/**
 * Odds ratio (a·d)/(b·c) of [[a, b], [c, d]] (row 1 = group 1 with / without the outcome) with Woolf's logit interval
 * exp(ln OR ± z·√(1/a + 1/b + 1/c + 1/d)). If ANY cell is 0, 0.5 is added to every cell (Haldane–Anscombe) for both the
 * estimate and the interval, and corrected is true.
 */
export function oddsRatio(a: number, b: number, c: number, d: number, confidence = 0.95): OddsRatioResult {
  assertCount(a, "a");
  assertCount(b, "b");
  assertCount(c, "c");
  assertCount(d, "d");
  assertConfidence(confidence);
  const corrected = a === 0 || b === 0 || c === 0 || d === 0;
  const [A, B, C, D] = corrected ? [a + 0.5, b + 0.5, c + 0.5, d + 0.5] : [a, b, c, d];
  const estimate = (A * D) / (B * C);
  const logOr = Math.log(estimate);
  const se = Math.sqrt(1 / A + 1 / B + 1 / C + 1 / D);
  const z = zForConfidence(confidence);
  return { oddsRatio: estimate, lower: Math.exp(logOr - z * se), upper: Math.exp(logOr + z * se), corrected };
}
