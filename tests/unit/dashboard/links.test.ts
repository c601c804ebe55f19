import { describe, expect, it } from "vitest";
import { orgLevelCorrelation, type OrgMetrics } from "../../../lib/benchmark/compare";
import { capabilityLinks } from "../../../lib/benchmark/links";
import { linkWeight, rankPriorities } from "../../../lib/benchmark/priority-ranking";
import { AGG_CAPABILITIES } from "../../../core/counters";
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

  it("matches scipy, ties by average ranks, with the exact permutation p for 8 organisations", () => {
    // x = [10, 20, 20, 35, 50, 55, 70, 80]; y = [30, 25, 40, 45, 60, 50, 75, 70]
    // scipy.stats.spearmanr(x, y) → statistic 0.9101959590540767 (its t-approximation p 0.0016908608862384285 is no longer used
    // for n <= 10, issue 11); exact: scipy.stats.permutation_test((y,), lambda y: spearmanr(x, y).statistic,
    // permutation_type='pairings', n_resamples=np.inf).pvalue = 0.0030753968253968253 = 124/40320 (tests/unit/stats/reference_figures.py)
    const d = links.data!;
    if (d.suppressed) throw new Error("expected a link");
    expectRelClose(d.rho, 0.9101959590540767, 1e-12);
    expectRelClose(d.pValue, 0.0030753968253968253, 1e-12);
    expect(d.method).toBe("exact_permutation");
    expect(d.organisations).toBe(8);
    // scipy.stats.spearmanr([80, 70, 65, 50, 40, 30, 20, 10], y) → statistic -0.9285714285714287 (t-approximation p 0.0008629681828999767);
    // exact permutation_test p = 0.002232142857142857 = 90/40320
    const s = links.security!;
    if (s.suppressed) throw new Error("expected a link");
    expectRelClose(s.rho, -0.9285714285714287, 1e-12);
    expectRelClose(s.pValue, 0.002232142857142857, 1e-12);
  });

  it("a perfect rank correlation on 5 organisations has the exact p 2/120, not p < 0.001", () => {
    const five = capabilityLinks(organisations([10, 20, 30, 40, 50], [50, 40, 30, 20, 10], [11, 12, 13, 14, 15], [20, 20, 20, 20, 20]), 5);
    expect(five.data).toEqual({ suppressed: false, rho: 1, pValue: 2 / 120, method: "exact_permutation", organisations: 5 });
    expect(five.security).toMatchObject({ rho: -1, pValue: 2 / 120 });
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

describe("organisation-level correlation (the analysis scatter)", () => {
  it("uses the exact permutation p for up to 10 organisations", () => {
    // x = [10, 20, 30, 40, 50], y = [20, 25, 22, 50, 45]: rho 0.8; exact permutation p 16/120 = 0.13333333333333333
    // (scipy.stats.permutation_test, pairings, n_resamples=np.inf; the t-approximation of spearmanr gave 0.10408803866182788)
    const m = (orgId: number, x: number, y: number): OrgMetrics => ({ orgId, sector: "s", sizeBand: "small", n: 10, index: 0, coverage: {}, representativeCoverage: x, customerAgree: y });
    const r = orgLevelCorrelation([m(1, 10, 20), m(2, 20, 25), m(3, 30, 22), m(4, 40, 50), m(5, 50, 45)], 5);
    if (r.suppressed) throw new Error("expected a correlation");
    expect(r.rho).toBeCloseTo(0.8, 12);
    expect(r.pValue).toBeCloseTo(16 / 120, 15);
    expect(r.method).toBe("exact_permutation");
  });
});
