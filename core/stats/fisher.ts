// Fisher's exact test for 2×2 tables, computed in log space so large tables (n in the tens of thousands) work.
import { assertCount } from "./validate";

/** Relative tolerance when comparing table probabilities to the observed one (R's fisher.test uses 1 + 1e-7). */
const RELATIVE_TOLERANCE = 1 + 1e-7;

function logSumExp(values: readonly number[]): number {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (const v of values) sum += Math.exp(v - max);
  return max + Math.log(sum);
}

/**
 * Two-sided Fisher's exact test of [[a, b], [c, d]] (as scipy.stats.fisher_exact / R fisher.test): the total
 * hypergeometric probability of all tables with the same margins whose probability is <= the observed one's
 * (× (1 + 1e-7) to absorb rounding). Probabilities are formed as log ratios of successive tables; tables with a
 * zero margin give p = 1.
 */
export function fisherExact2x2(a: number, b: number, c: number, d: number): { pValue: number } {
  assertCount(a, "a");
  assertCount(b, "b");
  assertCount(c, "c");
  assertCount(d, "d");
  const r1 = a + b;
  const r2 = c + d;
  const c1 = a + c;
  const lo = Math.max(0, c1 - r2);
  const hi = Math.min(r1, c1);
  if (lo === hi) return { pValue: 1 };
  // logWeight[k] = log P(top-left = lo + k) up to a common constant, via
  // P(x+1)/P(x) = (r1 − x)(c1 − x) / ((x + 1)(r2 − c1 + x + 1)).
  const logWeight = new Array<number>(hi - lo + 1);
  logWeight[0] = 0;
  for (let x = lo; x < hi; x++) {
    const step = Math.log((r1 - x) * (c1 - x)) - Math.log((x + 1) * (r2 - c1 + x + 1));
    logWeight[x - lo + 1] = logWeight[x - lo]! + step;
  }
  const threshold = logWeight[a - lo]! + Math.log(RELATIVE_TOLERANCE);
  const extreme = logWeight.filter((w) => w <= threshold);
  const pValue = Math.exp(logSumExp(extreme) - logSumExp(logWeight));
  return { pValue: Math.min(1, pValue) };
}
