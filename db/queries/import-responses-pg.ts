/*
 * The PostgreSQL side of a responses CSV import (db/queries/import-responses.ts). A TEMP table lives
 * on one connection, so the import keeps one client of the pool from staging to commit: rows are
 * staged in batches (one short transaction each, no lock on the app's tables while the file is
 * read), then committed in one transaction on that client.
 */
import crypto from "node:crypto";
import type pg from "pg";
import type { PostgresDb } from "../client";
import { postgresSql } from "../sql/postgres";
import type { Sql } from "../sql/types";
import { decodeCountersInto, encodeCounters } from "../../core/counter-codec";
import { addResponse, addVectors, emptyCounters, SELF_REPORT_SOURCE_COLUMNS, type CounterVector } from "../../core/counters";
import { RESPONSE_CSV_COLUMNS, type CellError } from "../../core/csv-columns";
import { UPSERT_WAVE } from "./aggregates/statements";
import { lockWave } from "./locks";
import { ANSWER_COLUMNS, duplicateIdError, STAGED, type ImportResult, type StagedRow } from "./import-responses-shared";

export type PostgresStaging = {
  dialect: "postgres";
  name: string;
  client: pg.PoolClient;
  /** Statements and transactions on `client`, where the TEMP tables are. */
  sql: Sql;
  /** The PostgreSQL type of each staged column, for the arrays a batch is sent in. */
  types: readonly string[];
};

/** Rows read per round trip when the new responses are added to the aggregates. */
const AGGREGATE_PAGE = 10_000;
/** Cells written per statement when they are added to the aggregates. */
const CELLS_PER_WRITE = 5_000;

/**
 * db/sql/postgres.ts over one client instead of a pool: its transactions take "a client from the
 * pool" and get this one back each time, so BEGIN, savepoints and COMMIT all run where the TEMP
 * tables are, with the same placeholders and number parsing as every other query.
 */
function sqlOnClient(client: pg.PoolClient): Sql {
  const query = client.query.bind(client);
  const onlyClient = { query, connect: () => Promise.resolve({ query, release: () => {} }) };
  return postgresSql(onlyClient as unknown as pg.Pool);
}

export async function createPostgresStaging(db: PostgresDb): Promise<PostgresStaging> {
  // The answers are staged with the types of the responses table they are copied into; the rest is text.
  const responseTypes = new Map(
    (await db.sql.all<{ column_name: string; data_type: string }>(
      "select column_name, data_type from information_schema.columns where table_schema = current_schema() and table_name = 'responses'",
    )).map((c) => [c.column_name, c.data_type]),
  );
  const types = STAGED.map((c) => (c === "line" ? "integer" : (ANSWER_COLUMNS as readonly string[]).includes(c) ? responseTypes.get(c)! : "text"));
  const client = await db.pool.connect();
  try {
    const sql = sqlOnClient(client);
    const t = `import_staging_${crypto.randomBytes(6).toString("hex")}`;
    await sql.run(
      `create temp table ${t} (
         ${STAGED.map((c, i) => `"${c}" ${types[i]}${c === "line" ? " not null unique" : c === "response_id" ? " primary key" : ""}`).join(",\n         ")},
         is_new integer not null default 0
       )`,
    );
    await sql.run(`create index on pg_temp.${t} (org, line)`);
    await sql.run(`create temp table ${t}_ids (response_id text primary key, line integer not null)`);
    return { dialect: "postgres", name: t, client, sql, types };
  } catch (error) {
    client.release(error as Error);
    throw error;
  }
}

/**
 * Drops the TEMP tables and gives the client back. A client that cannot even drop them is destroyed
 * instead, which ends its session and its TEMP tables with it; the import's own outcome or error
 * stands either way.
 */
export async function dropPostgresStaging({ name: t, client, sql }: PostgresStaging): Promise<void> {
  try {
    await sql.run(`drop table if exists pg_temp.${t}, pg_temp.${t}_ids`);
    client.release();
  } catch (error) {
    client.release(error as Error);
  }
}

/** PostgreSQL text cannot hold U+0000; SQLite can, so the CSV validation lets it through. */
function nulErrors(line: number, row: NonNullable<StagedRow["row"]>): CellError[] {
  return RESPONSE_CSV_COLUMNS.filter((c) => typeof row[c] === "string" && (row[c] as string).includes("\u0000")).map((column) => ({
    line,
    column,
    message: "contains a NUL character (U+0000), which PostgreSQL cannot store; remove it",
  }));
}

/**
 * Stages a batch in one transaction, as on SQLite: every row's response_id is remembered, valid row
 * or not, to report duplicates; valid rows that are not duplicates are stored. Two round trips for
 * the ids and one for the rows, each column sent as one array.
 */
export async function stagePostgresBatch(staging: PostgresStaging, rows: readonly StagedRow[]): Promise<CellError[]> {
  const t = staging.name;
  const errors: CellError[] = [];
  await staging.sql.transaction(async (tx) => {
    const firstInBatch = new Map<string, number>();
    for (const { line, id } of rows) if (id !== null && !firstInBatch.has(id)) firstInBatch.set(id, line);
    const ids = [...firstInBatch.keys()];
    const added = new Set(
      await tx.column<string>(
        `insert into pg_temp.${t}_ids (response_id, line) select * from unnest(?::text[], ?::integer[]) on conflict (response_id) do nothing returning response_id`,
        [ids, ids.map((id) => firstInBatch.get(id))],
      ),
    );
    const inEarlierBatch = ids.filter((id) => !added.has(id));
    const earlier = new Map(
      inEarlierBatch.length
        ? (await tx.all<{ response_id: string; line: number }>(`select response_id, line from pg_temp.${t}_ids where response_id = any(?::text[])`, [inEarlierBatch])).map((r) => [r.response_id, r.line])
        : [],
    );
    const kept: unknown[][] = STAGED.map(() => []);
    for (const { line, id, row } of rows) {
      const first = id === null ? line : (earlier.get(id) ?? firstInBatch.get(id)!);
      if (first !== line) errors.push(duplicateIdError(line, id!, first));
      if (!row || first !== line) continue;
      const nul = nulErrors(line, row);
      if (nul.length) {
        errors.push(...nul);
        continue;
      }
      kept[0]!.push(line);
      RESPONSE_CSV_COLUMNS.forEach((c, i) => kept[i + 1]!.push(row[c]));
    }
    if (kept[0]!.length === 0) return;
    await tx.run(
      `insert into pg_temp.${t} (${STAGED.map((c) => `"${c}"`).join(", ")})
       select * from unnest(${staging.types.map((type) => `?::${type}[]`).join(", ")})`,
      kept,
    );
  });
  return errors;
}

/** Adds departments first seen in the file to their organisation's list, in the order of the file; returns how many. */
async function addDepartments(tx: Sql, t: string): Promise<number> {
  const seen = await tx.all<{ id: number; departments: string; department: string }>(
    `select o.id, o.departments, s.department, min(s.line) first_line
     from pg_temp.${t} s join organisations o on o.slug = s.org where s.department is not null
     group by o.id, o.departments, s.department order by o.id, first_line`,
  );
  const lists = new Map<number, { stored: string[]; missing: string[] }>();
  for (const { id, departments, department } of seen) {
    let list = lists.get(id);
    if (!list) lists.set(id, (list = { stored: JSON.parse(departments) as string[], missing: [] }));
    if (!list.stored.includes(department)) list.missing.push(department);
  }
  const changed = [...lists].filter(([, l]) => l.missing.length > 0);
  if (changed.length === 0) return 0;
  await tx.run("update organisations o set departments = v.departments from unnest(?::integer[], ?::text[]) v(id, departments) where o.id = v.id", [
    changed.map(([id]) => id),
    changed.map(([, l]) => JSON.stringify([...l.stored, ...l.missing])),
  ]);
  return changed.reduce((n, [, l]) => n + l.missing.length, 0);
}

type Cell = { waveId: number; department: string; seniority: string; v: CounterVector };
const cellKey = (waveId: number, department: string, seniority: string) => `${waveId}\u0000${department}\u0000${seniority}`;

/**
 * Adds the cells' counters to the stored aggregates of their waves, as applyRowsToAggregates does
 * (db/queries/aggregates/write.ts) but a few statements per batch of cells instead of three per
 * cell. Each wave's advisory lock (locks.ts lockWave) is taken, in wave order, before its cells are
 * read: the lock a live submission takes for the same read-add-write, held to the commit, so a
 * submission to one of these waves waits for the import, or the import for it.
 */
async function addCells(tx: PostgresDb, cells: readonly Cell[]): Promise<void> {
  const waveIds = [...new Set(cells.map((c) => c.waveId))].sort((a, b) => a - b);
  for (const id of waveIds) await lockWave(tx, id);
  const stored = new Map(
    (await tx.sql.all<{ wave_id: number; department: string; seniority: string; counters: Buffer }>(
      "select wave_id, department, seniority, counters from agg_wave_cells where wave_id = any(?::integer[])",
      [waveIds],
    )).map((r) => [cellKey(r.wave_id, r.department, r.seniority), r.counters]),
  );
  const totals = new Map<number, CounterVector>();
  const columns: [number[], string[], string[], number[], Buffer[]] = [[], [], [], [], []];
  for (const c of cells) {
    let total = totals.get(c.waveId);
    if (!total) totals.set(c.waveId, (total = emptyCounters()));
    addVectors(total, c.v);
    const before = stored.get(cellKey(c.waveId, c.department, c.seniority));
    const after = before ? decodeCountersInto(before) : emptyCounters();
    addVectors(after, c.v);
    columns[0].push(c.waveId);
    columns[1].push(c.department);
    columns[2].push(c.seniority);
    columns[3].push(after[0]!);
    columns[4].push(encodeCounters(after));
  }
  await tx.sql.run(
    `insert into agg_wave_cells (wave_id, department, seniority, n, counters)
     select * from unnest(?::integer[], ?::text[], ?::text[], ?::integer[], ?::bytea[])
     on conflict (wave_id, department, seniority) do update set n = excluded.n, counters = excluded.counters`,
    columns,
  );
  for (const [waveId, total] of totals) await tx.sql.run(UPSERT_WAVE, [waveId, ...total]);
}

/**
 * Adds the new responses to the aggregates: read through a cursor a page at a time in wave order,
 * counted into cells, written a batch of whole waves at a time, so memory holds about one batch of
 * cells and one page of rows whatever the size of the file.
 */
async function aggregateNewRows(tx: PostgresDb, t: string): Promise<void> {
  const cursor = `${t}_new`;
  await tx.sql.run(
    `declare ${cursor} no scroll cursor for
     select w.id wave_id, s.department, s.seniority, ${SELF_REPORT_SOURCE_COLUMNS.map((c) => `s."${c}"`).join(", ")}
     from pg_temp.${t} s join organisations o on o.slug = s.org join waves w on w.org_id = o.id and w.label = s.wave
     where s.is_new = 1 order by w.id`,
  );
  let cells = new Map<string, Cell>();
  const values: unknown[] = new Array<unknown>(SELF_REPORT_SOURCE_COLUMNS.length);
  for (;;) {
    const page = await tx.sql.all<Record<string, unknown>>(`fetch forward ${AGGREGATE_PAGE} from ${cursor}`);
    if (page.length === 0) break;
    for (const r of page) {
      const waveId = r.wave_id as number;
      const department = (r.department as string | null) ?? "";
      const seniority = (r.seniority as string | null) ?? "";
      const k = cellKey(waveId, department, seniority);
      let cell = cells.get(k);
      if (!cell) cells.set(k, (cell = { waveId, department, seniority, v: emptyCounters() }));
      SELF_REPORT_SOURCE_COLUMNS.forEach((c, i) => (values[i] = r[c] ?? null));
      addResponse(cell.v, values);
    }
    if (cells.size >= CELLS_PER_WRITE) {
      // The last wave of the page may go on in the next page: it stays for the next batch.
      const open = page[page.length - 1]!.wave_id as number;
      const done = [...cells.values()].filter((c) => c.waveId !== open);
      await addCells(tx, done);
      cells = new Map([...cells].filter(([, c]) => c.waveId === open));
    }
  }
  if (cells.size) await addCells(tx, [...cells.values()]);
  await tx.sql.run(`close ${cursor}`);
}

/** Writes the staged rows in one transaction: new organisations, departments and waves, then responses and aggregates. */
export async function commitPostgresStaged(db: PostgresDb, staging: PostgresStaging, questionnaireVersion: number): Promise<ImportResult> {
  const t = staging.name;
  const now = new Date().toISOString();
  return staging.sql.transaction(async (sql): Promise<ImportResult> => {
    const tx: PostgresDb = { ...db, sql };
    const rows = (await sql.value<number>(`select count(*) from pg_temp.${t}`))!;
    const organisationsCreated = (
      await sql.run(
        `insert into organisations (slug, name, sector, size_band, departments, created_at)
         select org, org_name, sector, size_band, '[]', ? from pg_temp.${t} s
         where line in (select min(line) from pg_temp.${t} group by org)
           and not exists (select 1 from organisations o where o.slug = s.org)
         order by line`,
        [now],
      )
    ).changes;
    const departmentsAdded = await addDepartments(sql, t);
    // In the order SQLite creates them (its group by sorts byte-wise), so both number them alike.
    // The wave code is 32 hex digits, as SQLite's lower(hex(randomblob(16))) makes it.
    const wavesCreated = (
      await sql.run(
        `insert into waves (org_id, label, questionnaire_version, code, status, opens_at, closes_at, created_at)
         select o.id, s.wave, ?, replace(gen_random_uuid()::text, '-', ''), 'closed', min(s.submitted_at), max(s.submitted_at), ?
         from pg_temp.${t} s join organisations o on o.slug = s.org
         where not exists (select 1 from waves w where w.org_id = o.id and w.label = s.wave)
         group by o.id, s.wave order by o.id, s.wave collate "C"`,
        [questionnaireVersion, now],
      )
    ).changes;
    await sql.run(`update pg_temp.${t} s set is_new = 1 where not exists (select 1 from responses r where r.id = s.response_id)`);
    const inserted = (
      await sql.run(
        `insert into responses (id, wave_id, status, token_hash, locale, step, department, seniority, ${ANSWER_COLUMNS.map((c) => `"${c}"`).join(", ")}, created_at, updated_at, submitted_at)
         select s.response_id, w.id, 'submitted', null, s.locale, 0, s.department, s.seniority, ${ANSWER_COLUMNS.map((c) => `s."${c}"`).join(", ")}, s.submitted_at, s.submitted_at, s.submitted_at
         from pg_temp.${t} s join organisations o on o.slug = s.org join waves w on w.org_id = o.id and w.label = s.wave
         where s.is_new = 1`,
      )
    ).changes;
    await aggregateNewRows(tx, t);
    return { rows, inserted, alreadyPresent: rows - inserted, organisationsCreated, wavesCreated, departmentsAdded };
  });
}
