import type { Db } from "../../client";
import { decodeCountersInto } from "../../../core/counter-codec";
import { emptyCounters, type CounterVector } from "../../../core/counters";
import { COLS } from "./statements";

function toVector(row: unknown[] | undefined): CounterVector {
  const v = emptyCounters();
  if (row) for (let i = 0; i < v.length; i++) v[i] = Number(row[i] ?? 0);
  return v;
}

export type CellFilter = { department?: string; seniority?: string | string[] };

function cellWhere(waveId: number, filter: CellFilter): { where: string; params: unknown[] } {
  const where = ["wave_id = ?"];
  const params: unknown[] = [waveId];
  if (filter.department !== undefined) {
    where.push("department = ?");
    params.push(filter.department);
  }
  if (filter.seniority !== undefined) {
    const list = Array.isArray(filter.seniority) ? filter.seniority : [filter.seniority];
    where.push(`seniority in (${list.map(() => "?").join(", ")})`);
    params.push(...list);
  }
  return { where: where.join(" and "), params };
}

/** A wave's counters, optionally only for one department and/or seniority levels. */
export function readWaveCounters(db: Db, waveId: number, filter: CellFilter = {}): CounterVector {
  if (filter.department === undefined && filter.seniority === undefined) {
    return toVector(db.$client.prepare(`select ${COLS} from agg_waves where wave_id = ?`).raw(true).get(waveId) as unknown[] | undefined);
  }
  const { where, params } = cellWhere(waveId, filter);
  const v = emptyCounters();
  for (const blob of db.$client.prepare(`select counters from agg_wave_cells where ${where}`).pluck().all(...params) as Buffer[]) decodeCountersInto(blob, v);
  return v;
}

/** The wave's counters per department (summed over seniority), or per seniority. */
export function readWaveCellsBy(db: Db, waveId: number, by: "department" | "seniority", filter: CellFilter = {}): Map<string, CounterVector> {
  const { where, params } = cellWhere(waveId, filter);
  const groups = new Map<string, CounterVector>();
  for (const row of db.$client.prepare(`select ${by}, counters from agg_wave_cells where ${where}`).raw(true).all(...params) as [string, Buffer][]) {
    let v = groups.get(row[0]);
    if (!v) groups.set(row[0], (v = emptyCounters()));
    decodeCountersInto(row[1], v);
  }
  return groups;
}
