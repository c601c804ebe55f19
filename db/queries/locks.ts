/*
 * Serialising writers that read, then write (docs/decisions/016-async-data-layer.md). On SQLite every
 * write transaction already holds the database's write lock from its BEGIN IMMEDIATE, so these do
 * nothing there. On PostgreSQL (READ COMMITTED) they take a transaction advisory lock, released at
 * commit or rollback. Call inside a transaction.
 */
import type { Db } from "../client";

// The first key of the two-key advisory locks: one namespace per kind of lock.
const WAVE_AGGREGATES = 1;
const RATE_LIMIT = 2;
// 3 is taken by the change-feed triggers (PostgreSQL migration 0002).
const SIGN_IN_THROTTLE = 4;

/** Holds a wave's aggregates and release for this transaction (cells are read, added to, written back). */
export async function lockWave(db: Db, waveId: number): Promise<void> {
  if (db.dialect === "postgres") await db.sql.run("select pg_advisory_xact_lock(?, ?)", [WAVE_AGGREGATES, waveId]);
}

/** Holds one rate-limit bucket for this transaction. */
export async function lockRateLimit(db: Db, key: string): Promise<void> {
  if (db.dialect === "postgres") await db.sql.run("select pg_advisory_xact_lock(?, hashtext(?))", [RATE_LIMIT, key]);
}

/** Holds one sign-in throttle row (failures are read, counted, written back) for this transaction. */
export async function lockSignInThrottle(db: Db, key: string): Promise<void> {
  if (db.dialect === "postgres") await db.sql.run("select pg_advisory_xact_lock(?, hashtext(?))", [SIGN_IN_THROTTLE, key]);
}
