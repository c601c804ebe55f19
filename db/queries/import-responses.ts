/*
 * Staging and committing a responses CSV import. Rows are validated and staged in a TEMP table
 * (no lock on the main database while a large file is read), then committed in one short
 * transaction: all or nothing. On SQLite the TEMP tables are on the app's one connection; on
 * PostgreSQL on a client of the pool kept for the whole import (import-responses-pg.ts).
 */
import type Database from "better-sqlite3";
import type { Db, PostgresDb, SqliteDb } from "../client";
import { SELF_REPORT_SOURCE_COLUMNS } from "../../core/counters";
import type { CellError } from "../../core/csv-columns";
import { RESPONSE_CSV_COLUMNS } from "../../core/csv-columns";
import { applyRowsToAggregates } from "./aggregates";
import { ANSWER_COLUMNS, duplicateIdError, STAGED, stagedConflictsIn, type ImportResult, type StagedRow } from "./import-responses-shared";
import { commitPostgresStaged, createPostgresStaging, dropPostgresStaging, stagePostgresBatch, type PostgresStaging } from "./import-responses-pg";

export type { ImportResult, StagedRow } from "./import-responses-shared";

type SqliteStaging = { dialect: "sqlite"; name: string; insertId: Database.Statement; firstLine: Database.Statement; insertRow: Database.Statement };
export type Staging = SqliteStaging | PostgresStaging;

/** A staging is only ever used with the database it was made on. */
function sqliteOf(db: Db): SqliteDb {
  if (db.dialect !== "sqlite") throw new Error("a SQLite import staging used with a PostgreSQL database");
  return db;
}
function postgresOf(db: Db): PostgresDb {
  if (db.dialect !== "postgres") throw new Error("a PostgreSQL import staging used with a SQLite database");
  return db;
}

/*
 * The staging tables of the imports running on one SQLite connection are named by the lowest free
 * slot, so the text of every statement on them repeats from one import to the next. A fresh name per
 * import would leave three more cached statements (db/sql/sqlite.ts) per import, and SQLite walks
 * every prepared statement of the connection at each schema change (each temp table created or
 * dropped): imports grew from 2.5 to 20 ms each over 4,000 imports in one process.
 */
const slotsInUse = new WeakMap<Database.Database, Set<number>>();
function takeSlot(sqlite: Database.Database): number {
  let used = slotsInUse.get(sqlite);
  if (!used) slotsInUse.set(sqlite, (used = new Set()));
  let slot = 1;
  while (used.has(slot)) slot++;
  used.add(slot);
  return slot;
}
function releaseSlot(sqlite: Database.Database, name: string): void {
  slotsInUse.get(sqlite)?.delete(Number(name.slice("import_staging_".length)));
}

export async function createStaging(db: Db): Promise<Staging> {
  if (db.dialect === "postgres") return createPostgresStaging(db);
  const sqlite = db.$client;
  const t = `import_staging_${takeSlot(sqlite)}`;
  try {
    // In the connection's turn (db/sql/sqlite.ts), never inside another request's transaction.
    await db.sql.transaction(async () =>
      sqlite.exec(`
      drop table if exists temp.${t};
      drop table if exists temp.${t}_ids;
      create temp table ${t} (
        line integer not null unique,
        ${RESPONSE_CSV_COLUMNS.map((c) => (c === "response_id" ? "response_id text primary key" : `"${c}"`)).join(",\n        ")},
        is_new integer not null default 0
      );
      create index temp.${t}_org on ${t}(org, line);
      create temp table ${t}_ids (response_id text primary key, line integer not null);`),
    );
  } catch (error) {
    releaseSlot(sqlite, t);
    throw error;
  }
  // Prepared once per import: preparing per row costs more than the insert itself.
  return {
    dialect: "sqlite",
    name: t,
    insertId: sqlite.prepare(`insert into temp.${t}_ids (response_id, line) values (?, ?) on conflict(response_id) do nothing`),
    firstLine: sqlite.prepare(`select line from temp.${t}_ids where response_id = ?`).pluck(),
    insertRow: sqlite.prepare(`insert into temp.${t} (${STAGED.map((c) => `"${c}"`).join(", ")}) values (${STAGED.map(() => "?").join(", ")})`),
  };
}

export async function dropStaging(db: Db, staging: Staging): Promise<void> {
  if (staging.dialect === "postgres") return dropPostgresStaging(staging);
  const sqlite = sqliteOf(db).$client;
  const t = staging.name;
  // Inside the connection's turn (db/sql/sqlite.ts), never inside another request's transaction.
  try {
    await db.sql.transaction(async () => sqlite.exec(`drop table if exists temp.${t}; drop table if exists temp.${t}_ids`));
  } finally {
    releaseSlot(sqlite, t);
  }
}

/**
 * Stages a batch of rows in one transaction (one commit per row would cost a journal sync each):
 * remembers every row's response_id, valid row or not, to report duplicates, and stores valid rows
 * that are not duplicates. On SQLite the body is synchronous inside the connection's transaction (db/sql/sqlite.ts).
 */
export async function stageBatch(db: Db, staging: Staging, rows: readonly StagedRow[]): Promise<CellError[]> {
  if (staging.dialect === "postgres") return stagePostgresBatch(staging, rows);
  const errors: CellError[] = [];
  await sqliteOf(db).sql.transaction(async () => {
    for (const { line, id, row } of rows) {
      let duplicate = false;
      if (id !== null && staging.insertId.run(id, line).changes === 0) {
        duplicate = true;
        errors.push(duplicateIdError(line, id, staging.firstLine.get(id) as number));
      }
      if (row && !duplicate) staging.insertRow.run(line, ...RESPONSE_CSV_COLUMNS.map((c) => row[c]));
    }
  });
  return errors;
}

/**
 * Checks the staged rows against each other and the database (import-responses-shared.ts), in one
 * transaction, so on SQLite no other request's transaction is open while they run.
 */
export async function stagedConflicts(db: Db, staging: Staging, limit: number): Promise<CellError[]> {
  if (staging.dialect === "postgres") return staging.sql.transaction((tx) => stagedConflictsIn(tx, `pg_temp.${staging.name}`, limit));
  return sqliteOf(db).sql.transaction((tx) => stagedConflictsIn(tx, `temp.${staging.name}`, limit));
}

/** Writes the staged rows in one transaction: new organisations, departments and waves, then responses and aggregates. */
export async function commitStaged(db: Db, staging: Staging, questionnaireVersion: number): Promise<ImportResult> {
  if (staging.dialect === "postgres") return commitPostgresStaged(postgresOf(db), staging, questionnaireVersion);
  const sqlite = sqliteOf(db).$client;
  const t = staging.name;
  const now = new Date().toISOString();
  return db.sql.transaction(async (): Promise<ImportResult> => {
    const rows = (sqlite.prepare(`select count(*) n from temp.${t}`).get() as { n: number }).n;
    const orgs = sqlite
      .prepare(
        `insert into organisations (slug, name, sector, size_band, departments, created_at)
         select org, org_name, sector, size_band, '[]', ? from temp.${t}
         where line in (select min(line) from temp.${t} group by org)
           and org not in (select slug from organisations)`,
      )
      .run(now).changes;

    let departmentsAdded = 0;
    const pairs = sqlite
      .prepare(
        `select o.id, o.departments from organisations o
         where o.slug in (select org from temp.${t} where department is not null)`,
      )
      .all() as { id: number; departments: string }[];
    const saveDepartments = sqlite.prepare("update organisations set departments = ? where id = ?");
    for (const p of pairs) {
      const list = JSON.parse(p.departments) as string[];
      const distinct = (sqlite.prepare(
        `select s.department d, min(s.line) l from temp.${t} s join organisations o on o.slug = s.org where o.id = ? and s.department is not null group by s.department order by l`,
      ).all(p.id) as { d: string }[]).map((r) => r.d);
      const missing = distinct.filter((d) => !list.includes(d));
      if (missing.length) {
        saveDepartments.run(JSON.stringify([...list, ...missing]), p.id);
        departmentsAdded += missing.length;
      }
    }

    const waves = sqlite
      .prepare(
        `insert into waves (org_id, label, questionnaire_version, code, status, opens_at, closes_at, created_at)
         select o.id, s.wave, ?, lower(hex(randomblob(16))), 'closed', min(s.submitted_at), max(s.submitted_at), ?
         from temp.${t} s join organisations o on o.slug = s.org
         where not exists (select 1 from waves w where w.org_id = o.id and w.label = s.wave)
         group by o.id, s.wave`,
      )
      .run(questionnaireVersion, now).changes;

    sqlite.prepare(`update temp.${t} set is_new = 1 where response_id not in (select id from responses)`).run();
    const answerCols = ANSWER_COLUMNS.map((c) => `"${c}"`).join(", ");
    const inserted = sqlite
      .prepare(
        `insert into responses (id, wave_id, status, token_hash, locale, step, department, seniority, ${answerCols}, created_at, updated_at, submitted_at)
         select s.response_id, w.id, 'submitted', null, s.locale, 0, s.department, s.seniority, ${ANSWER_COLUMNS.map((c) => `s."${c}"`).join(", ")}, s.submitted_at, s.submitted_at, s.submitted_at
         from temp.${t} s join organisations o on o.slug = s.org join waves w on w.org_id = o.id and w.label = s.wave
         where s.is_new = 1`,
      )
      .run().changes;
    await applyRowsToAggregates(
      db,
      sqlite
        .prepare(
          `select w.id, s.department, s.seniority, ${SELF_REPORT_SOURCE_COLUMNS.map((c) => `s."${c}"`).join(", ")}
           from temp.${t} s join organisations o on o.slug = s.org join waves w on w.org_id = o.id and w.label = s.wave
           where s.is_new = 1 order by w.id`,
        )
        .raw(true)
        .iterate() as IterableIterator<unknown[]>,
    );
    return { rows, inserted, alreadyPresent: rows - inserted, organisationsCreated: orgs, wavesCreated: waves, departmentsAdded };
  });
}
