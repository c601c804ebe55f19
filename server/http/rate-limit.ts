/**
 * Token buckets per key (e.g. "submit:203.0.113.7"), in the memory of this server process. A bucket
 * holds `perMinute` tokens and refills continuously at `perMinute` per minute, so a burst of one
 * minute's allowance is accepted and a steady flood is held to the rate.
 */
export type RateLimit = { perMinute: number };

type Bucket = { tokens: number; at: number; perMinute: number };

export class RateLimiter {
  private buckets = new Map<string, Bucket>();
  private lastSweep = 0;

  /** Takes one token; returns 0 when allowed, otherwise the whole seconds to wait. */
  take(key: string, limit: RateLimit, now = Date.now()): number {
    if (limit.perMinute <= 0) return 0;
    this.sweep(now);
    const rate = limit.perMinute / 60_000; // tokens per millisecond
    const b = this.buckets.get(key) ?? { tokens: limit.perMinute, at: now, perMinute: limit.perMinute };
    b.perMinute = limit.perMinute;
    b.tokens = Math.min(limit.perMinute, b.tokens + (now - b.at) * rate);
    b.at = now;
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / rate / 1000));
  }

  /** Forgets buckets that have refilled (by their own limit) now and then, so the map cannot grow without bound. */
  private sweep(now: number) {
    if (now - this.lastSweep < 60_000 && this.buckets.size < 100_000) return;
    this.lastSweep = now;
    for (const [key, b] of this.buckets) if (b.tokens + ((now - b.at) * b.perMinute) / 60_000 >= b.perMinute) this.buckets.delete(key);
  }
}
