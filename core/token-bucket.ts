/**
 * Token-bucket arithmetic for the request rate limits, without storage (db/queries/rate-limits.ts
 * keeps the buckets). A bucket holds `perMinute` tokens and refills continuously at `perMinute` a
 * minute, so a burst of one minute's allowance is accepted and a steady flood is held to the rate.
 */
export type RateLimit = { perMinute: number };

export type Bucket = { tokens: number; updatedMs: number };

export type TakeResult = { bucket: Bucket; waitSeconds: number };

/** A bucket idle this long is full again under any limit of at least one a minute, so it may be forgotten. */
export const BUCKET_IDLE_FORGET_MS = 60 * 60 * 1000;

/**
 * Takes one token from `previous` (undefined: a full bucket) at `nowMs`. Returns the bucket to store
 * and 0 when allowed, otherwise the whole seconds until a token is there (the bucket then only refills).
 * A clock behind the stored time (another instance's) counts as no time passed.
 */
export function takeToken(previous: Bucket | undefined, limit: RateLimit, nowMs: number): TakeResult {
  const rate = limit.perMinute / 60_000; // tokens per millisecond
  const at = Math.max(nowMs, previous?.updatedMs ?? nowMs);
  const tokens = previous ? Math.min(limit.perMinute, previous.tokens + (at - previous.updatedMs) * rate) : limit.perMinute;
  if (tokens >= 1) return { bucket: { tokens: tokens - 1, updatedMs: at }, waitSeconds: 0 };
  return { bucket: { tokens, updatedMs: at }, waitSeconds: Math.max(1, Math.ceil((1 - tokens) / rate / 1000)) };
}
