import type Database from "better-sqlite3";
import type { Db } from "../../client";
import { COUNTERS, SOURCE_COLUMNS } from "../../../core/counters";

/** The counter columns of agg_waves, in counter order, and a placeholder for each. */
export const COLS = COUNTERS.map((c) => `"${c}"`).join(", ");
export const PLACEHOLDERS = COUNTERS.map(() => "?").join(", ");
const ADD = COUNTERS.map((c) => `"${c}" = "${c}" + excluded."${c}"`).join(", ");
const SOURCE = SOURCE_COLUMNS.join(", ");

type Statements = {
  upsertWave: Database.Statement;
  readCell: Database.Statement;
  writeCell: Database.Statement;
  readSource: Database.Statement;
};

// Prepared once per connection: preparing a 160-column statement costs more than running it.
const statementCache = new WeakMap<Database.Database, Statements>();

export function statements(db: Db): Statements {
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
