/*
 * Keeping the aggregates in step with the responses: one submission, one voided response, or a batch
 * of imported rows, each inside the transaction that changes the responses.
 */
import type { Db } from "../../client";
import { decodeCountersInto, encodeCounters } from "../../../core/counter-codec";
import { addResponse, addVectors, emptyCounters, type CounterVector } from "../../../core/counters";
import { statements } from "./statements";

/** Adds a vector to one cell and to its wave's totals (call inside a transaction). */
function writeVector(db: Db, waveId: number, department: string, seniority: string, v: CounterVector): void {
  const s = statements(db);
  const stored = s.readCell.get(waveId, department, seniority) as Buffer | undefined;
  const cell = stored ? decodeCountersInto(stored) : emptyCounters();
  addVectors(cell, v);
  s.writeCell.run(waveId, department, seniority, cell[0], encodeCounters(cell));
  s.upsertWave.run([waveId, ...v]);
}

/**
 * Adds one submitted response to its wave's aggregates (sign −1 removes it). Call inside the
 * transaction that changes the response, so the two can never disagree.
 */
export function applyResponseToAggregates(db: Db, responseId: string, sign: 1 | -1 = 1): void {
  const row = statements(db).readSource.get(responseId) as unknown[] | undefined;
  if (!row) throw new Error(`response ${responseId} is not submitted`);
  const [waveId, department, seniority, ...values] = row;
  const v = emptyCounters();
  addResponse(v, values, sign);
  writeVector(db, waveId as number, (department as string | null) ?? "", (seniority as string | null) ?? "", v);
}

/**
 * Takes one submitted response out of its wave's live aggregates and, when a release has shown it,
 * adds its counters to the wave's voided cells (agg_void_cells), which the next release is audited
 * against. Call inside the transaction that marks the response voided.
 */
export function voidResponseInAggregates(db: Db, responseId: string): void {
  const row = statements(db).readSource.get(responseId) as unknown[] | undefined;
  if (!row) throw new Error(`response ${responseId} is not submitted`);
  const [waveId, department, seniority, ...values] = row;
  const cellDepartment = (department as string | null) ?? "";
  const cellSeniority = (seniority as string | null) ?? "";
  const removed = emptyCounters();
  addResponse(removed, values);
  const delta = removed.map((x) => -x);
  writeVector(db, waveId as number, cellDepartment, cellSeniority, delta);
  const sqlite = db.$client;
  // A response no release has shown leaves nothing a reader saw: only released ones are a removal.
  if (!sqlite.prepare("select released from responses where id = ?").pluck().get(responseId)) return;
  const stored = sqlite.prepare("select counters from agg_void_cells where wave_id = ? and department = ? and seniority = ?").pluck().get(waveId, cellDepartment, cellSeniority) as
    | Buffer
    | undefined;
  const voided = stored ? decodeCountersInto(stored) : emptyCounters();
  addVectors(voided, removed);
  sqlite
    .prepare(
      `insert into agg_void_cells (wave_id, department, seniority, n, counters) values (?, ?, ?, ?, ?)
       on conflict(wave_id, department, seniority) do update set n = excluded.n, counters = excluded.counters`,
    )
    .run(waveId, cellDepartment, cellSeniority, voided[0], encodeCounters(voided));
}

/**
 * Adds many submitted responses to the aggregates at once: rows are (wave_id, department,
 * seniority, ...SOURCE_COLUMNS). Memory grows with the number of cells, not of rows.
 */
export function applyRowsToAggregates(db: Db, rows: Iterable<unknown[]>): number {
  // Rows should come in wave order: each finished wave's cells are kept only in compact encoding.
  const finished: [number, string, string, Buffer][] = [];
  let cells = new Map<string, { waveId: number; department: string; seniority: string; v: CounterVector }>();
  let waveId: number | undefined;
  const finishWave = () => {
    for (const c of cells.values()) finished.push([c.waveId, c.department, c.seniority, encodeCounters(c.v)]);
    cells = new Map();
  };
  let count = 0;
  for (const row of rows) {
    if (row[0] !== waveId) {
      finishWave();
      waveId = row[0] as number;
    }
    const department = (row[1] as string | null) ?? "";
    const seniority = (row[2] as string | null) ?? "";
    const key = `${department}\u0000${seniority}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { waveId: waveId!, department, seniority, v: emptyCounters() }));
    addResponse(cell.v, row.slice(3));
    count++;
  }
  finishWave();
  for (const [id, department, seniority, encoded] of finished) writeVector(db, id, department, seniority, decodeCountersInto(encoded));
  return count;
}
