/*
 * The released state of waves (agg_releases, agg_release_cells): what readers see. Written only by
 * lib/disclosure/releases.ts, which decides when a new state may be released. Counters are passed
 * as stored (the sparse blobs of core/counter-codec.ts); decoding them is the caller's.
 */
import { transaction, type Db } from "../client";
import { jsonNumber, jsonText } from "../sql/dialect";
import { lockWave } from "./locks";

export type StoredRelease = { waveId: number; seq: number; n: number; releasedAt: string; plan: string; counters: Buffer };
export type StoredCell = { department: string; seniority: string; n: number; counters: Buffer };

/**
 * Live and released response counts of a wave (released null when it has no release yet), and how
 * many responses were voided since its last release.
 */
export async function releaseStatus(db: Db, waveId: number): Promise<{ live: number; released: number | null; seq: number | null; voided: number }> {
  return (await db.sql.get<{ live: number; released: number | null; seq: number | null; voided: number }>(
    `select coalesce((select n from agg_waves where wave_id = ?), 0) live,
            (select n from agg_releases where wave_id = ?) released,
            (select seq from agg_releases where wave_id = ?) seq,
            coalesce((select sum(n) from agg_void_cells where wave_id = ?), 0) voided`,
    [waveId, waveId, waveId, waveId],
  ))!;
}

export async function readRelease(db: Db, waveId: number): Promise<StoredRelease | undefined> {
  const row = await db.sql.get<{ wave_id: number; seq: number; n: number; released_at: string; plan: string; counters: Buffer }>(
    "select wave_id, seq, n, released_at, plan, counters from agg_releases where wave_id = ?",
    [waveId],
  );
  if (!row) return undefined;
  return { waveId: row.wave_id, seq: row.seq, n: row.n, releasedAt: row.released_at, plan: row.plan, counters: row.counters };
}

function readCells(db: Db, table: "agg_wave_cells" | "agg_release_cells" | "agg_void_cells", waveId: number): Promise<StoredCell[]> {
  return db.sql.all<StoredCell>(`select department, seniority, n, counters from ${table} where wave_id = ? and n > 0 order by department, seniority`, [waveId]);
}

export const readLiveCells = (db: Db, waveId: number) => readCells(db, "agg_wave_cells", waveId);
export const readReleasedCells = (db: Db, waveId: number) => readCells(db, "agg_release_cells", waveId);
/** The counters of the responses voided since the wave's last release (db/queries/aggregates.ts voidResponse). */
export const readVoidedCells = (db: Db, waveId: number) => readCells(db, "agg_void_cells", waveId);

/**
 * Replaces a wave's release with `cells` and their `total` when its sequence number is still
 * `expectedSeq` (null: no release yet) and its live state is still the one planned (`planned`: the
 * live count and the voided count read with the cells), in one transaction, and marks the wave's
 * submitted responses as released. False when another request released first or the state moved on.
 */
export async function writeRelease(
  db: Db,
  waveId: number,
  expectedSeq: number | null,
  planned: { live: number; voided: number },
  cells: readonly StoredCell[],
  total: { n: number; counters: Buffer },
  plan: string,
  releasedAt: string,
): Promise<boolean> {
  return transaction(db, async (tx) => {
    await lockWave(tx, waveId);
    const current = (await tx.sql.value<number>("select seq from agg_releases where wave_id = ?", [waveId])) ?? null;
    if (current !== expectedSeq) return false;
    const now = await releaseStatus(tx, waveId);
    if (now.live !== planned.live || now.voided !== planned.voided) return false;
    // Every response submitted so far is in this release (the state is the one the cells were read from).
    await tx.sql.run("update responses set released = 1 where wave_id = ? and status = 'submitted' and released = 0", [waveId]);
    await tx.sql.run("delete from agg_release_cells where wave_id = ?", [waveId]);
    // The voids since the last release are part of this one's audit; the next starts from here.
    await tx.sql.run("delete from agg_void_cells where wave_id = ?", [waveId]);
    for (const c of cells) {
      await tx.sql.run("insert into agg_release_cells (wave_id, department, seniority, n, counters) values (?, ?, ?, ?, ?)", [waveId, c.department, c.seniority, c.n, c.counters]);
    }
    await tx.sql.run(
      `insert into agg_releases (wave_id, seq, n, released_at, plan, counters) values (?, ?, ?, ?, ?, ?)
       on conflict (wave_id) do update set seq = excluded.seq, n = excluded.n, released_at = excluded.released_at, plan = excluded.plan, counters = excluded.counters`,
      [waveId, (expectedSeq ?? 0) + 1, total.n, releasedAt, plan, total.counters],
    );
    return true;
  });
}

/** Stores a new plan for the same released cells (the threshold changed). */
export async function replaceReleasePlan(db: Db, waveId: number, seq: number, plan: string): Promise<void> {
  await db.sql.run("update agg_releases set plan = ? where wave_id = ? and seq = ?", [plan, waveId, seq]);
}

/** Waves whose live responses differ from their release (or that have none yet, or lost voided ones since). */
export async function wavesAwaitingRelease(db: Db): Promise<number[]> {
  return db.sql.column<number>(
    `select a.wave_id from agg_waves a left join agg_releases r on r.wave_id = a.wave_id
     where (a.n > 0 and (r.n is null or r.n <> a.n))
        or (r.wave_id is not null and exists (select 1 from agg_void_cells v where v.wave_id = a.wave_id and v.n > 0))
     order by a.wave_id`,
  );
}

export type StoredMember = { orgId: number; slug: string; sector: string; sizeBand: string; waveId: number; planMin: number; wholeFigures: string; counters: Buffer };

/**
 * The benchmark population from released states: for each organisation (not archived), its latest
 * wave with a release (latest by opening date, then creation), with the threshold its plan was made
 * for and the figures the plan shows for the whole wave (extracted by the database: the rest of the
 * plan, views and history, is not needed here and would cost a JSON parse per organisation), in
 * organisation id order. With `orgId`, only that organisation's member (none when it has no released
 * wave or is archived).
 */
export async function readReleasedPopulation(db: Db, orgId?: number): Promise<StoredMember[]> {
  const rows = await db.sql.all<{ id: number; slug: string; sector: string; size_band: string; wave_id: number; plan_min: number; whole: string; counters: Buffer }>(
    `select o.id, o.slug, o.sector, o.size_band, r.wave_id, ${jsonNumber(db.dialect, "r.plan", ["min"])} plan_min,
       ${jsonText(db.dialect, "r.plan", ["views", "all"], "[]")} whole, r.counters
     from (
       select w.id as wave_id, w.org_id,
         row_number() over (partition by w.org_id order by coalesce(w.opens_at, w.created_at) desc, w.id desc) as rn
       from waves w join agg_releases x on x.wave_id = w.id where x.n > 0 ${orgId === undefined ? "" : "and w.org_id = ?"}
     ) latest
     join agg_releases r on r.wave_id = latest.wave_id
     join organisations o on o.id = latest.org_id
     where latest.rn = 1 and o.archived_at is null
     order by o.id`,
    orgId === undefined ? [] : [orgId],
  );
  return rows.map((r) => ({ orgId: r.id, slug: r.slug, sector: r.sector, sizeBand: r.size_band, waveId: r.wave_id, planMin: r.plan_min, wholeFigures: r.whole, counters: r.counters }));
}
