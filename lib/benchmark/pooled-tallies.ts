/*
 * The pooled figures' inputs kept up to date member by member. A pooled figure of key K is computed
 * from the members whose release shows K for the whole wave (population-figures.ts): its counters'
 * sum and the comparison rule's tally of them (core/disclosure/comparison.ts). Counting all of that
 * afresh is every key × every key × every member; after one organisation's change only that
 * member's part moves. Everything kept here is an integer count, so sums updated by differences
 * equal sums counted afresh in any order, and the figures equal pooledFigures' exactly.
 */
import { FIGURE_KEYS, figureBases, type WavePlan } from "../../core/disclosure/plan";
import { gateOfTally, type PoolTally } from "../../core/disclosure/comparison";
import { addVectors, emptyCounters, type CounterVector } from "../../core/counters";
import { assemblePooled, populationFigures, type PopulationFigures } from "./population-figures";

export type PoolMember = { orgId: number; counters: CounterVector; plan: WavePlan };

/** Every base of every figure key, numbered: key k's bases are the slots from SLOT_START[k] on. */
const BASE_COUNTS = FIGURE_KEYS.map((key) => figureBases(key, emptyCounters()).length);
const SLOT_START = BASE_COUNTS.map((_, k) => BASE_COUNTS.slice(0, k).reduce((a, b) => a + b, 0));
const SLOTS = BASE_COUNTS.reduce((a, b) => a + b, 0);
const KEYS = FIGURE_KEYS.length;

/** What one member adds to the pools: computed once per member object (members are replaced, never changed). */
type Contribution = {
  counters: CounterVector;
  /** Per FIGURE_KEYS index: 1 when its release shows that figure for the whole wave (it is in that key's pool). */
  inPool: Uint8Array;
  /** Per slot: the base's value in this member's counters. */
  bases: Float64Array;
  /** Per FIGURE_KEYS index: 1 when any of the key's bases is above 0. */
  counted: Uint8Array;
};

/** The members contributing to one figure key: their number, counters' sum and the rule's tally. */
type Pool = {
  size: number;
  total: CounterVector;
  /** Per FIGURE_KEYS index. */
  contributing: Float64Array;
  /** Per slot: the largest value among the pool's members, and how many members hold it. */
  largest: Float64Array;
  holders: Float64Array;
};

export type PooledTallies = {
  members: Map<number, Contribution>;
  total: CounterVector;
  /** Per FIGURE_KEYS index. */
  pools: Pool[];
};

const contributions = new WeakMap<PoolMember, Contribution>();

function contributionOf(m: PoolMember): Contribution {
  let c = contributions.get(m);
  if (!c) {
    const shown = new Set(m.plan.views.all ?? []);
    c = { counters: m.counters, inPool: new Uint8Array(KEYS), bases: new Float64Array(SLOTS), counted: new Uint8Array(KEYS) };
    for (let k = 0; k < KEYS; k++) {
      const key = FIGURE_KEYS[k]!;
      const bases = figureBases(key, m.counters);
      c.bases.set(bases, SLOT_START[k]);
      c.inPool[k] = shown.has(key) ? 1 : 0;
      c.counted[k] = bases.some((x) => x > 0) ? 1 : 0;
    }
    contributions.set(m, c);
  }
  return c;
}

function emptyPool(): Pool {
  return { size: 0, total: emptyCounters(), contributing: new Float64Array(KEYS), largest: new Float64Array(SLOTS), holders: new Float64Array(SLOTS) };
}

export function buildTallies(members: Iterable<PoolMember>): PooledTallies {
  const t: PooledTallies = { members: new Map(), total: emptyCounters(), pools: FIGURE_KEYS.map(emptyPool) };
  for (const m of members) replaceMember(t, m.orgId, m);
  return t;
}

/**
 * The organisation's member becomes `after` (undefined: it left the population). A largest value
 * whose last holder left is found again by one scan of the members, after `after` has joined: a
 * member that grew keeps its place without a scan.
 */
export function replaceMember(t: PooledTallies, orgId: number, after: PoolMember | undefined): void {
  const before = t.members.get(orgId);
  const next = after && contributionOf(after);
  if (before === next) return;
  const stale: [Pool, number, number][] = [];
  if (before) {
    t.members.delete(orgId);
    subtract(t.total, before.counters);
    for (let k = 0; k < KEYS; k++) if (before.inPool[k]) leave(t.pools[k]!, before, (slot) => stale.push([t.pools[k]!, k, slot]));
  }
  if (next) {
    t.members.set(orgId, next);
    addVectors(t.total, next.counters);
    for (let k = 0; k < KEYS; k++) if (next.inPool[k]) join(t.pools[k]!, next);
  }
  rescan(t, stale);
}

function subtract(target: CounterVector, source: CounterVector): void {
  for (let i = 0; i < target.length; i++) target[i]! -= source[i]!;
}

function join(pool: Pool, c: Contribution): void {
  pool.size++;
  addVectors(pool.total, c.counters);
  addVectors(pool.contributing, c.counted);
  for (let slot = 0; slot < SLOTS; slot++) {
    const x = c.bases[slot]!;
    if (x > pool.largest[slot]!) {
      pool.largest[slot] = x;
      pool.holders[slot] = 1;
    } else if (x === pool.largest[slot]) pool.holders[slot]!++;
  }
}

/** Takes a member out of a pool; `lost` gets each slot whose largest value has no holder left. */
function leave(pool: Pool, c: Contribution, lost: (slot: number) => void): void {
  pool.size--;
  subtract(pool.total, c.counters);
  for (let k = 0; k < KEYS; k++) pool.contributing[k]! -= c.counted[k]!;
  for (let slot = 0; slot < SLOTS; slot++) {
    if (c.bases[slot] === pool.largest[slot] && --pool.holders[slot]! === 0) lost(slot);
  }
}

/** Finds the largest value again, and its holders, of each slot that lost its last holder and got no new one. */
function rescan(t: PooledTallies, stale: readonly [Pool, number, number][]): void {
  const open = stale.filter(([pool, , slot]) => pool.holders[slot] === 0);
  if (open.length === 0) return;
  for (const [pool, , slot] of open) pool.largest[slot] = 0;
  for (const c of t.members.values()) {
    for (const [pool, key, slot] of open) {
      if (!c.inPool[key]) continue;
      const x = c.bases[slot]!;
      if (x > pool.largest[slot]!) {
        pool.largest[slot] = x;
        pool.holders[slot] = 1;
      } else if (x === pool.largest[slot]) pool.holders[slot]!++;
    }
  }
}

/**
 * pooledFigures(members, min) of the tallied members. Each figure is computed on a copy of its
 * pool's counters, as the tallies change in place after it is returned.
 */
export function talliedFigures(t: PooledTallies, min: number): PopulationFigures {
  const cache = new Map<Pool, PopulationFigures>();
  let whole: PopulationFigures | undefined;
  return assemblePooled(t.total, (key) => {
    const pool = t.pools[FIGURE_KEYS.indexOf(key)]!;
    // Every member in the pool: the same pool for every such key, computed once (as pooledFigures does).
    if (pool.size === t.members.size) return (whole ??= figuresOf(pool, min));
    let f = cache.get(pool);
    if (!f) cache.set(pool, (f = figuresOf(pool, min)));
    return f;
  });
}

const figuresOf = (pool: Pool, min: number) => populationFigures(pool.total.slice(), gateOfTally(tallyOf(pool), min));

/** The comparison rule's view of a pool: per key, its bases' largest values. */
function tallyOf(pool: Pool): PoolTally {
  return {
    total: pool.total,
    contributing: Array.from(pool.contributing),
    largest: FIGURE_KEYS.map((_, k) => Array.from(pool.largest.subarray(SLOT_START[k], SLOT_START[k]! + BASE_COUNTS[k]!))),
  };
}
