/**
 * The request rate limits (proxy.ts), as token buckets held in the database (db/queries/rate-limits.ts),
 * so every `next start` on the same file shares them. A bucket is keyed by the kind of limit and the
 * SHA-256 of its subject (a client address or a resume token): the table never holds either.
 */
import type { RateLimit } from "../../core/token-bucket";
import { hashToken } from "../../core/tokens";
import { getDb } from "../../db/client";
import { sweepRateLimits, takeRateLimitToken } from "../../db/queries/rate-limits";

export type LimitKind = "start" | "submit" | "submit-draft" | "signin" | "draft-save";

const SWEEP_EVERY_MS = 60_000;
const state = globalThis as { __dsRateLimitSweptMs?: number };

export function rateLimitKey(kind: LimitKind, subject: string): string {
  return `${kind}:${hashToken(subject)}`;
}

/** Takes one token for `subject`; returns 0 when allowed, otherwise the whole seconds to wait. A limit of 0 is off. */
export async function takeRateLimit(kind: LimitKind, subject: string, limit: RateLimit, nowMs = Date.now()): Promise<number> {
  if (limit.perMinute <= 0) return 0;
  const db = getDb();
  // Now and then (once a minute per process) forget the buckets idle for an hour, so the table stays small.
  if (nowMs - (state.__dsRateLimitSweptMs ?? 0) >= SWEEP_EVERY_MS) {
    state.__dsRateLimitSweptMs = nowMs;
    await sweepRateLimits(db, nowMs);
  }
  return await takeRateLimitToken(db, rateLimitKey(kind, subject), limit, nowMs);
}
