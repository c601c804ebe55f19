/*
 * How strongly each capability goes with customer understanding across organisations: Spearman's
 * rho between an organisation's measured coverage of the capability and its % agreeing that
 * everyone understands the customers (organisations with at least `min` responses). The p-value is
 * exact (every permutation) up to 10 organisations, where the t-approximation is poor, and the
 * t-approximation above (spearmanTest).
 */
import { averageRanksIn, spearmanTest, type SpearmanMethod } from "../../core/stats/index";
import { presortedFor } from "./sorted-metrics";
import { AGG_CAPABILITIES } from "../../core/counters";
import type { OrgMetrics } from "./compare";
import { enoughOrganisations } from "../../core/disclosure/comparison";
import { SUPPRESSED, type Suppressed } from "../../core/disclosure/released";
import { meetsThreshold } from "../../core/disclosure/threshold";

export type CapabilityLink = ({ suppressed: false; rho: number; pValue: number; /** Set by capabilityLinks; absent only in hand-built links. */ method?: SpearmanMethod } | Suppressed) & { organisations: number };

/**
 * `sorted` (optional): the population's sorted metric arrays (sorted-metrics.ts). When a capability's
 * eligible organisations are exactly those of its arrays, the ranks are found in them instead of by
 * sorting, and customer agreement, then the same values for every such capability, is ranked once:
 * the same ranks, the same figures (tests/unit/benchmark-incremental.test.ts), in a fraction of the
 * time at ten thousand organisations.
 */
export function capabilityLinks(metrics: readonly OrgMetrics[], min: number, sorted?: ReadonlyMap<string, Float64Array>): Record<string, CapabilityLink> {
  const links: Record<string, CapabilityLink> = {};
  const agreeing = metrics.filter((m) => meetsThreshold(m.n, min) && Number.isFinite(m.customerAgree));
  let agreementRanks: number[] | undefined;
  for (const c of AGG_CAPABILITIES) {
    const eligible = agreeing.filter((m) => Number.isFinite(m.coverage[c]));
    if (!enoughOrganisations(eligible.length)) {
      links[c] = { ...SUPPRESSED, organisations: eligible.length };
      continue;
    }
    const y = eligible.map((m) => m.customerAgree);
    const presorted = presortedFor(sorted, `coverage.${c}`, eligible.length);
    // With the arrays, `eligible` is every organisation agreeing: the same y, ranked once for all such capabilities.
    if (presorted.y) agreementRanks ??= averageRanksIn(presorted.y, y);
    const r = spearmanTest(eligible.map((m) => m.coverage[c]!), y, presorted.y ? { x: presorted.x, yRanks: agreementRanks } : {});
    // A capability nobody varies in (every organisation equal) has no defined rank correlation.
    links[c] = Number.isFinite(r.rho) ? { suppressed: false, rho: r.rho, pValue: r.pValue, method: r.method, organisations: eligible.length } : { ...SUPPRESSED, organisations: eligible.length };
  }
  return links;
}
