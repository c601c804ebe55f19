import type { Db } from "../../db/client";
import { releaseStatus } from "../../db/queries/releases";
import { NOTHING, planGate } from "../../core/disclosure/figure-gate";
import { currentRelease } from "../disclosure/releases";
import { counter, emptyCounters, type CounterVector } from "../../core/counters";
import { capabilityFigures, type Rule } from "./figures";
import { derived, loadState } from "./population";

/** Mean self level per capability of a counter vector, where `rule` allows the capability's figures. */
export function meanLevels(v: CounterVector, rule: Rule): Record<string, number> {
  const means: Record<string, number> = {};
  for (const c of capabilityFigures(v, rule)) if (!c.meanLevel.suppressed) means[c.capability] = c.meanLevel.mean;
  return means;
}

/**
 * What a personal report compares a respondent with: the mean levels of their wave's current
 * release and of the benchmark, each only where the disclosure rules allow it (an empty `means`
 * otherwise).
 */
export function personalComparison(
  db: Db,
  waveId: number,
  min: number,
): { wave: { n: number; means: Record<string, number> }; benchmark: { n: number; orgs: number; means: Record<string, number> } } {
  const release = currentRelease(db, waveId, min);
  const wave = release ? release.totals : emptyCounters();
  const s = loadState(db, min);
  const d = derived(db, min);
  return {
    // Before the first release, the live count says how many have taken part (a count, no answers).
    wave: { n: release ? counter(wave, "n") : releaseStatus(db, waveId).live, means: meanLevels(wave, release ? planGate(release.plan, "all") : NOTHING) },
    // The whole benchmark, shown only where every organisation's others pass the comparison rule.
    benchmark: { n: counter(s.total, "n"), orgs: s.members.size, means: Object.fromEntries(d.report.capabilities.flatMap((c) => (c.meanLevel.suppressed ? [] : [[c.capability, c.meanLevel.mean]]))) },
  };
}
