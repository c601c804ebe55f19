/*
 * The benchmark's derived figures after changes to its population, kept up to date member by member
 * (lib/benchmark/population-memory.ts), equal exactly — every floating-point value — what the full
 * computation from scratch gives for the same members: the pooled figures with their comparison
 * rule (pooledFigures), the sorted comparison arrays, the distributions and the organisation-level
 * correlation. Random populations, then random sequences of changes: an organisation joins, gets a
 * new release, leaves, its plan hides figures, it moves to another sector or size band; several at
 * once as one follow of the change feed applies them. The rank correlations (organisation level,
 * capability links) found with the kept sorted arrays equal those that sort afresh. And the average
 * ranks, computed by one native sort or found in sorted values, are those of their definition.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRng, generateAnswers } from "../../db/factories";
import { planGate } from "../../core/disclosure/figure-gate";
import { FIGURE_KEYS, type FigureKey } from "../../core/disclosure/plan";
import { addResponse, addVectors, AGG_CAPABILITIES, emptyCounters, SOURCE_COLUMNS } from "../../core/counters";
import { distribution, orgLevelCorrelation, orgMetrics } from "../../lib/benchmark/compare";
import { pooledFigures } from "../../lib/benchmark/population-figures";
import { applyMembers, correlationPointOrgs, derivedOf, type Member, type PopulationInMemory } from "../../lib/benchmark/population-memory";
import { presortedFor, sortedGroups } from "../../lib/benchmark/sorted-metrics";
import { capabilityLinks } from "../../lib/benchmark/links";
import type { BenchmarkReport } from "../../lib/benchmark/benchmark-report";
import { averageRanks, averageRanksIn, spearmanTest } from "../../core/stats/index";
import { getQuestionnaire } from "../../questions";

const MIN = 5;
const q = getQuestionnaire(1);
const SECTORS = ["Retail", "Energy", "Health"];
const SIZES = ["small", "medium"];

/** Stored-encoding source values of answers, as the aggregates read them. */
function source(a: Record<string, unknown>): unknown[] {
  return SOURCE_COLUMNS.map((c) => {
    const v = a[c];
    if (v === undefined) return null;
    return v === "dont_know" && ["vision", "ld_awareness", "customer_understanding"].includes(c) ? 0 : v;
  });
}

type Release = { responses: number; seed: number; skips: number; hidden: FigureKey[] };
type Place = { sector: number; size: number };

/** An organisation's released counters: `responses` generated answers, a share of items skipped. */
function countersOf(r: Release) {
  const rng = createRng(r.seed);
  const maturity = rng() * 2 - 1;
  const v = emptyCounters();
  for (let i = 0; i < r.responses; i++) {
    const answers: Record<string, unknown> = generateAnswers(rng, q.capabilityIds, { maturity, departments: [] });
    for (const key of Object.keys(answers)) if (key !== "seniority" && rng() < r.skips / 10) delete answers[key];
    addResponse(v, source(answers));
  }
  return v;
}

function memberOf(orgId: number, r: Release, place: Place): Member {
  const counters = countersOf(r);
  const plan = { min: MIN, views: { all: FIGURE_KEYS.filter((k) => !r.hidden.includes(k)) } };
  const m = { orgId, slug: `org-${orgId}`, sector: SECTORS[place.sector]!, sizeBand: SIZES[place.size]!, waveId: 100 + orgId, counters };
  return { ...m, plan, metrics: orgMetrics(m, planGate(plan, "all")) };
}

/** The members with another plan (same counters) or another place (same counters and plan). */
const withPlan = (m: Member, hidden: FigureKey[]): Member => {
  const plan = { min: MIN, views: { all: FIGURE_KEYS.filter((k) => !hidden.includes(k)) } };
  return { ...m, plan, metrics: orgMetrics(m, planGate(plan, "all")) };
};
const withPlace = (m: Member, place: Place): Member => {
  const moved = { ...m, sector: SECTORS[place.sector]!, sizeBand: SIZES[place.size]! };
  return { ...moved, metrics: orgMetrics(moved, planGate(moved.plan, "all")) };
};

/** What derivedOf computed before it was made incremental: everything from the members, from scratch. */
function fromScratch(members: readonly Member[], min: number) {
  const metrics = members.map((m) => m.metrics);
  const sorted = sortedGroups(metrics, min);
  const correlation = orgLevelCorrelation(metrics, min);
  const pointOrgs = correlationPointOrgs(metrics, min);
  const report: BenchmarkReport = {
    scope: {},
    organisations: members.length,
    ...pooledFigures(members, min),
    organisationLevel: correlation.suppressed ? correlation : { ...correlation, points: [] },
    distributions: {
      index: distribution(Array.from(sorted.get("index|all") ?? [])),
      coverage: Object.fromEntries(AGG_CAPABILITIES.map((c) => [c, distribution(Array.from(sorted.get(`coverage.${c}|all`) ?? []))])),
    },
  };
  return { min, report, sorted, correlation, pointOrgs };
}

function populationOf(members: readonly Member[]): PopulationInMemory {
  const total = emptyCounters();
  for (const m of members) addVectors(total, m.counters);
  return { generation: 0, members: new Map([...members].sort((a, b) => a.orgId - b.orgId).map((m) => [m.orgId, m])), total };
}

// Mostly every figure shown, sometimes a few hidden by the organisation's own plan.
const hiddenArb = fc.oneof({ arbitrary: fc.constant<FigureKey[]>([]), weight: 3 }, { arbitrary: fc.subarray([...FIGURE_KEYS], { maxLength: 4 }), weight: 1 });
// Sizes around the threshold and the comparison rule's boundaries, so figures flip between shown and suppressed.
const releaseArb = fc.record({ responses: fc.integer({ min: 0, max: 30 }), seed: fc.integer({ min: 1, max: 1_000_000 }), skips: fc.integer({ min: 0, max: 3 }), hidden: hiddenArb });
const placeArb = fc.record({ sector: fc.integer({ min: 0, max: SECTORS.length - 1 }), size: fc.integer({ min: 0, max: SIZES.length - 1 }) });
const orgArb = fc.integer({ min: 1, max: 16 });
const changeArb = fc.oneof(
  fc.record({ kind: fc.constant("release" as const), org: orgArb, release: releaseArb, place: placeArb }),
  fc.record({ kind: fc.constant("leave" as const), org: orgArb }),
  fc.record({ kind: fc.constant("plan" as const), org: orgArb, hidden: hiddenArb }),
  fc.record({ kind: fc.constant("move" as const), org: orgArb, place: placeArb }),
);
type Change = ValueOf<typeof changeArb>;
type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

/** The member an organisation has after a change (undefined: not in the population). */
function after(current: Member | undefined, c: Change): Member | undefined {
  if (c.kind === "release") return memberOf(c.org, c.release, c.place);
  if (c.kind === "leave" || !current) return undefined;
  return c.kind === "plan" ? withPlan(current, c.hidden) : withPlace(current, c.place);
}

describe("the benchmark's derived figures, kept up to date across changes", () => {
  it("equal a full recomputation after every change, to the last floating-point digit", () => {
    const seen = { shown: 0, suppressed: 0, removals: 0, presorted: 0, sorting: 0 };
    fc.assert(
      fc.property(
        fc.array(fc.tuple(orgArb, releaseArb, placeArb), { maxLength: 14 }),
        fc.array(fc.array(changeArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }),
        (initial, steps) => {
          const start = new Map(initial.map(([org, r, place]) => [org, memberOf(org, r, place)]));
          const population = populationOf([...start.values()]);
          expect(pick(derivedOf(population, MIN))).toEqual(fromScratch([...population.members.values()], MIN));
          for (const step of steps) {
            // One follow of the change feed: each change applied to what the previous one left.
            const members = new Map(population.members);
            const changed = step.map((c): [number, Member | undefined] => {
              const m = after(members.get(c.org), c);
              if (m) members.set(c.org, m);
              else if (members.delete(c.org)) seen.removals++;
              return [c.org, m];
            });
            applyMembers(population, changed);
            const derived = derivedOf(population, MIN);
            const metrics = [...population.members.values()].map((m) => m.metrics);
            expect(pick(derived)).toEqual(fromScratch([...population.members.values()], MIN));
            // The links ranked in the kept arrays (as the dashboards get them) equal those ranked by sorting.
            expect(capabilityLinks(metrics, MIN, derived.sorted)).toEqual(capabilityLinks(metrics, MIN));
            seen[derived.report.findings.f1.suppressed ? "suppressed" : "shown"]++;
            seen[presortedFor(derived.sorted, "representativeCoverage", derived.pointOrgs.length).x ? "presorted" : "sorting"]++;
          }
        },
      ),
      { seed: 20261128, numRuns: 150 },
    );
    // The generated populations cross the comparison rule's boundaries both ways.
    expect(seen.shown).toBeGreaterThan(50);
    expect(seen.suppressed).toBeGreaterThan(50);
    expect(seen.removals).toBeGreaterThan(50);
    // Both ways of ranking are exercised: with the kept arrays, and sorting when they hold other organisations too.
    expect(seen.presorted).toBeGreaterThan(50);
    expect(seen.sorting).toBeGreaterThan(50);
  });

  it("keep the population's members in organisation id order and total their counters", () => {
    const population = populationOf([memberOf(3, { responses: 6, seed: 1, skips: 0, hidden: [] }, { sector: 0, size: 0 })]);
    derivedOf(population, MIN);
    const joined = memberOf(1, { responses: 7, seed: 2, skips: 0, hidden: [] }, { sector: 1, size: 1 });
    applyMembers(population, [[1, joined]]);
    expect([...population.members.keys()]).toEqual([1, 3]);
    expect(population.total[0]).toBe(13);
    expect(population.generation).toBe(1);
    applyMembers(population, [[3, undefined]]);
    expect([...population.members.keys()]).toEqual([1]);
    expect(population.total).toEqual(joined.counters);
  });
});

describe("average ranks over many organisations", () => {
  // Percentages of small groups: many ties, as organisations' coverage and agreement have.
  const valueArb = fc.oneof(fc.integer({ min: 0, max: 20 }).map((k) => (k / 20) * 100), fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }));

  /** The definition: one more than the values below, plus half of the other values equal to it. */
  const byDefinition = (values: number[]) =>
    values.map((v) => 1 + values.filter((w) => w < v).length + (values.filter((w) => w === v).length - 1) / 2);

  it("are one plus the values below plus half the ties, for any values", () => {
    fc.assert(
      fc.property(fc.array(valueArb, { minLength: 1, maxLength: 400 }), (values) => {
        expect(averageRanks(values)).toEqual(byDefinition(values));
      }),
      { seed: 20261128, numRuns: 300 },
    );
  });

  it("found in the values already sorted are the same, for any values", () => {
    fc.assert(
      fc.property(fc.array(valueArb, { minLength: 1, maxLength: 400 }), (values) => {
        expect(averageRanksIn(Float64Array.from(values).sort(), values)).toEqual(averageRanks(values));
      }),
      { seed: 20261128, numRuns: 300 },
    );
    expect(() => averageRanksIn(Float64Array.from([1, 2]), [1, 3])).toThrow(/values\[1\] \(3\) is not among the sorted values/);
    expect(() => averageRanksIn(Float64Array.from([1]), [1, 3])).toThrow(/sorted must hold the 2 values, got 1/);
  });

  it("on 3,000 organisations with ties, -0 and 0 one value; Spearman's rho of a monotone link is 1", () => {
    const rng = createRng(7);
    const x = Array.from({ length: 3_000 }, (_, i) => (i === 0 ? -0 : Math.round(rng() * 40) * 2.5));
    expect(averageRanks(x)).toEqual(byDefinition(x));
    expect(averageRanksIn(Float64Array.from(x).sort(), x)).toEqual(byDefinition(x));
    expect(spearmanTest(x, x.map((v) => v * 2 + 1)).rho).toBe(1);
  });
});

/** The parts of a derived state a full recomputation has (not the on-demand memo). */
function pick(d: ReturnType<typeof derivedOf>) {
  return { min: d.min, report: d.report, sorted: d.sorted, correlation: d.correlation, pointOrgs: d.pointOrgs };
}
