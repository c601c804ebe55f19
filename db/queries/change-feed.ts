/*
 * The change feed (table change_feed, written by the triggers of migration 0008): which organisations'
 * places in the benchmark population changed after a given row. Every process reads it before using
 * its in-memory population, so processes sharing one database agree without reloading everything.
 */
import type { Db } from "../client";

/** The id of the newest row (0 when the feed is empty). */
export function latestChange(db: Db): number {
  return (db.$client.prepare("select coalesce(max(id), 0) from change_feed").pluck().get() as number) ?? 0;
}

/**
 * The organisations changed after row `afterId`, up to row `latest`, or null when rows after
 * `afterId` were already pruned (the reader must then load everything again).
 */
export function changedOrganisations(db: Db, afterId: number, latest: number): number[] | null {
  const oldest = db.$client.prepare("select min(id) from change_feed").pluck().get() as number | null;
  // Ids are consecutive (AUTOINCREMENT, writers serialised): a gap before the oldest row means pruned rows.
  if (oldest === null || oldest > afterId + 1) return null;
  return db.$client.prepare("select distinct org_id from change_feed where id > ? and id <= ?").pluck().all(afterId, latest) as number[];
}

/** Deletes rows written before `before` (an ISO time) but always keeps the newest. Returns how many. */
export function pruneChangeFeed(db: Db, before: string): number {
  return db.$client.prepare("delete from change_feed where at < ? and id < (select max(id) from change_feed)").run(before).changes;
}
