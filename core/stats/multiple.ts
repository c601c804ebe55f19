// Adjustment of a family of p-values for multiple testing.
import { assertProbability } from "./validate";

/**
 * Benjamini–Hochberg (1995) adjusted p-values, controlling the false discovery rate of a family of
 * independent (or positively dependent) tests: with the m p-values sorted ascending,
 * adjusted p_(k) = min over j >= k of min(1, p_(j)·m/j), returned in the input order
 * (= scipy.stats.false_discovery_control(p, method='bh') and R p.adjust(p, "BH")). A test is
 * rejected at FDR level q exactly when its adjusted p is <= q. Every p must lie in [0, 1].
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  pValues.forEach((p, i) => assertProbability(p, `pValues[${i}]`));
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((i, j) => pValues[i]! - pValues[j]!);
  const adjusted = new Array<number>(m);
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    const i = order[k]!;
    running = Math.min(running, pValues[i]! * (m / (k + 1)));
    // Mathematically running >= p here; the max only stops rounding from leaving it an ulp below.
    adjusted[i] = Math.max(running, pValues[i]!);
  }
  return adjusted;
}
