import type { Db } from "../client";

/** Responses per department × seniority cell of a wave ('' = not answered), from the aggregates. */
export async function waveCellSizes(db: Db, waveId: number): Promise<{ department: string; seniority: string; n: number }[]> {
  return db.sql.all("select department, seniority, n from agg_wave_cells where wave_id = ? and n > 0", [waveId]);
}

/**
 * Submitted responses per calendar day (UTC) of a wave: a participation count, no answers. Reads the
 * submission times only, through the (wave_id, status) index.
 */
export async function submissionsByDay(db: Db, waveId: number): Promise<{ day: string; count: number }[]> {
  return db.sql.all(
    `select substr(submitted_at, 1, 10) as day, count(*) as count
     from responses where wave_id = ? and status = 'submitted'
     group by substr(submitted_at, 1, 10) order by day`,
    [waveId],
  );
}
