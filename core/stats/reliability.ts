// Internal-consistency reliability of a multi-item scale.
import { assertFinite } from "./validate";

function sampleVariance(values: readonly number[]): number {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return values.reduce((s, v) => s + (v - mean) * (v - mean), 0) / (values.length - 1);
}

/**
 * Cronbach's alpha = k/(k − 1)·(1 − Σ item variances / variance of row totals); rows = respondents, columns = items.
 * Uses sample variances (ddof = 1); the ratio, hence alpha, is identical with ddof = 0. NaN when the totals have zero variance.
 */
export function cronbachAlpha(rows: number[][]): number {
  if (!Array.isArray(rows) || rows.length < 2) throw new RangeError(`cronbachAlpha needs at least 2 rows (respondents), got ${Array.isArray(rows) ? rows.length : 0}`);
  const k = rows[0]!.length;
  if (k < 2) throw new RangeError(`cronbachAlpha needs at least 2 items (columns), got ${k}`);
  rows.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== k) throw new RangeError(`row ${i} has ${Array.isArray(row) ? row.length : "no"} items, expected ${k}`);
    row.forEach((v, j) => assertFinite(v, `rows[${i}][${j}]`));
  });
  let itemVarianceSum = 0;
  for (let j = 0; j < k; j++) itemVarianceSum += sampleVariance(rows.map((row) => row[j]!));
  const totalVariance = sampleVariance(rows.map((row) => row.reduce((s, v) => s + v, 0)));
  if (totalVariance === 0) return NaN;
  return (k / (k - 1)) * (1 - itemVarianceSum / totalVariance);
}
