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
  return gateOfTally(tallyOf(members), min);
}

/**
 * All the comparison rule needs to know of a pool, per FIGURE_KEYS index: its total counters, how
 * many members have any of the figure's bases above 0, and each base's largest value among the
 * members. Integer counts only, so a tally kept up to date member by member (lib/benchmark/
 * pooled-tallies.ts) equals one counted afresh.
 */
export type PoolTally = {
  total: CounterVector;
  contributing: readonly number[];
  largest: readonly (readonly number[])[];
};

export function tallyOf(members: readonly CounterVector[]): PoolTally {
  const total = emptyCounters();
  for (const m of members) addVectors(total, m);
  const contributing = FIGURE_KEYS.map(() => 0);
  const largest = FIGURE_KEYS.map((key) => figureBases(key, total).map(() => 0));
  for (const m of members) {
    FIGURE_KEYS.forEach((key, k) => {
      const bases = figureBases(key, m);
      if (bases.some((x) => x > 0)) contributing[k]!++;
      const top = largest[k]!;
      bases.forEach((x, j) => {
        if (x > top[j]!) top[j] = x;
      });
    });
  }
  return { total, contributing, largest };
}

/** The comparison rule on a pool's tally (see the file comment). */
export function gateOfTally(tally: PoolTally, min: number): FigureGate {
  const allowed = new Set<FigureKey>();
  FIGURE_KEYS.forEach((key, k) => {
    const ok = figureBases(key, tally.total).every((t, j) => meetsThreshold(t - tally.largest[k]![j]!, min));
    if (ok && tally.contributing[k]! - 1 >= MIN_COMPARISON_ORGS) allowed.add(key);
  });
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
