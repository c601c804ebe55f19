/*
 * The change feed (table change_feed, written by the triggers of migration 0008): which organisations'
 * places in the benchmark population changed after a given row. Every process reads it before using
 * its in-memory population, so processes sharing one database agree without reloading everything.
 */
import type { Db } from "../client";

/** The id of the newest row (0 when the feed is empty). */
export async function latestChange(db: Db): Promise<number> {
  return (await db.sql.value<number>("select coalesce(max(id), 0) from change_feed")) ?? 0;
}

/**
 * The organisations changed after row `afterId`, up to row `latest`, or null when rows after
 * `afterId` were already pruned (the reader must then load everything again).
 */
export async function changedOrganisations(db: Db, afterId: number, latest: number): Promise<number[] | null> {
  const oldest = (await db.sql.value<number | null>("select min(id) from change_feed")) ?? null;
  // Ids are consecutive (writers serialised): a gap before the oldest row means pruned rows.
  if (oldest === null || oldest > afterId + 1) return null;
  return db.sql.column<number>("select distinct org_id from change_feed where id > ? and id <= ?", [afterId, latest]);
}

/** Deletes rows written before `before` (an ISO time) but always keeps the newest. Returns how many. */
export async function pruneChangeFeed(db: Db, before: string): Promise<number> {
  return (await db.sql.run("delete from change_feed where at < ? and id < (select max(id) from change_feed)", [before])).changes;
}
