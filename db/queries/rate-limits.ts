import { lt } from "drizzle-orm";
import { BUCKET_IDLE_FORGET_MS, takeToken, type Bucket, type RateLimit } from "../../core/token-bucket";
import type { Db } from "../client";
import { rateLimits } from "../schema";

/**
 * Takes one token from the bucket `key` in a short IMMEDIATE transaction: the write lock is held from
 * the read to the write, so two processes on one database file never both spend the same token.
 * Returns 0 when allowed, otherwise the whole seconds to wait.
 */
export function takeRateLimitToken(db: Db, key: string, limit: RateLimit, nowMs = Date.now()): number {
  const read = db.$client.prepare<[string], { tokens: number; updatedMs: number }>("select tokens, updated_ms as updatedMs from rate_limits where key = ?");
  const write = db.$client.prepare<[string, number, number]>(
    "insert into rate_limits (key, tokens, updated_ms) values (?, ?, ?) on conflict (key) do update set tokens = excluded.tokens, updated_ms = excluded.updated_ms",
  );
  const take = db.$client.transaction((): number => {
    const previous: Bucket | undefined = read.get(key);
    const { bucket, waitSeconds } = takeToken(previous, limit, nowMs);
    write.run(key, bucket.tokens, bucket.updatedMs);
    return waitSeconds;
  });
  return take.immediate();
}

/** Deletes buckets untouched for an hour: they are full again, so forgetting them changes no answer. */
export function sweepRateLimits(db: Db, nowMs = Date.now()): number {
  return db.delete(rateLimits).where(lt(rateLimits.updatedMs, nowMs - BUCKET_IDLE_FORGET_MS)).run().changes;
}
