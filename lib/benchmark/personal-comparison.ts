import type { Db } from "../../db/client";
import { releaseStatus } from "../../db/queries/releases";
import { NOTHING, planGate } from "../../core/disclosure/figure-gate";
import { currentRelease } from "../disclosure/releases";
import { counter, emptyCounters, type CounterVector } from "../../core/counters";
import { capabilityFigures, type Rule } from "./figures";
import { stateAndDerived } from "./population";

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
export async function personalComparison(
  db: Db,
  waveId: number,
  min: number,
): Promise<{ wave: { n: number; means: Record<string, number> }; benchmark: { n: number; orgs: number; means: Record<string, number> } }> {
  const release = await currentRelease(db, waveId, min);
  const wave = release ? release.totals : emptyCounters();
  // Before the first release, the live count says how many have taken part (a count, no answers).
  const n = release ? counter(wave, "n") : (await releaseStatus(db, waveId)).live;
  const { state: s, derived: d } = await stateAndDerived(db, min);
  return {
    wave: { n, means: meanLevels(wave, release ? planGate(release.plan, "all") : NOTHING) },
    // The whole benchmark, shown only where every organisation's others pass the comparison rule.
    benchmark: { n: counter(s.total, "n"), orgs: s.members.size, means: Object.fromEntries(d.report.capabilities.flatMap((c) => (c.meanLevel.suppressed ? [] : [[c.capability, c.meanLevel.mean]]))) },
  };
}
