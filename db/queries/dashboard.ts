import type { Db } from "../client";

/** Responses per department × seniority cell of a wave ('' = not answered), from the aggregates. */
export function waveCellSizes(db: Db, waveId: number): { department: string; seniority: string; n: number }[] {
  return db.$client
    .prepare("select department, seniority, n from agg_wave_cells where wave_id = ? and n > 0")
    .all(waveId) as { department: string; seniority: string; n: number }[];
}

/**
 * Submitted responses per calendar day (UTC) of a wave: a participation count, no answers. Reads the
 * submission times only, through the (wave_id, status) index.
 */
export function submissionsByDay(db: Db, waveId: number): { day: string; count: number }[] {
  return db.$client
    .prepare(
      `select substr(submitted_at, 1, 10) as day, count(*) as count
       from responses where wave_id = ? and status = 'submitted'
       group by day order by day`,
    )
    .all(waveId) as { day: string; count: number }[];
}
