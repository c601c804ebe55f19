/*
 * How strongly each capability goes with customer understanding across organisations: Spearman's
 * rho between an organisation's measured coverage of the capability and its % agreeing that
 * everyone understands the customers (organisations with at least `min` responses). The p-value is
 * exact (every permutation) up to 10 organisations, where the t-approximation is poor, and the
 * t-approximation above (spearmanTest).
 */
import { spearmanTest, type SpearmanMethod } from "../../core/stats/index";
import { AGG_CAPABILITIES } from "../../core/counters";
import type { OrgMetrics } from "./compare";
import { enoughOrganisations } from "../../core/disclosure/comparison";
import { SUPPRESSED, type Suppressed } from "../../core/disclosure/released";
import { meetsThreshold } from "../../core/disclosure/threshold";

export type CapabilityLink = ({ suppressed: false; rho: number; pValue: number; /** Set by capabilityLinks; absent only in hand-built links. */ method?: SpearmanMethod } | Suppressed) & { organisations: number };

export function capabilityLinks(metrics: readonly OrgMetrics[], min: number): Record<string, CapabilityLink> {
  const links: Record<string, CapabilityLink> = {};
  for (const c of AGG_CAPABILITIES) {
    const eligible = metrics.filter((m) => meetsThreshold(m.n, min) && Number.isFinite(m.coverage[c]) && Number.isFinite(m.customerAgree));
    if (!enoughOrganisations(eligible.length)) {
      links[c] = { ...SUPPRESSED, organisations: eligible.length };
      continue;
    }
    const r = spearmanTest(
      eligible.map((m) => m.coverage[c]!),
      eligible.map((m) => m.customerAgree),
    );
    // A capability nobody varies in (every organisation equal) has no defined rank correlation.
    links[c] = Number.isFinite(r.rho) ? { suppressed: false, rho: r.rho, pValue: r.pValue, method: r.method, organisations: eligible.length } : { ...SUPPRESSED, organisations: eligible.length };
  }
  return links;
}
