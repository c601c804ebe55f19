import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { takeToken, type Bucket } from "../../core/token-bucket";
import { closeDatabase, openDatabase } from "../../db/client";
import { sweepRateLimits, takeRateLimitToken } from "../../db/queries/rate-limits";

describe("takeToken (token-bucket arithmetic)", () => {
  it("accepts a minute's allowance at once, then answers with the seconds to wait, and refills at the rate", () => {
    const t0 = 1_000_000;
    let bucket: Bucket | undefined;
    for (let i = 0; i < 3; i++) {
      const taken = takeToken(bucket, { perMinute: 3 }, t0);
      expect(taken.waitSeconds).toBe(0);
      bucket = taken.bucket;
    }
    const refused = takeToken(bucket, { perMinute: 3 }, t0);
    expect(refused.waitSeconds).toBe(20); // one token per 20 s
    expect(refused.bucket).toEqual(bucket); // a refusal spends nothing
    expect(takeToken(refused.bucket, { perMinute: 3 }, t0 + 20_000).waitSeconds).toBe(0);
  });

  it("never holds more than one minute's allowance, and a clock behind the stored time counts as no time passed", () => {
    const full = takeToken({ tokens: 0, updatedMs: 0 }, { perMinute: 3 }, 10 * 60_000);
    expect(full.bucket.tokens).toBe(2);
    const behind = takeToken({ tokens: 0.5, updatedMs: 5_000 }, { perMinute: 3 }, 1_000);
    expect(behind).toEqual({ bucket: { tokens: 0.5, updatedMs: 5_000 }, waitSeconds: 10 });
  });
});

describe("takeRateLimitToken (buckets in the database)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "digiskills-rate-limit-"));
  const file = path.join(dir, "app.db");
  const a = openDatabase(file);
  const b = openDatabase(file);
  afterAll(async () => {
    await closeDatabase(a);
    await closeDatabase(b);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("two connections on one file spend one bucket: what one takes, the other cannot", async () => {
    const t0 = 3_000_000;
    const limit = { perMinute: 4 };
    expect(await takeRateLimitToken(a, "start:x", limit, t0)).toBe(0);
    expect(await takeRateLimitToken(b, "start:x", limit, t0)).toBe(0);
    expect(await takeRateLimitToken(a, "start:x", limit, t0)).toBe(0);
    expect(await takeRateLimitToken(b, "start:x", limit, t0)).toBe(0);
    expect(await takeRateLimitToken(a, "start:x", limit, t0)).toBe(15);
    expect(await takeRateLimitToken(b, "start:x", limit, t0)).toBe(15);
    expect(await takeRateLimitToken(b, "start:y", limit, t0)).toBe(0); // another key is another bucket
    expect(await takeRateLimitToken(a, "start:x", limit, t0 + 15_000)).toBe(0);
  });

  it("the sweep deletes buckets idle for an hour and keeps a part-used one", async () => {
    const t0 = 10_000_000;
    await takeRateLimitToken(a, "old", { perMinute: 20 }, t0);
    for (let i = 0; i < 70; i++) expect(await takeRateLimitToken(a, "busy", { perMinute: 120 }, t0 + 3_599_000)).toBe(0);
    expect(await sweepRateLimits(b, t0 + 3_600_001)).toBeGreaterThanOrEqual(1);
    const keys = await a.sql.column("select key from rate_limits where key in ('old', 'busy')");
    expect(keys).toEqual(["busy"]);
    // 50 of 120 left in the kept bucket (plus what two seconds refilled: 4).
    let accepted = 0;
    while ((await takeRateLimitToken(a, "busy", { perMinute: 120 }, t0 + 3_601_000)) === 0) accepted++;
    expect(accepted).toBe(54);
  });
});
