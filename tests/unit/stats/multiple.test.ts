import { describe, expect, it } from "vitest";
import { benjaminiHochberg } from "../../../core/stats/index";

// References: scipy 1.17.1 scipy.stats.false_discovery_control(p, method='bh').tolist(), printed by
// tests/unit/stats/reference_figures.py.

describe("benjaminiHochberg", () => {
  it("equals scipy.stats.false_discovery_control(p, method='bh'), in the input order", () => {
    // [0.01, 0.04, 0.03, 0.005, 0.2] → [0.025, 0.05, 0.05, 0.025, 0.2]
    const a = benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.2]);
    [0.025, 0.05, 0.05, 0.025, 0.2].forEach((v, i) => expect(a[i]).toBeCloseTo(v, 14));
    // [0.0045863920802534895, 1.0766283957702675e-05, 0.033894853524689295, 0.28, 0.04, 0.04, 0.9, 1.0]
    // → [0.018345568321013958, 8.61302716616214e-05, 0.064, 0.37333333333333335, 0.064, 0.064, 1.0, 1.0]
    const b = benjaminiHochberg([0.0045863920802534895, 1.0766283957702675e-5, 0.033894853524689295, 0.28, 0.04, 0.04, 0.9, 1.0]);
    [0.018345568321013958, 8.61302716616214e-5, 0.064, 0.37333333333333335, 0.064, 0.064, 1.0, 1.0].forEach((v, i) => expect(b[i]).toBeCloseTo(v, 14));
  });

  it("leaves a single p and equal p-values as they are, and never exceeds 1", () => {
    // [0.5] → [0.5]; [0.049, 0.049, 0.049] → [0.049, 0.049, 0.049]
    expect(benjaminiHochberg([0.5])).toEqual([0.5]);
    expect(benjaminiHochberg([0.049, 0.049, 0.049])).toEqual([0.049, 0.049, 0.049]);
    expect(benjaminiHochberg([])).toEqual([]);
    expect(Math.max(...benjaminiHochberg([0.9, 0.95, 0.99]))).toBeLessThanOrEqual(1);
  });

  it("is monotone in p and never below the unadjusted p", () => {
    const p = [0.3, 0.001, 0.02, 0.02, 0.7, 0.045];
    const adj = benjaminiHochberg(p);
    p.forEach((v, i) => expect(adj[i]).toBeGreaterThanOrEqual(v));
    const order = p.map((_, i) => i).sort((i, j) => p[i]! - p[j]!);
    for (let k = 1; k < order.length; k++) expect(adj[order[k]!]).toBeGreaterThanOrEqual(adj[order[k - 1]!]!);
  });

  it("refuses a p outside [0, 1]", () => {
    expect(() => benjaminiHochberg([0.2, 1.2])).toThrow(RangeError);
    expect(() => benjaminiHochberg([NaN])).toThrow(RangeError);
  });
});
