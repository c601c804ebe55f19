import { BUCKET_IDLE_FORGET_MS, takeToken, type Bucket, type RateLimit } from "../../core/token-bucket";
import { transaction, type Db } from "../client";
import { lockRateLimit } from "./locks";

/**
 * Takes one token from the bucket `key` in one short transaction that holds the bucket from the read
 * to the write (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock on the key), so two processes
 * never both spend the same token. Returns 0 when allowed, otherwise the whole seconds to wait.
 */
export async function takeRateLimitToken(db: Db, key: string, limit: RateLimit, nowMs = Date.now()): Promise<number> {
  return transaction(db, async (tx) => {
    await lockRateLimit(tx, key);
    const previous = await tx.sql.get<Bucket>("select tokens, updated_ms as \"updatedMs\" from rate_limits where key = ?", [key]);
    const { bucket, waitSeconds } = takeToken(previous, limit, nowMs);
    await tx.sql.run(
      "insert into rate_limits (key, tokens, updated_ms) values (?, ?, ?) on conflict (key) do update set tokens = excluded.tokens, updated_ms = excluded.updated_ms",
      [key, bucket.tokens, bucket.updatedMs],
    );
    return waitSeconds;
  });
}

/** Deletes buckets untouched for an hour: they are full again, so forgetting them changes no answer. */
export async function sweepRateLimits(db: Db, nowMs = Date.now()): Promise<number> {
  return (await db.sql.run("delete from rate_limits where updated_ms < ?", [nowMs - BUCKET_IDLE_FORGET_MS])).changes;
}
