/*
 * The benchmark population in memory: every organisation's latest released wave, the figures derived
 * from it, and the sorted comparison arrays, kept in step with releases through the change feed.
 */
import type { Db } from "../../db/client";
import { readReleasedPopulation, type StoredMember } from "../../db/queries/releases";
import { changedOrganisations, latestChange, pruneChangeFeed } from "../../db/queries/change-feed";
import { planGate } from "../../core/disclosure/figure-gate";
import type { FigureKey, WavePlan } from "../../core/disclosure/plan";
import { currentRelease, releasePending } from "../disclosure/releases";
import { decodeCountersInto } from "../../core/counter-codec";
import { addVectors, emptyCounters, type CounterVector } from "../../core/counters";
import { orgMetrics, type OrgMetrics } from "./compare";
import { applyMembers, derivedOf, type Derived, type Member, type PopulationInMemory } from "./population-memory";

type BenchmarkState = PopulationInMemory & {
  db: Db;
  min: number;
  /** The last row of the change feed (db/queries/change-feed.ts) this state includes. */
  feedId: number;
};

/*
 * The benchmark population is made of released states (lib/disclosure/releases.ts) and kept in
 * memory. Every change to it, by this process or another one on the same database, leaves a row in
 * the change feed (written by triggers, migration 0008); before each use the state reads the rows
 * after its last one and re-reads only the organisations they name, so several processes agree
 * without reloading everything. Only a feed pruned past the state's last row (a process idle for
 * over an hour) makes it load everything again.
 *
 * Reading the feed and the population awaits the database, so requests of this process may ask for
 * the state at the same time. They take turns per Db (`turns`): one full load at a time, and the
 * feed's rows applied once, by the first request to read them; the requests waiting behind it then
 * find nothing new. Each turn reads the feed after it starts, so a request sees at least every
 * change committed before it asked. A follow reads everything it needs first and then changes the
 * state in one synchronous step (applyMembers, population-memory.ts), replacing `members` and
 * `total` rather than changing them in place, so whoever holds them from an earlier turn keeps a
 * consistent population.
 */
const states = new WeakMap<Db, BenchmarkState>();
const turns = new WeakMap<Db, Promise<unknown>>();

const FEED_KEEP_MS = 60 * 60 * 1000;
const PRUNE_EVERY_MS = 60 * 1000;
const pruned = new WeakMap<Db, number>();

/** Runs `fn` after every earlier turn for this database has finished (whether it failed or not). */
function inTurn<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  const run = (turns.get(db) ?? Promise.resolve()).then(fn);
  turns.set(db, run.catch(() => undefined));
  return run;
}

async function memberOf(db: Db, stored: StoredMember, min: number): Promise<Member> {
  const m = { orgId: stored.orgId, slug: stored.slug, sector: stored.sector, sizeBand: stored.sizeBand, waveId: stored.waveId, counters: decodeCountersInto(stored.counters) };
  // Members need only what their plan shows for the whole wave.
  let plan: WavePlan = { min: stored.planMin, views: { all: JSON.parse(stored.wholeFigures) as FigureKey[] } };
  // Planned under another threshold: plan the released state again under this one.
  if (plan.min !== min) plan = (await currentRelease(db, m.waveId, min))?.plan ?? plan;
  return { ...m, plan, metrics: orgMetrics(m, planGate(plan, "all")) };
}

/** Applies the change feed's rows after the state's last one; false when they were pruned. Only in a turn. */
async function follow(state: BenchmarkState): Promise<boolean> {
  const { db } = state;
  const latest = await latestChange(db);
  if (latest === state.feedId) return true;
  const changed = await changedOrganisations(db, state.feedId, latest);
  if (!changed) return false;
  // Read every changed organisation first, then apply them all at once.
  const read: [number, Member | undefined][] = [];
  for (const orgId of changed) {
    const stored = (await readReleasedPopulation(db, orgId))[0];
    read.push([orgId, stored ? await memberOf(db, stored, state.min) : undefined]);
  }
  applyMembers(state, read);
  state.feedId = latest;
  return true;
}

async function pruneFeed(db: Db): Promise<void> {
  const now = Date.now();
  if (now - (pruned.get(db) ?? 0) < PRUNE_EVERY_MS) return;
  pruned.set(db, now);
  await pruneChangeFeed(db, new Date(now - FEED_KEEP_MS).toISOString());
}

export function loadState(db: Db, min: number): Promise<BenchmarkState> {
  return inTurn(db, async () => {
    await pruneFeed(db);
    const cached = states.get(db);
    if (cached && cached.min === min && (await follow(cached))) return cached;
    // Waves whose responses have not been released yet (an import, a seed, another process) are first.
    await releasePending(db, min);
    // Read before the population: a change written meanwhile is applied again by the next follow().
    const feedId = await latestChange(db);
    const members = new Map<number, Member>();
    const total = emptyCounters();
    for (const stored of await readReleasedPopulation(db)) {
      const member = await memberOf(db, stored, min);
      members.set(member.orgId, member);
      addVectors(total, member.counters);
    }
    const state: BenchmarkState = { db, min, feedId, generation: 0, members, total };
    states.set(db, state);
    return state;
  });
}

/** The benchmark population: every organisation's latest released wave. */
export async function loadBenchmark(db: Db, min: number): Promise<{ members: Member[]; metrics: OrgMetrics[]; total: CounterVector }> {
  const s = await loadState(db, min);
  const members = [...s.members.values()];
  return { members, metrics: members.map((m) => m.metrics), total: s.total };
}

/**
 * The state and the figures derived from it, of one moment. `derived.sorted` is patched in place by
 * later follows: use it before awaiting anything else.
 */
export async function stateAndDerived(db: Db, min: number): Promise<{ state: BenchmarkState; derived: Derived }> {
  const state = await loadState(db, min);
  return { state, derived: derivedOf(state, min) };
}

export async function derived(db: Db, min: number): Promise<Derived> {
  return derivedOf(await loadState(db, min), min);
}

/**
 * A figure of the benchmark population computed once per population state and threshold, e.g. the
 * capability links of the dashboards' priorities; recomputed after any change to the population.
 */
export async function benchmarkMemo<T>(db: Db, min: number, key: string, compute: (metrics: OrgMetrics[], sorted: ReadonlyMap<string, Float64Array>) => T): Promise<T> {
  const s = await loadState(db, min);
  const d = derivedOf(s, min);
  // Synchronous from derivedOf on: the sorted arrays are this generation's (population-memory.ts).
  if (!d.memo.has(key)) d.memo.set(key, compute([...s.members.values()].map((m) => m.metrics), d.sorted));
  return d.memo.get(key) as T;
}
/** The organisation's own contribution to the benchmark population, when it has one. */
export async function ownMember(db: Db, orgId: number, min: number): Promise<{ counters: CounterVector; plan: WavePlan } | null> {
  return (await loadState(db, min)).members.get(orgId) ?? null;
}
