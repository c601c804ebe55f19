/*
 * Benchmark figures pooled over organisations. Any lead can subtract their own organisation from a
 * pooled figure, so a pooled figure is shown only when, for every organisation in it, the others
 * are at least MIN_COMPARISON_ORGS organisations that answered and at least `min` respondents in
 * every base. "Others" always means other organisations: never a department's own colleagues.
 */
import { addVectors, emptyCounters, type CounterVector } from "../counters";
import type { FigureGate } from "./figure-gate";
import { FIGURE_KEYS, figureBases, type FigureKey } from "./plan";
import { MIN_COMPARISON_ORGS, meetsThreshold } from "./threshold";

/** The gate for figures pooled over `members` (each an organisation's released counters). */
export function pooledGate(members: readonly CounterVector[], min: number): FigureGate {
  const total = emptyCounters();
  for (const m of members) addVectors(total, m);
  const allowed = new Set<FigureKey>();
  for (const key of FIGURE_KEYS) {
    const totals = figureBases(key, total);
    const per = members.map((m) => figureBases(key, m));
    const contributing = per.filter((b) => b.some((x) => x > 0)).length;
    const ok = totals.every((t, j) => {
      const largest = per.reduce((a, b) => Math.max(a, b[j]!), 0);
      return meetsThreshold(t - largest, min);
    });
    if (ok && contributing - 1 >= MIN_COMPARISON_ORGS) allowed.add(key);
  }
  return { min, allows: (key) => allowed.has(key) };
}

/** Whether a comparison among organisations (ranks, medians) has enough other organisations. */
export function enoughOrganisations(others: number): boolean {
  return others >= MIN_COMPARISON_ORGS;
}

/**
 * The other organisations' part of a pooled count: the pooled figure minus the whole own
 * organisation's contribution (never only one of its departments).
 */
export function othersOf(pooled: { count: number; n: number }, ownOrganisation: { count: number; n: number } | null): { count: number; n: number } {
  return ownOrganisation ? { count: pooled.count - ownOrganisation.count, n: pooled.n - ownOrganisation.n } : pooled;
}
