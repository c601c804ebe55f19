/*
 * Keeping the aggregates in step with the responses: one submission, one voided response, or a batch
 * of imported rows, each inside the transaction that changes the responses (pass the transaction's
 * Db, db/client.ts transaction()).
 */
import type { Db } from "../../client";
import { decodeCountersInto, encodeCounters } from "../../../core/counter-codec";
import { addResponse, addVectors, emptyCounters, SOURCE_COLUMNS, type CounterVector } from "../../../core/counters";
import { lockWave } from "../locks";
import { READ_CELL, READ_SOURCE, UPSERT_WAVE, WRITE_CELL } from "./statements";

/** Adds a vector to one cell and to its wave's totals (inside a transaction holding the wave, locks.ts). */
async function writeVector(db: Db, waveId: number, department: string, seniority: string, v: CounterVector): Promise<void> {
  const stored = await db.sql.value<Buffer>(READ_CELL, [waveId, department, seniority]);
  const cell = stored ? decodeCountersInto(stored) : emptyCounters();
  addVectors(cell, v);
  await db.sql.run(WRITE_CELL, [waveId, department, seniority, cell[0], encodeCounters(cell)]);
  await db.sql.run(UPSERT_WAVE, [waveId, ...v]);
}

type Source = { waveId: number; department: string; seniority: string; values: unknown[] };

async function readSource(db: Db, responseId: string): Promise<Source> {
  const row = await db.sql.get<Record<string, unknown>>(READ_SOURCE, [responseId]);
  if (!row) throw new Error(`response ${responseId} is not submitted`);
  return {
    waveId: row.wave_id as number,
    department: (row.department as string | null) ?? "",
    seniority: (row.seniority as string | null) ?? "",
    values: SOURCE_COLUMNS.map((c) => row[c] ?? null),
  };
}

/**
 * Adds one submitted response to its wave's aggregates (sign −1 removes it). Call inside the
 * transaction that changes the response, so the two can never disagree.
 */
export async function applyResponseToAggregates(db: Db, responseId: string, sign: 1 | -1 = 1): Promise<void> {
  const source = await readSource(db, responseId);
  await lockWave(db, source.waveId);
  const v = emptyCounters();
  addResponse(v, source.values, sign);
  await writeVector(db, source.waveId, source.department, source.seniority, v);
}

/**
 * Takes one submitted response out of its wave's live aggregates and, when a release has shown it,
 * adds its counters to the wave's voided cells (agg_void_cells), which the next release is audited
 * against. Call inside the transaction that marks the response voided.
 */
export async function voidResponseInAggregates(db: Db, responseId: string): Promise<void> {
  const { waveId, department, seniority, values } = await readSource(db, responseId);
  await lockWave(db, waveId);
  const removed = emptyCounters();
  addResponse(removed, values);
  await writeVector(db, waveId, department, seniority, removed.map((x) => -x));
  // A response no release has shown leaves nothing a reader saw: only released ones are a removal.
  if (!(await db.sql.value("select released from responses where id = ?", [responseId]))) return;
  const stored = await db.sql.value<Buffer>("select counters from agg_void_cells where wave_id = ? and department = ? and seniority = ?", [waveId, department, seniority]);
  const voided = stored ? decodeCountersInto(stored) : emptyCounters();
  addVectors(voided, removed);
  await db.sql.run(
    `insert into agg_void_cells (wave_id, department, seniority, n, counters) values (?, ?, ?, ?, ?)
     on conflict (wave_id, department, seniority) do update set n = excluded.n, counters = excluded.counters`,
    [waveId, department, seniority, voided[0], encodeCounters(voided)],
  );
}

/**
 * Adds many submitted responses to the aggregates at once: rows are (wave_id, department,
 * seniority, ...SOURCE_COLUMNS). Memory grows with the number of cells, not of rows. Call inside a
 * transaction.
 */
export async function applyRowsToAggregates(db: Db, rows: Iterable<unknown[]>): Promise<number> {
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
  const locked = new Set<number>();
  for (const [id, department, seniority, encoded] of finished) {
    if (!locked.has(id)) {
      await lockWave(db, id);
      locked.add(id);
    }
    await writeVector(db, id, department, seniority, decodeCountersInto(encoded));
  }
  return count;
}
