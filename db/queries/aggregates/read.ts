import type { Db } from "../../client";
import { decodeCountersInto } from "../../../core/counter-codec";
import { COUNTERS, emptyCounters, type CounterVector } from "../../../core/counters";
import { COLS } from "./statements";

function toVector(row: Record<string, unknown> | undefined): CounterVector {
  const v = emptyCounters();
  if (row) COUNTERS.forEach((c, i) => (v[i] = Number(row[c] ?? 0)));
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
export async function readWaveCounters(db: Db, waveId: number, filter: CellFilter = {}): Promise<CounterVector> {
  if (filter.department === undefined && filter.seniority === undefined) {
    return toVector(await db.sql.get(`select ${COLS} from agg_waves where wave_id = ?`, [waveId]));
  }
  const { where, params } = cellWhere(waveId, filter);
  const v = emptyCounters();
  for (const blob of await db.sql.column<Buffer>(`select counters from agg_wave_cells where ${where}`, params)) decodeCountersInto(blob, v);
  return v;
}

/** The wave's counters per department (summed over seniority), or per seniority. */
export async function readWaveCellsBy(db: Db, waveId: number, by: "department" | "seniority", filter: CellFilter = {}): Promise<Map<string, CounterVector>> {
  const { where, params } = cellWhere(waveId, filter);
  const groups = new Map<string, CounterVector>();
  for (const row of await db.sql.all<{ key: string; counters: Buffer }>(`select ${by} as key, counters from agg_wave_cells where ${where}`, params)) {
    let v = groups.get(row.key);
    if (!v) groups.set(row.key, (v = emptyCounters()));
    decodeCountersInto(row.counters, v);
  }
  return groups;
}
