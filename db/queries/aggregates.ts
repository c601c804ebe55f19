import type Database from "better-sqlite3";
import type { Db } from "../client";
import { decodeCountersInto, encodeCounters } from "../../core/counter-codec";
import { addResponse, addVectors, COUNTERS, emptyCounters, SOURCE_COLUMNS, type CounterVector } from "../../core/counters";
import { ORG_ANSWERS } from "../../questions/constants";

const COLS = COUNTERS.map((c) => `"${c}"`).join(", ");
const PLACEHOLDERS = COUNTERS.map(() => "?").join(", ");
const ADD = COUNTERS.map((c) => `"${c}" = "${c}" + excluded."${c}"`).join(", ");
const SOURCE = SOURCE_COLUMNS.join(", ");

export type AggregateChange = { kind: "wave"; waveId: number; delta: CounterVector } | { kind: "all" };
const listeners = new Set<(db: Db, change: AggregateChange) => void>();

/** Lets in-memory caches of aggregates follow this process's changes (other processes: PRAGMA data_version). */
export function onAggregateChange(listener: (db: Db, change: AggregateChange) => void): void {
  listeners.add(listener);
}

function notifyAggregateChange(db: Db, change: AggregateChange): void {
  for (const l of listeners) l(db, change);
}

type Statements = {
  upsertWave: Database.Statement;
  readCell: Database.Statement;
  writeCell: Database.Statement;
  readSource: Database.Statement;
};

// Prepared once per connection: preparing a 160-column statement costs more than running it.
const statementCache = new WeakMap<Database.Database, Statements>();

function statements(db: Db): Statements {
  const sqlite = db.$client;
  let s = statementCache.get(sqlite);
  if (!s) {
    s = {
      upsertWave: sqlite.prepare(`insert into agg_waves (wave_id, ${COLS}) values (?, ${PLACEHOLDERS}) on conflict(wave_id) do update set ${ADD}`),
      readCell: sqlite.prepare("select counters from agg_wave_cells where wave_id = ? and department = ? and seniority = ?").pluck(),
      writeCell: sqlite.prepare(
        `insert into agg_wave_cells (wave_id, department, seniority, n, counters) values (?, ?, ?, ?, ?)
         on conflict(wave_id, department, seniority) do update set n = excluded.n, counters = excluded.counters`,
      ),
      readSource: sqlite.prepare(`select wave_id, department, seniority, ${SOURCE} from responses where id = ? and status = 'submitted'`).raw(true),
    };
    statementCache.set(sqlite, s);
  }
  return s;
}

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
  notifyAggregateChange(db, { kind: "wave", waveId: waveId as number, delta: v });
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
  notifyAggregateChange(db, { kind: "wave", waveId: waveId as number, delta });
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

const ORG_CODE = (col: string) => `(case ${col} when 'yes' then 1 when 'partly' then 2 when 'no' then 3 when 'dont_know' then 4 else 0 end)`;
const CAPS = SOURCE_COLUMNS.filter((c) => c.startsWith("self_")).map((c) => c.slice(5));
/*
 * The rebuild reads each response as one integer packed by SQLite (self levels base 6, organisation
 * answers base 5, agreement items base 7; 0 = not answered) plus its cell key: far fewer values and
 * strings cross into JavaScript than when reading 22 columns per row.
 */
const SELF_PACK = CAPS.map((c, i) => `coalesce(self_${c}, 0) * ${6 ** i}`).join(" + ");
const ORG_PACK = CAPS.map((c, i) => `${ORG_CODE(`org_${c}`)} * ${5 ** i}`).join(" + ");
const AGREE_PACK = "(coalesce(vision, -1) + 1) + (coalesce(ld_awareness, -1) + 1) * 7 + (coalesce(customer_understanding, -1) + 1) * 49";
const SELF_RANGE = 6 ** CAPS.length;
const ORG_RANGE = 5 ** CAPS.length;
// 6^8 · 5^8 · 7^3 ≈ 2.2e14 < 2^53: the whole response fits in one exact integer.
const PACKED_SELECT = `select wave_id, coalesce(department, '') || char(0) || coalesce(seniority, ''),
  (${SELF_PACK}) + ${SELF_RANGE} * ((${ORG_PACK}) + ${ORG_RANGE} * (${AGREE_PACK}))
  from responses where status = 'submitted' order by wave_id`;
const ORG_VALUES_BY_CODE = [null, ...ORG_ANSWERS] as const;

function unpack(self: number, org: number, agree: number, seniority: string, out: unknown[]): void {
  const k = CAPS.length;
  for (let i = 0; i < k; i++) {
    const s = self % 6;
    self = (self - s) / 6;
    out[i] = s === 0 ? null : s;
    const o = org % 5;
    org = (org - o) / 5;
    out[k + i] = ORG_VALUES_BY_CODE[o];
  }
  for (let a = 0; a < 3; a++) {
    const v = agree % 7;
    agree = (agree - v) / 7;
    out[2 * k + a] = v === 0 ? null : v - 1;
  }
  out[2 * k + 3] = seniority === "" ? null : seniority;
}

/**
 * Recomputes every aggregate from the submitted responses in one pass, in one transaction.
 * Returns the number of responses read.
 */
export function rebuildAggregates(db: Db, onProgress?: (rows: number) => void): number {
  const sqlite = db.$client;
  let rows = 0;
  const values: unknown[] = new Array(SOURCE_COLUMNS.length).fill(null);
  const rebuild = sqlite.transaction(() => {
    sqlite.prepare("delete from agg_wave_cells").run();
    sqlite.prepare("delete from agg_waves").run();
    const insertCell = sqlite.prepare("insert into agg_wave_cells (wave_id, department, seniority, n, counters) values (?, ?, ?, ?, ?)");
    const insertWave = sqlite.prepare(`insert into agg_waves (wave_id, ${COLS}) values (?, ${PLACEHOLDERS})`);
    // Rows come in wave order, so only one wave's cells are in memory at a time. They are written
    // after the scan (better-sqlite3 refuses writes while a cursor is open), from compact encodings.
    const written: [number, string, string, number, Buffer][] = [];
    const totals: [number, CounterVector][] = [];
    let waveId = -1;
    let cells = new Map<string, { department: string; seniority: string; v: CounterVector }>();
    const finishWave = () => {
      if (waveId < 0) return;
      const total = emptyCounters();
      for (const { department, seniority, v } of cells.values()) {
        written.push([waveId, department, seniority, v[0]!, encodeCounters(v)]);
        addVectors(total, v);
      }
      totals.push([waveId, total]);
      cells = new Map();
    };
    for (const row of sqlite.prepare(PACKED_SELECT).raw(true).iterate() as IterableIterator<[number, string, number]>) {
      if (row[0] !== waveId) {
        finishWave();
        waveId = row[0];
      }
      let cell = cells.get(row[1]);
      if (!cell) {
        const [department = "", seniority = ""] = row[1].split("\u0000");
        cells.set(row[1], (cell = { department, seniority, v: emptyCounters() }));
      }
      const packed = row[2];
      const self = packed % SELF_RANGE;
      const rest = (packed - self) / SELF_RANGE;
      const org = rest % ORG_RANGE;
      unpack(self, org, (rest - org) / ORG_RANGE, cell.seniority, values);
      addResponse(cell.v, values);
      rows++;
      if (onProgress && rows % 100_000 === 0) onProgress(rows);
    }
    finishWave();
    for (const cell of written) insertCell.run(cell);
    for (const [id, total] of totals) insertWave.run([id, ...total]);
  });
  rebuild.immediate();
  notifyAggregateChange(db, { kind: "all" });
  return rows;
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
  notifyAggregateChange(db, { kind: "all" });
  return count;
}

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


/** Rebuilds aggregates when responses exist but no aggregate does (a database from before aggregates). */
export function ensureAggregates(db: Db): void {
  const has = db.$client.prepare("select exists(select 1 from agg_waves) a, exists(select 1 from responses where status = 'submitted') r").get() as {
    a: number;
    r: number;
  };
  if (!has.a && has.r) rebuildAggregates(db);
}
