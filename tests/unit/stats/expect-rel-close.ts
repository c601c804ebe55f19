import { expect } from "vitest";

/** Asserts |actual − expected| <= rel·|expected| (for tiny p-values where toBeCloseTo's absolute tolerance is meaningless). */
export function expectRelClose(actual: number, expected: number, rel = 1e-8): void {
  if (expected === 0) {
    expect(actual).toBe(0);
    return;
  }
  const error = Math.abs(actual - expected) / Math.abs(expected);
  expect(error, `${actual} vs ${expected} (relative error ${error})`).toBeLessThanOrEqual(rel);
}
