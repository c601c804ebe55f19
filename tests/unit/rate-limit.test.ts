import { describe, expect, it } from "vitest";
import { RateLimiter } from "../../server/http/rate-limit";

describe("RateLimiter (token bucket per key)", () => {
  it("accepts a minute's allowance at once, then answers with the seconds to wait, and refills at the rate", () => {
    const limiter = new RateLimiter();
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) expect(limiter.take("k", { perMinute: 3 }, t0)).toBe(0);
    expect(limiter.take("k", { perMinute: 3 }, t0)).toBe(20); // one token per 20 s
    expect(limiter.take("other", { perMinute: 3 }, t0)).toBe(0);
    expect(limiter.take("k", { perMinute: 3 }, t0 + 20_000)).toBe(0);
    expect(limiter.take("k", { perMinute: 0 }, t0)).toBe(0); // 0 = off
  });

  it("a sweep started by a request under a smaller limit keeps a part-used bucket of a larger one", () => {
    const limiter = new RateLimiter();
    const submit = { perMinute: 120 };
    const t0 = 2_000_000;
    limiter.take("signin:x", { perMinute: 20 }, t0); // the first call sweeps; the next sweep is due a minute later
    const t1 = t0 + 59_999;
    for (let i = 0; i < 70; i++) expect(limiter.take("submit:a", submit, t1)).toBe(0); // 50 of 120 left
    limiter.take("signin:b", { perMinute: 20 }, t0 + 60_000); // sweep due: 50 ≥ 20 must not count as "full"
    let accepted = 0;
    while (limiter.take("submit:a", submit, t0 + 60_000) === 0) accepted++;
    expect(accepted).toBe(50);
  });
});
