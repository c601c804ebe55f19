import type Database from "better-sqlite3";
import { rebuildSqlite } from "./rebuild";

/**
 * Rebuilds aggregates when responses exist but no aggregate does (a SQLite file from before
 * aggregates). Runs while the file is opened, before anything else uses the connection.
 */
export function ensureAggregates(sqlite: Database.Database): void {
  const has = sqlite.prepare("select exists(select 1 from agg_waves) a, exists(select 1 from responses where status = 'submitted') r").get() as { a: number; r: number };
  if (!has.a && has.r) sqlite.transaction(() => rebuildSqlite(sqlite)).immediate();
}
