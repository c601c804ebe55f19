// Classical test theory for dichotomous (0/1) item scores: how reliable a set of knowledge checks is
// as one scale (KR-20), and how well each check separates those who know more from those who know
// less (corrected item–total correlation). Raw rows: one per respondent, one 0/1 score per item.
import { assertFinite } from "./validate";

/** Throws RangeError unless `value` is 0 or 1 (a dichotomous item score: "don't know" is scored 0). */
function assertBinary(value: number, name: string): void {
  if (value !== 0 && value !== 1) throw new RangeError(`${name} must be 0 or 1, got ${String(value)}`);
}

/**
 * Kuder–Richardson formula 20: KR-20 = k/(k − 1)·(1 − Σ p_j·q_j / σ²_X), with p_j the share of
 * respondents answering item j correctly, q_j = 1 − p_j, and σ²_X the population variance (n in the
 * denominator) of the respondents' totals, so that it matches p_j·q_j, which is item j's population
 * variance. It is Cronbach's alpha for 0/1 items (the ratio is the same with n − 1 in both
 * denominators, as cronbachAlpha uses).
 *
 * Rows are respondents with complete 0/1 scores on the same k >= 2 items; n >= 2 rows. NaN when the
 * totals have zero variance (everyone got the same number right): the ratio is 0/0 or undefined.
 */
export function kr20(rows: number[][]): number {
  if (!Array.isArray(rows) || rows.length < 2) throw new RangeError(`kr20 needs at least 2 rows (respondents), got ${Array.isArray(rows) ? rows.length : 0}`);
  const k = Array.isArray(rows[0]) ? rows[0].length : 0;
  if (k < 2) throw new RangeError(`kr20 needs at least 2 items (columns), got ${k}`);
  rows.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== k) throw new RangeError(`row ${i} has ${Array.isArray(row) ? row.length : "no"} items, expected ${k}`);
    row.forEach((v, j) => assertBinary(v, `rows[${i}][${j}]`));
  });
  const n = rows.length;
  const totals = rows.map((row) => row.reduce((s, v) => s + v, 0));
  const meanTotal = totals.reduce((s, t) => s + t, 0) / n;
  const totalVariance = totals.reduce((s, t) => s + (t - meanTotal) ** 2, 0) / n;
  if (totalVariance === 0) return NaN;
  let sumPQ = 0;
  for (let j = 0; j < k; j++) {
    let correct = 0;
    for (const row of rows) correct += row[j]!;
    const p = correct / n;
    sumPQ += p * (1 - p);
  }
  return (k / (k - 1)) * (1 - sumPQ / totalVariance);
}

/**
 * Corrected item–total correlation of one item: the Pearson (point-biserial) correlation between the
 * 0/1 item score and the rest score, total − item, of the same respondents. The item is taken out of
 * the total because otherwise it correlates with itself: with few items (two checks per capability)
 * the uncorrected correlation is inflated far above what the item says about the others.
 * = scipy.stats.pointbiserialr(item, totals − item).statistic.
 *
 * `totals` are each respondent's total score including this item. Needs n >= 2 equal-length inputs.
 * NaN when the item or the rest score has zero variance (everyone right, everyone wrong, or equal rest scores).
 */
export function correctedPointBiserial(item: number[], totals: number[]): number {
  if (!Array.isArray(item) || !Array.isArray(totals) || item.length !== totals.length) {
    throw new RangeError(`item and totals must be arrays of the same length, got ${Array.isArray(item) ? item.length : "none"} and ${Array.isArray(totals) ? totals.length : "none"}`);
  }
  const n = item.length;
  if (n < 2) throw new RangeError(`correctedPointBiserial needs at least 2 respondents, got ${n}`);
  item.forEach((v, i) => assertBinary(v, `item[${i}]`));
  totals.forEach((v, i) => assertFinite(v, `totals[${i}]`));
  const rest = totals.map((t, i) => t - item[i]!);
  const meanItem = item.reduce((s, v) => s + v, 0) / n;
  const meanRest = rest.reduce((s, v) => s + v, 0) / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = item[i]! - meanItem;
    const dy = rest[i]! - meanRest;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  if (sxx === 0 || syy === 0) return NaN;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}
