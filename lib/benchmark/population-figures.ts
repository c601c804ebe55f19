import { pooledGate } from "../../core/disclosure/comparison";
import type { FigureKey, WavePlan } from "../../core/disclosure/plan";
import { release, SUPPRESSED } from "../../core/disclosure/released";
import { addVectors, AGG_CAPABILITIES, counter, emptyCounters, type CounterVector } from "../../core/counters";
import { capabilityFigures, cronbachAlphaFromCounters, findings, indexDistribution, type CapabilityFigures, type Findings, type IndexDistribution, type Rule, type Shown } from "./figures";

export type PopulationFigures = {
  responses: number;
  findings: Findings;
  capabilities: CapabilityFigures[];
  index: Shown<IndexDistribution>;
  alpha: ReturnType<typeof cronbachAlphaFromCounters>;
};

/** All figures of one population's counters, each shown only where `rule` (a plan's gate) allows. */
export function populationFigures(v: CounterVector, rule: Rule): PopulationFigures {
  return {
    responses: counter(v, "n"),
    findings: findings(v, rule),
    capabilities: capabilityFigures(v, rule),
    index: indexDistribution(v, rule),
    alpha: cronbachAlphaFromCounters(v, rule),
  };
}

/**
 * Figures pooled over organisations. Each organisation contributes to a figure only when its own
 * release shows that figure for its whole wave (a figure its plan hides must not enter a pool and
 * be recovered by differencing the pool over time), and each pooled figure passes the comparison
 * rule over the organisations that contribute to it.
 */
export function pooledFigures(members: readonly { counters: CounterVector; plan: WavePlan }[], min: number): PopulationFigures {
  const total = emptyCounters();
  for (const m of members) addVectors(total, m.counters);
  const cache = new Map<string, PopulationFigures>();
  return assemblePooled(total, (key) => {
    const contributing = members.filter((m) => m.plan.views.all?.includes(key));
    const id = contributing.length === members.length ? "all" : key;
    let f = cache.get(id);
    if (!f) {
      const sum = emptyCounters();
      for (const m of contributing) addVectors(sum, m.counters);
      f = populationFigures(
        sum,
        pooledGate(
          contributing.map((m) => m.counters),
          min,
        ),
      );
      cache.set(id, f);
    }
    return f;
  });
}

/**
 * The pooled figures from the whole population's counters and each key's pooled figures: every
 * figure is taken from the pool of the key that gates it.
 */
export function assemblePooled(total: CounterVector, forKey: (key: FigureKey) => PopulationFigures): PopulationFigures {
  const capabilities = AGG_CAPABILITIES.map((c, i) => {
    const self = forKey(`self:${c}`).capabilities[i]!;
    const org = forKey(`org:${c}`).capabilities[i]!;
    return {
      capability: c,
      coverage: self.coverage,
      meanLevel: self.meanLevel,
      perceived: org.perceived,
      perceptionGap: !self.coverage.suppressed && !org.perceived.suppressed ? release({ points: org.perceived.pct - self.coverage.pct }) : SUPPRESSED,
    };
  });
  return {
    responses: counter(total, "n"),
    findings: {
      f1: forKey("cu").findings.f1,
      f2: forKey("f2").findings.f2,
      f3: forKey("f3").findings.f3,
      f4: forKey("f4").findings.f4,
      f5: forKey("f5").findings.f5,
    },
    capabilities,
    index: forKey("index").index,
    alpha: forKey("index").alpha,
  };
}
