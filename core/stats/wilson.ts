// Confidence intervals for one proportion (Wilson score) and a difference of two (Newcombe hybrid score).
import { zForConfidence } from "./distributions";
import { assertConfidence, assertCount } from "./validate";

export interface ProportionInterval {
  proportion: number;
  lower: number;
  upper: number;
}

export interface DifferenceInterval {
  difference: number;
  lower: number;
  upper: number;
}

function assertSuccesses(successes: number, n: number, label = ""): void {
  assertCount(successes, `successes${label}`);
  assertCount(n, `n${label}`);
  if (successes > n) throw new RangeError(`successes${label} (${successes}) cannot exceed n${label} (${n})`);
}

/**
 * Wilson (1927) score interval for a binomial proportion, no continuity correction; proportions on 0..1.
 * n = 0 → proportion NaN (undefined) with the uninformative interval [0, 1].
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): ProportionInterval {
  assertSuccesses(successes, n);
  assertConfidence(confidence);
  if (n === 0) return { proportion: NaN, lower: 0, upper: 1 };
  const z = zForConfidence(confidence);
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  // The bounds are exactly 0 / 1 at the extremes; pin them so rounding cannot leave e.g. -1e-17.
  const lower = successes === 0 ? 0 : Math.max(0, centre - half);
  const upper = successes === n ? 1 : Math.min(1, centre + half);
  return { proportion: p, lower, upper };
}

/**
 * p1 − p2 with Newcombe's (1998) hybrid score interval (method 10), built from the two Wilson intervals:
 * [d − √((p1−l1)² + (u2−p2)²), d + √((u1−p1)² + (p2−l2)²)]. Either n = 0 → difference NaN, interval [−1, 1].
 */
export function proportionDifference(x1: number, n1: number, x2: number, n2: number, confidence = 0.95): DifferenceInterval {
  assertSuccesses(x1, n1, "1");
  assertSuccesses(x2, n2, "2");
  assertConfidence(confidence);
  if (n1 === 0 || n2 === 0) return { difference: NaN, lower: -1, upper: 1 };
  const a = wilsonInterval(x1, n1, confidence);
  const b = wilsonInterval(x2, n2, confidence);
  const difference = a.proportion - b.proportion;
  const lower = difference - Math.hypot(a.proportion - a.lower, b.upper - b.proportion);
  const upper = difference + Math.hypot(a.upper - a.proportion, b.proportion - b.lower);
  return { difference, lower: Math.max(-1, lower), upper: Math.min(1, upper) };
}
