import { describe, expect, it } from "vitest";
import type { OrgLevelCorrelation } from "../../../lib/benchmark/compare";
import { scatterBase, scatterFor, selfPoint } from "../../../lib/benchmark/org-scatter";
import { release } from "../../../core/disclosure/released";

const correlation = (points: [number, number, boolean?][]): OrgLevelCorrelation =>
  release({
  organisations: points.length,
  rho: 0.5,
  pValue: 0.01,
  points: points.map(([representativeCoverage, customerAgree, self]) => ({ representativeCoverage, customerAgree, self: self ?? false })),
});

describe("organisation-level chart", () => {
  const points: [number, number, boolean?][] = [
    [10, 20],
    [10, 20, true], // this organisation shares its point with another one
    [10, 20],
    [30.04, 50],
    [55, 70],
    [80, 90],
  ];

  it("shows this organisation highlighted and takes it out of the anonymous points", () => {
    const c = correlation(points);
    const chart = scatterFor(scatterBase(c), selfPoint(c));
    if (chart.suppressed) throw new Error("expected a chart");
    expect(chart.self).toEqual({ x: 10, y: 20 });
    expect(chart.others).toEqual([
      { x: 10, y: 20, count: 2 },
      { x: 30, y: 50, count: 1 },
      { x: 55, y: 70, count: 1 },
      { x: 80, y: 90, count: 1 },
    ]);
    expect(chart.others.reduce((a, p) => a + p.count, 0)).toBe(points.length - 1);
    // Quarters cover every organisation, this one included: 6 points sorted by x, split 1/2/1/2.
    expect(chart.quarters.map((q) => q.organisations)).toEqual([1, 2, 1, 2]);
  });

  it("serves every organisation from one shared base without changing it", () => {
    const base = scatterBase(correlation(points.map(([x, y]) => [x, y])));
    const a = scatterFor(base, { x: 80, y: 90 });
    const b = scatterFor(base, null);
    if (a.suppressed || b.suppressed || base.suppressed) throw new Error("expected charts");
    expect(a.others.map((p) => [p.x, p.y, p.count])).toEqual([
      [10, 20, 3],
      [30, 50, 1],
      [55, 70, 1],
    ]);
    expect(b.others.reduce((s, p) => s + p.count, 0)).toBe(6);
    expect(base.all.reduce((s, p) => s + p.count, 0)).toBe(6);
  });

  it("is suppressed with too few organisations", () => {
    const c: OrgLevelCorrelation = { suppressed: true, organisations: 3 };
    expect(scatterFor(scatterBase(c), selfPoint(c))).toEqual({ suppressed: true, organisations: 3 });
  });
});
