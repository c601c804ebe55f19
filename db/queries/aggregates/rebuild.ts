/*
 * Recomputing every aggregate from the stored responses: the CLI's rebuild-aggregates and a database
 * from before aggregates existed.
 */
import type Database from "better-sqlite3";
import { transaction, type Db } from "../../client";
import { encodeCounters } from "../../../core/counter-codec";
import { addResponse, addVectors, emptyCounters, JOINT_CLASSES, SELF_REPORT_SOURCE_COLUMNS, SOURCE_COLUMNS, type CounterVector } from "../../../core/counters";
import { ORG_ANSWERS } from "../../../questions/constants";
import { COLS, PLACEHOLDERS } from "./statements";

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
/** The knowledge-check columns (drawn check, answer, per slot) as one text joined by char(31), null without checks. */
const CHECK_COLUMNS = SOURCE_COLUMNS.slice(SELF_REPORT_SOURCE_COLUMNS.length);
const CHECK_SEPARATOR = "\u001f";
const CHECK_PACK = `case when ${CHECK_COLUMNS[0]} is null then null else ${CHECK_COLUMNS.map((c) => `coalesce(${c}, '')`).join(" || char(31) || ")} end`;
const PACKED_SELECT = `select wave_id, coalesce(department, '') || char(0) || coalesce(seniority, ''),
  (${SELF_PACK}) + ${SELF_RANGE} * ((${ORG_PACK}) + ${ORG_RANGE} * (${AGREE_PACK})), ${CHECK_PACK}
  from responses where status = 'submitted' order by wave_id`;

/** Fills the check positions of `out` from the packed text (all null for a response without checks). */
function unpackChecks(packed: string | null, out: unknown[]): void {
  const parts = packed === null ? null : packed.split(CHECK_SEPARATOR);
  for (let j = 0; j < CHECK_COLUMNS.length; j++) {
    const v = parts?.[j];
    out[SELF_REPORT_SOURCE_COLUMNS.length + j] = v === undefined || v === "" ? null : v;
  }
}
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
export async function rebuildAggregates(db: Db, onProgress?: (rows: number) => void): Promise<number> {
  if (db.dialect === "sqlite") {
    const sqlite = db.$client;
    // better-sqlite3's synchronous loop, inside the connection's transaction (db/sql/sqlite.ts).
    return db.sql.transaction(async () => rebuildSqlite(sqlite, onProgress));
  }
  return rebuildPortable(db, onProgress);
}

/** The SQLite rebuild body, to run inside a transaction: one pass over the packed responses. */
export function rebuildSqlite(sqlite: Database.Database, onProgress?: (rows: number) => void): number {
  let rows = 0;
  const values: unknown[] = new Array(SOURCE_COLUMNS.length).fill(null);
  {
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
    for (const row of sqlite.prepare(PACKED_SELECT).raw(true).iterate() as IterableIterator<[number, string, number, string | null]>) {
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
      unpackChecks(row[3], values);
      addResponse(cell.v, values);
      rows++;
      if (onProgress && rows % 100_000 === 0) onProgress(rows);
    }
    finishWave();
    for (const cell of written) insertCell.run(cell);
    for (const [id, total] of totals) insertWave.run([id, ...total]);
  }
  return rows;
}

/**
 * The rebuild on PostgreSQL: the submitted responses in pages of 10,000 (wave, then id order), each
 * added to its cell, then every cell and wave total written, all in one transaction.
 */
async function rebuildPortable(db: Db, onProgress?: (rows: number) => void): Promise<number> {
  return transaction(db, async (tx) => {
    await tx.sql.run("delete from agg_wave_cells");
    await tx.sql.run("delete from agg_waves");
    const cells = new Map<string, { waveId: number; department: string; seniority: string; v: CounterVector }>();
    let rows = 0;
    let after: [number, string] = [-1, ""];
    for (;;) {
      const page = await tx.sql.all<Record<string, unknown>>(
        `select wave_id, id, department, seniority, ${SOURCE_COLUMNS.join(", ")} from responses
         where status = 'submitted' and (wave_id > ? or (wave_id = ? and id > ?)) order by wave_id, id limit 10000`,
        [after[0], after[0], after[1]],
      );
      if (page.length === 0) break;
      for (const r of page) {
        const waveId = r.wave_id as number;
        const department = (r.department as string | null) ?? "";
        const seniority = (r.seniority as string | null) ?? "";
        const key = `${waveId}\u0000${department}\u0000${seniority}`;
        let cell = cells.get(key);
        if (!cell) cells.set(key, (cell = { waveId, department, seniority, v: emptyCounters() }));
        addResponse(cell.v, SOURCE_COLUMNS.map((c) => r[c] ?? null));
      }
      rows += page.length;
      onProgress?.(rows);
      const last = page[page.length - 1]!;
      after = [last.wave_id as number, last.id as string];
    }
    const totals = new Map<number, CounterVector>();
    for (const c of cells.values()) {
      await tx.sql.run("insert into agg_wave_cells (wave_id, department, seniority, n, counters) values (?, ?, ?, ?, ?)", [c.waveId, c.department, c.seniority, c.v[0], encodeCounters(c.v)]);
      let total = totals.get(c.waveId);
      if (!total) totals.set(c.waveId, (total = emptyCounters()));
      addVectors(total, c.v);
    }
    for (const [waveId, total] of totals) await tx.sql.run(`insert into agg_waves (wave_id, ${COLS}) values (?, ${PLACEHOLDERS})`, [waveId, ...total]);
    return rows;
  });
}

/**
 * Rebuilds the aggregates when counters added by a later version are missing from them: a database
 * whose waves count customer-understanding answers but not their joint classes (migration 0011) was
 * aggregated before those counters existed. Run at start-up; returns whether it rebuilt.
 */
export async function rebuildIfCountersMissing(db: Db): Promise<boolean> {
  const cu = ["cu_1", "cu_2", "cu_3", "cu_4", "cu_5", "cu_dk"].join(" + ");
  const joint = Array.from({ length: JOINT_CLASSES }, (_, k) => `cuj_${k}`).join(" + ");
  const stale = await db.sql.value<number>(`select count(*) from agg_waves where (${cu}) <> (${joint})`);
  if (!stale) return false;
  await rebuildAggregates(db);
  return true;
}
