/*
 * Staging and committing a responses CSV import. Rows are validated and staged in a TEMP table
 * (no lock on the main database while a large file is read), then committed in one short
 * transaction: all or nothing.
 */
import crypto from "node:crypto";
import type Database from "better-sqlite3";
import type { Db } from "../client";
import { SOURCE_COLUMNS } from "../../core/counters";
import type { CellError, ParsedRow } from "../../core/csv-columns";
import { RESPONSE_CSV_COLUMNS } from "../../core/csv-columns";
import { applyRowsToAggregates } from "./aggregates";

const ANSWER_COLUMNS = RESPONSE_CSV_COLUMNS.slice(RESPONSE_CSV_COLUMNS.indexOf("self_data"));
const STAGED = ["line", ...RESPONSE_CSV_COLUMNS] as const;

export type Staging = { name: string; insertId: Database.Statement; firstLine: Database.Statement; insertRow: Database.Statement };

/*
 * The staging tables are SQLite TEMP tables on the app's one connection; on PostgreSQL a TEMP table
 * lives on one pooled client, so an import there needs its own client from staging to commit.
 */
function sqliteOf(db: Db): Database.Database {
  if (db.dialect !== "sqlite") throw new Error("Importing a responses CSV into PostgreSQL is not supported yet: import into SQLite and copy the database across");
  return db.$client;
}

export async function createStaging(db: Db): Promise<Staging> {
  const sqlite = sqliteOf(db);
  const t = `import_staging_${crypto.randomBytes(6).toString("hex")}`;
  // In the connection's turn (db/sql/sqlite.ts), never inside another request's transaction.
  await db.sql.transaction(async () =>
    sqlite.exec(`
    drop table if exists temp.${t};
    create temp table ${t} (
      line integer not null unique,
      ${RESPONSE_CSV_COLUMNS.map((c) => (c === "response_id" ? "response_id text primary key" : `"${c}"`)).join(",\n      ")},
      is_new integer not null default 0
    );
    create index temp.${t}_org on ${t}(org, line);
    create temp table ${t}_ids (response_id text primary key, line integer not null);`),
  );
  // Prepared once per import: preparing per row costs more than the insert itself.
  return {
    name: t,
    insertId: sqlite.prepare(`insert into temp.${t}_ids (response_id, line) values (?, ?) on conflict(response_id) do nothing`),
    firstLine: sqlite.prepare(`select line from temp.${t}_ids where response_id = ?`).pluck(),
    insertRow: sqlite.prepare(`insert into temp.${t} (${STAGED.map((c) => `"${c}"`).join(", ")}) values (${STAGED.map(() => "?").join(", ")})`),
  };
}

export async function dropStaging(db: Db, { name: t }: Staging): Promise<void> {
  const sqlite = sqliteOf(db);
  // Inside the connection's turn (db/sql/sqlite.ts), never inside another request's transaction.
  await db.sql.transaction(async () => sqlite.exec(`drop table if exists temp.${t}; drop table if exists temp.${t}_ids`));
}

export type StagedRow = { line: number; id: string | null; row: ParsedRow | null };

/**
 * Stages a batch of rows in one transaction (one commit per row would cost a journal sync each):
 * remembers every row's response_id, valid row or not, to report duplicates, and stores valid rows
 * that are not duplicates. The body is synchronous inside the connection's transaction (db/sql/sqlite.ts).
 */
export async function stageBatch(db: Db, staging: Staging, rows: readonly StagedRow[]): Promise<CellError[]> {
  const errors: CellError[] = [];
  await db.sql.transaction(async () => {
    for (const { line, id, row } of rows) {
      let duplicate = false;
      if (id !== null && staging.insertId.run(id, line).changes === 0) {
        duplicate = true;
        const first = staging.firstLine.get(id) as number;
        errors.push({ line, column: "response_id", message: `"${id}" appears twice in the file (first on line ${first}); each response must appear once` });
      }
      if (row && !duplicate) staging.insertRow.run(line, ...RESPONSE_CSV_COLUMNS.map((c) => row[c]));
    }
  });
  return errors;
}

/**
 * Checks the staged rows against each other and the database: one organisation described two ways,
 * an organisation that exists with another sector or size band, a response id that exists with
 * different values.
 */
export async function stagedConflicts(db: Db, { name: t }: Staging, limit: number): Promise<CellError[]> {
  const errors: CellError[] = [];
  const sqlite = sqliteOf(db);
  // The reads run in the connection's turn (db/sql/sqlite.ts), never inside another request's transaction.
  await db.sql.transaction(async () => {
  const inFile = sqlite
    .prepare(
      `with first as (select org, min(line) line from temp.${t} group by org)
       select s.line, s.org, s.org_name, s.sector, s.size_band, f0.line first_line, f0.org_name f_name, f0.sector f_sector, f0.size_band f_size
       from temp.${t} s join first f on f.org = s.org join temp.${t} f0 on f0.line = f.line
       where s.org_name is not f0.org_name or s.sector is not f0.sector or s.size_band is not f0.size_band
       order by s.line limit ?`,
    )
    .all(limit) as Record<string, string | number>[];
  for (const r of inFile) {
    for (const [col, first] of [["org_name", "f_name"], ["sector", "f_sector"], ["size_band", "f_size"]] as const) {
      if (r[col] !== r[first]) {
        errors.push({ line: r.line as number, column: col, message: `"${r[col]}" differs from "${r[first]}" given for organisation "${r.org}" on line ${r.first_line}; one organisation must be described the same way on every row` });
      }
    }
  }
  const existing = sqlite
    .prepare(
      `select s.line, s.org, s.org_name, s.sector, s.size_band, o.name, o.sector o_sector, o.size_band o_size
       from temp.${t} s join organisations o on o.slug = s.org
       where s.line in (select min(line) from temp.${t} group by org)
         and (s.org_name is not o.name or s.sector is not o.sector or s.size_band is not o.size_band)
       order by s.line limit ?`,
    )
    .all(limit) as Record<string, string | number>[];
  for (const r of existing) {
    for (const [col, have] of [["org_name", "name"], ["sector", "o_sector"], ["size_band", "o_size"]] as const) {
      if (r[col] !== r[have]) {
        errors.push({ line: r.line as number, column: col, message: `"${r[col]}" differs from the existing organisation "${r.org}", which has "${r[have]}"; use the existing value or another slug` });
      }
    }
  }
  const differs = ANSWER_COLUMNS.map((c) => `s."${c}" is not r."${c}"`).join(" or ");
  const changed = sqlite
    .prepare(
      `select s.line, s.response_id from temp.${t} s
       join responses r on r.id = s.response_id
       join waves w on w.id = r.wave_id join organisations o on o.id = w.org_id
       where r.status <> 'submitted' or o.slug is not s.org or w.label is not s.wave or r.department is not s.department
          or r.seniority is not s.seniority or r.locale is not s.locale or r.submitted_at is not s.submitted_at or ${differs}
       order by s.line limit ?`,
    )
    .all(limit) as { line: number; response_id: string }[];
  for (const r of changed) {
    errors.push({ line: r.line, column: "response_id", message: `"${r.response_id}" already exists with different values; an import never changes a stored response` });
  }
  });
  return errors.sort((a, b) => a.line - b.line).slice(0, limit);
}

export type ImportResult = { rows: number; inserted: number; alreadyPresent: number; organisationsCreated: number; wavesCreated: number; departmentsAdded: number };

/** Writes the staged rows in one transaction: new organisations, departments and waves, then responses and aggregates. */
export async function commitStaged(db: Db, { name: t }: Staging, questionnaireVersion: number): Promise<ImportResult> {
  const sqlite = sqliteOf(db);
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
          `select w.id, s.department, s.seniority, ${SOURCE_COLUMNS.map((c) => `s."${c}"`).join(", ")}
           from temp.${t} s join organisations o on o.slug = s.org join waves w on w.org_id = o.id and w.label = s.wave
           where s.is_new = 1 order by w.id`,
        )
        .raw(true)
        .iterate() as IterableIterator<unknown[]>,
    );
    return { rows, inserted, alreadyPresent: rows - inserted, organisationsCreated: orgs, wavesCreated: waves, departmentsAdded };
  });
}
