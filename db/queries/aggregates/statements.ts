import { COUNTERS, SOURCE_COLUMNS } from "../../../core/counters";

/** The counter columns of agg_waves, in counter order, and a placeholder for each. */
export const COLS = COUNTERS.map((c) => `"${c}"`).join(", ");
export const PLACEHOLDERS = COUNTERS.map(() => "?").join(", ");
const ADD = COUNTERS.map((c) => `"${c}" = agg_waves."${c}" + excluded."${c}"`).join(", ");

/** Adds a counter vector to a wave's totals: parameters wave_id, then the counters. */
export const UPSERT_WAVE = `insert into agg_waves (wave_id, ${COLS}) values (?, ${PLACEHOLDERS}) on conflict (wave_id) do update set ${ADD}`;
export const READ_CELL = "select counters from agg_wave_cells where wave_id = ? and department = ? and seniority = ?";
export const WRITE_CELL = `insert into agg_wave_cells (wave_id, department, seniority, n, counters) values (?, ?, ?, ?, ?)
  on conflict (wave_id, department, seniority) do update set n = excluded.n, counters = excluded.counters`;
/** A submitted response's wave, cell and source columns (SOURCE_COLUMNS order). */
export const READ_SOURCE = `select wave_id, department, seniority, ${SOURCE_COLUMNS.join(", ")} from responses where id = ? and status = 'submitted'`;
