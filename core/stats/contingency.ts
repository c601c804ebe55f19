// Pearson chi-square test of independence for r×c tables, the 2×2 chi-square/Fisher chooser, phi and Cramér's V.
import { chiSquareSurvival } from "./distributions";
import { fisherExact2x2 } from "./fisher";
import { assertCount } from "./validate";

export interface ChiSquareResult {
  statistic: number;
  df: number;
  pValue: number;
  expected: number[][];
  minExpected: number;
}

export interface TwoByTwoTestResult {
  test: "chi_square" | "fisher";
  statistic: number | null;
  pValue: number;
  minExpected: number;
}

/** Minimum expected count below which twoByTwoTest switches from chi-square to Fisher's exact test (Cochran's rule). */
export const MIN_EXPECTED_FOR_CHI_SQUARE = 5;

function validateTable(table: number[][]): { rows: number; cols: number } {
  if (!Array.isArray(table) || table.length < 2) throw new RangeError("table must have at least 2 rows");
  const first = table[0];
  if (!Array.isArray(first) || first.length < 2) throw new RangeError("table must have at least 2 columns");
  const cols = first.length;
  table.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== cols) throw new RangeError(`table row ${i} has ${Array.isArray(row) ? row.length : "no"} cells, expected ${cols}`);
    row.forEach((v, j) => {
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw new RangeError(`table[${i}][${j}] must be a finite non-negative number, got ${String(v)}`);
    });
  });
  return { rows: table.length, cols };
}

/**
 * Pearson chi-square test of independence for an r×c table (r, c >= 2), NO continuity correction
 * (= scipy.stats.chi2_contingency(table, correction=False)). Cells may be non-integer weights.
 * Throws RangeError if any row or column total is 0 (expected counts would be 0; scipy raises too).
 */
export function chiSquareTest(table: number[][]): ChiSquareResult {
  const { rows, cols } = validateTable(table);
  const rowTotals = table.map((row) => row.reduce((s, v) => s + v, 0));
  const colTotals = Array.from({ length: cols }, (_, j) => table.reduce((s, row) => s + row[j]!, 0));
  rowTotals.forEach((t, i) => {
    if (t === 0) throw new RangeError(`row ${i} of the table has total 0; chi-square is undefined`);
  });
  colTotals.forEach((t, j) => {
    if (t === 0) throw new RangeError(`column ${j} of the table has total 0; chi-square is undefined`);
  });
  const n = rowTotals.reduce((s, v) => s + v, 0);
  let statistic = 0;
  let minExpected = Infinity;
  const expected = table.map((row, i) =>
    row.map((observed, j) => {
      const e = (rowTotals[i]! * colTotals[j]!) / n;
      statistic += ((observed - e) * (observed - e)) / e;
      if (e < minExpected) minExpected = e;
      return e;
    }),
  );
  const df = (rows - 1) * (cols - 1);
  return { statistic, df, pValue: chiSquareSurvival(statistic, df), expected, minExpected };
}

function assertCells(a: number, b: number, c: number, d: number): void {
  assertCount(a, "a");
  assertCount(b, "b");
  assertCount(c, "c");
  assertCount(d, "d");
}

/**
 * 2×2 table [[a, b], [c, d]]: Pearson chi-square without continuity correction, or Fisher's exact (two-sided)
 * when any expected count is < 5, in which case statistic is null. A zero margin (or empty table) gives
 * minExpected 0, so Fisher is used (p = 1) instead of throwing.
 */
export function twoByTwoTest(a: number, b: number, c: number, d: number): TwoByTwoTestResult {
  assertCells(a, b, c, d);
  const n = a + b + c + d;
  const r1 = a + b;
  const r2 = c + d;
  const c1 = a + c;
  const c2 = b + d;
  const minExpected = n === 0 ? 0 : (Math.min(r1, r2) * Math.min(c1, c2)) / n;
  if (minExpected < MIN_EXPECTED_FOR_CHI_SQUARE) {
    return { test: "fisher", statistic: null, pValue: fisherExact2x2(a, b, c, d).pValue, minExpected };
  }
  const result = chiSquareTest([
    [a, b],
    [c, d],
  ]);
  return { test: "chi_square", statistic: result.statistic, pValue: result.pValue, minExpected: result.minExpected };
}

/**
 * Signed phi coefficient of [[a, b], [c, d]]: (ad − bc)/√(r1·r2·c1·c2); positive when row 1 goes with column 1.
 * NaN when any row or column total is 0 (undefined).
 */
export function phi(a: number, b: number, c: number, d: number): number {
  assertCells(a, b, c, d);
  const r1 = a + b;
  const r2 = c + d;
  const c1 = a + c;
  const c2 = b + d;
  if (r1 === 0 || r2 === 0 || c1 === 0 || c2 === 0) return NaN;
  // Square roots taken separately so the denominator cannot overflow for large counts.
  return (a * d - b * c) / (Math.sqrt(r1) * Math.sqrt(r2) * Math.sqrt(c1) * Math.sqrt(c2));
}

/**
 * Cramér's V = √(χ² / (n·(min(r, c) − 1))) from the uncorrected Pearson chi-square (no bias correction);
 * equals |phi| for 2×2. Throws RangeError like chiSquareTest (e.g. a zero row/column total).
 */
export function cramersV(table: number[][]): number {
  const { statistic } = chiSquareTest(table);
  const n = table.reduce((s, row) => s + row.reduce((t, v) => t + v, 0), 0);
  const k = Math.min(table.length, table[0]!.length);
  return Math.sqrt(statistic / (n * (k - 1)));
}
