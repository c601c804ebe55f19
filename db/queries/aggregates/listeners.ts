import type { Db } from "../../client";
import type { CounterVector } from "../../../core/counters";

export type AggregateChange = { kind: "wave"; waveId: number; delta: CounterVector } | { kind: "all" };
const listeners = new Set<(db: Db, change: AggregateChange) => void>();

/** Lets in-memory caches of aggregates follow this process's changes (other processes: PRAGMA data_version). */
export function onAggregateChange(listener: (db: Db, change: AggregateChange) => void): void {
  listeners.add(listener);
}

export function notifyAggregateChange(db: Db, change: AggregateChange): void {
  for (const l of listeners) l(db, change);
}
