import type Database from "better-sqlite3";
import type { Db } from "../client";
import { addResponse, addVectors, COUNTERS, emptyCounters, SOURCE_COLUMNS, type CounterVector } from "../../lib/benchmark/counters";

const COLS = COUNTERS.map((c) => `"${c}"`).join(", ");
const PLACEHOLDERS = COUNTERS.map(() => "?").join(", ");
const ADD = COUNTERS.map((c) => `"${c}" = "${c}" + excluded."${c}"`).join(", ");
const SOURCE = SOURCE_COLUMNS.join(", ");

type Statements = {
  upsertWave: Database.Statement;
  upsertCell: Database.Statement;
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
      upsertCell: sqlite.prepare(
        `insert into agg_wave_cells (wave_id, department, seniority, ${COLS}) values (?, ?, ?, ${PLACEHOLDERS})
         on conflict(wave_id, department, seniority) do update set ${ADD}`,
      ),
      readSource: sqlite.prepare(`select wave_id, department, seniority, ${SOURCE} from responses where id = ? and status = 'submitted'`).raw(true),
    };
    statementCache.set(sqlite, s);
  }
  return s;
}

function writeVector(db: Db, waveId: number, department: string, seniority: string, v: CounterVector, cellOnly = false): void {
  const s = statements(db);
  const values = Array.from(v);
  s.upsertCell.run(waveId, department, seniority, ...values);
  if (!cellOnly) s.upsertWave.run(waveId, ...values);
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
 * Recomputes every aggregate from the submitted responses in one pass, in one transaction.
 * Returns the number of responses read.
 */
export function rebuildAggregates(db: Db, onProgress?: (rows: number) => void): number {
  const sqlite = db.$client;
  const cells = new Map<string, { waveId: number; department: string; seniority: string; v: CounterVector }>();
  let rows = 0;
  const rebuild = sqlite.transaction(() => {
    sqlite.prepare("delete from agg_wave_cells").run();
    sqlite.prepare("delete from agg_waves").run();
    const iterate = sqlite
      .prepare(`select wave_id, coalesce(department, ''), coalesce(seniority, ''), ${SOURCE} from responses where status = 'submitted'`)
      .raw(true);
    for (const row of iterate.iterate() as IterableIterator<unknown[]>) {
      const waveId = row[0] as number;
      const department = row[1] as string;
      const seniority = row[2] as string;
      const key = `${waveId}\u0000${department}\u0000${seniority}`;
      let cell = cells.get(key);
      if (!cell) {
        cell = { waveId, department, seniority, v: emptyCounters() };
        cells.set(key, cell);
      }
      addResponse(cell.v, row.slice(3));
      rows++;
      if (onProgress && rows % 100_000 === 0) onProgress(rows);
    }
    const totals = new Map<number, CounterVector>();
    for (const cell of cells.values()) {
      writeVector(db, cell.waveId, cell.department, cell.seniority, cell.v, true);
      let t = totals.get(cell.waveId);
      if (!t) totals.set(cell.waveId, (t = emptyCounters()));
      addVectors(t, cell.v);
    }
    const s = statements(db);
    for (const [waveId, v] of totals) s.upsertWave.run(waveId, ...Array.from(v));
  });
  rebuild.immediate();
  return rows;
}

/**
 * Adds many submitted responses to the aggregates at once: rows are (wave_id, department,
 * seniority, ...SOURCE_COLUMNS). Memory grows with the number of cells, not of rows.
 */
export function applyRowsToAggregates(db: Db, rows: Iterable<unknown[]>): number {
  const cells = new Map<string, { waveId: number; department: string; seniority: string; v: CounterVector }>();
  let count = 0;
  for (const row of rows) {
    const waveId = row[0] as number;
    const department = (row[1] as string | null) ?? "";
    const seniority = (row[2] as string | null) ?? "";
    const key = `${waveId}\u0000${department}\u0000${seniority}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { waveId, department, seniority, v: emptyCounters() }));
    addResponse(cell.v, row.slice(3));
    count++;
  }
  for (const cell of cells.values()) writeVector(db, cell.waveId, cell.department, cell.seniority, cell.v);
  return count;
}

function toVector(row: unknown[] | undefined): CounterVector {
  const v = emptyCounters();
  if (row) for (let i = 0; i < v.length; i++) v[i] = Number(row[i] ?? 0);
  return v;
}

export type CellFilter = { department?: string; seniority?: string | string[] };

/** A wave's counters, optionally only for one department and/or seniority levels. */
export function readWaveCounters(db: Db, waveId: number, filter: CellFilter = {}): CounterVector {
  if (filter.department === undefined && filter.seniority === undefined) {
    return toVector(db.$client.prepare(`select ${COLS} from agg_waves where wave_id = ?`).raw(true).get(waveId) as unknown[] | undefined);
  }
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
  const sums = COUNTERS.map((c) => `coalesce(sum("${c}"), 0)`).join(", ");
  return toVector(db.$client.prepare(`select ${sums} from agg_wave_cells where ${where.join(" and ")}`).raw(true).get(...params) as unknown[]);
}

/** The wave's counters per department (summed over seniority), or per seniority. */
export function readWaveCellsBy(db: Db, waveId: number, by: "department" | "seniority", filter: CellFilter = {}): Map<string, CounterVector> {
  const sums = COUNTERS.map((c) => `sum("${c}")`).join(", ");
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
  const rows = db.$client
    .prepare(`select ${by}, ${sums} from agg_wave_cells where ${where.join(" and ")} group by ${by}`)
    .raw(true)
    .all(...params) as unknown[][];
  return new Map(rows.map((r) => [r[0] as string, toVector(r.slice(1))]));
}

export type PopulationMember = {
  orgId: number;
  slug: string;
  sector: string;
  sizeBand: string;
  waveId: number;
  counters: CounterVector;
};

/**
 * The benchmark population: for each organisation (not archived), the counters of its latest wave
 * with submitted responses (latest by opening date, then creation).
 */
export function readPopulation(db: Db): PopulationMember[] {
  const rows = db.$client
    .prepare(
      `select o.id, o.slug, o.sector, o.size_band, a.wave_id, ${COUNTERS.map((c) => `a."${c}"`).join(", ")}
       from (
         select w.id as wave_id, w.org_id,
           row_number() over (partition by w.org_id order by coalesce(w.opens_at, w.created_at) desc, w.id desc) as rn
         from waves w join agg_waves x on x.wave_id = w.id where x.n > 0
       ) latest
       join agg_waves a on a.wave_id = latest.wave_id
       join organisations o on o.id = latest.org_id
       where latest.rn = 1 and o.archived_at is null`,
    )
    .raw(true)
    .all() as unknown[][];
  return rows.map((r) => ({
    orgId: r[0] as number,
    slug: r[1] as string,
    sector: r[2] as string,
    sizeBand: r[3] as string,
    waveId: r[4] as number,
    counters: toVector(r.slice(5)),
  }));
}

/** Rebuilds aggregates when responses exist but no aggregate does (a database from before aggregates). */
export function ensureAggregates(db: Db): void {
  const has = db.$client.prepare("select exists(select 1 from agg_waves) a, exists(select 1 from responses where status = 'submitted') r").get() as {
    a: number;
    r: number;
  };
  if (!has.a && has.r) rebuildAggregates(db);
}
