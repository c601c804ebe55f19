/*
 * Figures change in releases, not with every submission (docs/decisions/009-disclosure-control.md).
 * A wave's first release comes when it has `min` responses; a new one when at least `min` more have
 * arrived since the last release and the new state passes the time audit of plan.ts against it.
 * Until then every reader sees the last release, so reading before and after one submission shows
 * the same figures. Response counts (participation) stay live; they carry no answers.
 * Responses an admin voids (lib/admin/submissions.ts) make a new release due at once: it is audited
 * against the last one for what was removed as well as for what arrived.
 */
import type { Db } from "../../db/client";
import type { CellFilter } from "../../db/queries/aggregates";
import {
  readLiveCells,
  readRelease,
  readReleasedCells,
  readVoidedCells,
  releaseStatus,
  replaceReleasePlan,
  wavesAwaitingRelease,
  writeRelease,
  type StoredCell,
} from "../../db/queries/releases";
import { decodeCountersInto, encodeCounters } from "../../core/counter-codec";
import { addVectors, emptyCounters, type CounterVector } from "../../core/counters";
import { planWave, type PlanCell, type WavePlan } from "../../core/disclosure/plan";
import { isSmallDifference, meetsThreshold } from "../../core/disclosure/threshold";

export type Release = { waveId: number; seq: number; n: number; releasedAt: string; plan: WavePlan; totals: CounterVector };

// Parsed plans per wave and sequence number, and the live count at which a release was last refused.
const planCache = new WeakMap<Db, Map<number, { seq: number; plan: WavePlan }>>();
const refused = new WeakMap<Db, Map<number, string>>();

function parsePlan(db: Db, waveId: number, seq: number, json: string): WavePlan {
  let cache = planCache.get(db);
  if (!cache) planCache.set(db, (cache = new Map()));
  const hit = cache.get(waveId);
  if (hit && hit.seq === seq) return hit.plan;
  const plan = JSON.parse(json) as WavePlan;
  cache.set(waveId, { seq, plan });
  return plan;
}

function due(live: number, released: number | null, voided: number, min: number): boolean {
  if (released === null) return meetsThreshold(live, min);
  if (live < released || voided > 0) return true; // responses were voided: try to release the state without them
  return live !== released && !isSmallDifference(live - released, min);
}

const decodeCells = (cells: readonly StoredCell[]): PlanCell[] =>
  cells.map((c) => ({ department: c.department, seniority: c.seniority, counters: decodeCountersInto(c.counters) }));

const liveTotal = (cells: readonly PlanCell[]) => cells.reduce((a, c) => a + c.counters[0]!, 0);

/** Tries to release the wave's live state; true when a new release was written. */
async function tryRelease(db: Db, waveId: number, min: number): Promise<boolean> {
  const state = await releaseStatus(db, waveId);
  const previous = await readRelease(db, waveId);
  const stored = await readLiveCells(db, waveId);
  const live = decodeCells(stored);
  const previousPlan = previous ? parsePlan(db, waveId, previous.seq, previous.plan) : undefined;
  const removed = decodeCells(await readVoidedCells(db, waveId));
  const plan = planWave(live, min, previous && previousPlan ? { plan: previousPlan, cells: decodeCells(await readReleasedCells(db, waveId)), removed } : undefined);
  if (!plan) return false;
  const removal = removed.length > 0 || (previous !== undefined && liveTotal(live) < previous.n);
  // Under `min` responses a wave shows nothing; after a void that is released too, so the voided
  // responses stop counting at once.
  if (!plan.views.all && !(previous && removal)) return false;
  const total = emptyCounters();
  for (const c of live) addVectors(total, c.counters);
  const written = await writeRelease(db, waveId, previous?.seq ?? null, { live: state.live, voided: state.voided }, stored, { n: total[0]!, counters: encodeCounters(total) }, JSON.stringify(plan), new Date().toISOString());
  // Processes holding the benchmark population learn of it from the change feed (migration 0008).
  return written;
}

/**
 * The wave's current release, releasing the live state first when that is due and allowed; null
 * while the wave has never had `min` responses.
 */
export async function currentRelease(db: Db, waveId: number, min: number): Promise<Release | null> {
  const status = await releaseStatus(db, waveId);
  let refusedAt = refused.get(db);
  if (!refusedAt) refused.set(db, (refusedAt = new Map()));
  // A refused state is not tried again until the live count or the voids change.
  const state = `${status.live}/${status.voided}`;
  if (due(status.live, status.released, status.voided, min) && refusedAt.get(waveId) !== state) {
    if (!(await tryRelease(db, waveId, min))) refusedAt.set(waveId, state);
  }
  const stored = await readRelease(db, waveId);
  if (!stored) return null;
  let plan = parsePlan(db, waveId, stored.seq, stored.plan);
  if (plan.min !== min) {
    // The threshold was changed: plan the same released state again under the new one.
    plan = planWave(decodeCells(await readReleasedCells(db, waveId)), min) ?? { min, views: {} };
    await replaceReleasePlan(db, stored.waveId, stored.seq, JSON.stringify(plan));
    planCache.get(db)?.set(waveId, { seq: stored.seq, plan });
  }
  return { waveId, seq: stored.seq, n: stored.n, releasedAt: stored.releasedAt, plan, totals: decodeCountersInto(stored.counters) };
}

/** Releases every wave whose live state is due (start-up, after an import, a rebuild or the seed). */
export async function releasePending(db: Db, min: number): Promise<number> {
  let released = 0;
  for (const waveId of await wavesAwaitingRelease(db)) {
    const before = (await releaseStatus(db, waveId)).seq;
    await currentRelease(db, waveId, min);
    if ((await releaseStatus(db, waveId)).seq !== before) released++;
  }
  return released;
}

/** A wave's released counters, optionally only for one department and/or seniority levels. */
export async function readReleasedCounters(db: Db, waveId: number, filter: CellFilter = {}): Promise<CounterVector> {
  const levels = filter.seniority === undefined ? undefined : Array.isArray(filter.seniority) ? filter.seniority : [filter.seniority];
  const v = emptyCounters();
  for (const c of await readReleasedCells(db, waveId)) {
    if (filter.department !== undefined && c.department !== filter.department) continue;
    if (levels && !levels.includes(c.seniority)) continue;
    decodeCountersInto(c.counters, v);
  }
  return v;
}

/** The released counters per department (summed over seniority), or per seniority. */
export async function readReleasedCellsBy(db: Db, waveId: number, by: "department" | "seniority"): Promise<Map<string, CounterVector>> {
  const groups = new Map<string, CounterVector>();
  for (const c of await readReleasedCells(db, waveId)) {
    const k = by === "department" ? c.department : c.seniority;
    let v = groups.get(k);
    if (!v) groups.set(k, (v = emptyCounters()));
    decodeCountersInto(c.counters, v);
  }
  return groups;
}
