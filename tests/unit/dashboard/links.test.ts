import { describe, expect, it } from "vitest";
import type { OrgMetrics } from "../../../lib/benchmark/compare";
import { capabilityLinks } from "../../../lib/benchmark/links";
import { linkWeight, rankPriorities } from "../../../lib/benchmark/priorities";
import { AGG_CAPABILITIES } from "../../../lib/benchmark/counters";
import { expectRelClose } from "../stats/expect-rel-close";

/** Organisations with data and security coverage as given, every other capability at 50% (no variation). */
function organisations(data: number[], security: number[], customer: number[], n: number[]): OrgMetrics[] {
  return data.map((d, i) => ({
    orgId: i + 1,
    sector: "Retail",
    sizeBand: "small",
    n: n[i]!,
    index: 50,
    coverage: Object.fromEntries(AGG_CAPABILITIES.map((c) => [c, c === "data" ? d : c === "security" ? security[i]! : 50])),
    representativeCoverage: Math.min(d, security[i]!),
    customerAgree: customer[i]!,
  }));
}

describe("capability links: Spearman across organisations, the weight of the priority ranking", () => {
  // Eight organisations with at least 5 responses, and a ninth with 3 that must be left out.
  const data = [10, 20, 20, 35, 50, 55, 70, 80, 99];
  const security = [80, 70, 65, 50, 40, 30, 20, 10, 99];
  const customer = [30, 25, 40, 45, 60, 50, 75, 70, 0];
  const n = [20, 20, 20, 20, 20, 20, 20, 20, 3];
  const links = capabilityLinks(organisations(data, security, customer, n), 5);

  it("matches scipy, ties by average ranks", () => {
    // x = [10, 20, 20, 35, 50, 55, 70, 80]; y = [30, 25, 40, 45, 60, 50, 75, 70]
    // scipy.stats.spearmanr(x, y) → statistic 0.9101959590540767, pvalue 0.0016908608862384285 (t distribution, 6 df)
    const d = links.data!;
    if (d.suppressed) throw new Error("expected a link");
    expectRelClose(d.rho, 0.9101959590540767, 1e-12);
    expectRelClose(d.pValue, 0.0016908608862384285, 1e-9);
    expect(d.organisations).toBe(8);
    // scipy.stats.spearmanr([80, 70, 65, 50, 40, 30, 20, 10], y) → statistic -0.9285714285714287, pvalue 0.0008629681828999767
    const s = links.security!;
    if (s.suppressed) throw new Error("expected a link");
    expectRelClose(s.rho, -0.9285714285714287, 1e-12);
    expectRelClose(s.pValue, 0.0008629681828999767, 1e-9);
  });

  it("has no link for a capability every organisation covers equally, nor with fewer than 5 organisations", () => {
    expect(links.coding).toEqual({ suppressed: true, organisations: 8 });
    const few = capabilityLinks(organisations(data.slice(0, 4), security.slice(0, 4), customer.slice(0, 4), n.slice(0, 4)), 5);
    expect(few.data).toEqual({ suppressed: true, organisations: 4 });
  });

  it("weights the ranking: a capability that goes against customer understanding counts 0, an unknown link 1", () => {
    expect(linkWeight(links.data!)).toBeCloseTo(0.9101959590540767, 12);
    expect(linkWeight(links.security!)).toBe(0);
    expect(linkWeight(links.coding!)).toBe(1);
    const levels = { start: 10, build: 10, able: 20 };
    const ranked = rankPriorities([
      { capability: "security", coverage: 20, n: 40, levels, benchmark: { median: 50, topQuartile: 60 }, link: links.security! }, // 30 × 0 = 0
      { capability: "data", coverage: 40, n: 40, levels, benchmark: { median: 50, topQuartile: 60 }, link: links.data! }, // 10 × 0.910 = 9.10
      { capability: "coding", coverage: 45, n: 40, levels, benchmark: { median: 50, topQuartile: 60 }, link: links.coding! }, // 5 × 1 = 5
    ]);
    expect(ranked.map((p) => [p.capability, Number(p.score.toFixed(4))])).toEqual([
      ["data", 9.102],
      ["coding", 5],
      ["security", 0],
    ]);
  });
});
