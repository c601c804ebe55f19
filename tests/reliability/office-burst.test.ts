import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtureDb, respondOnce, sendUntilLimited, withFixtureDb } from "./fixture";
import { killServer, startServer, tempDir, type AppServer } from "../../harness/app-server";

/**
 * "Limits for real offices": 1,000 people behind one address (no X-Forwarded-For and no trusted
 * proxy, so the socket address 127.0.0.1 is everyone's) start and submit within one minute with the
 * default settings, and the same address is still held to its ceiling of 1,200 starts a minute.
 */
const dir = tempDir("office-burst");
const { database, waveId } = await createFixtureDb(dir);
const PEOPLE = 1000;
const IN_FLIGHT = 20;
let server: AppServer;
beforeAll(async () => {
  server = await startServer(database);
});
afterAll(async () => {
  await killServer(server, "SIGTERM");
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("an office of 1,000 behind one address, default limits", () => {
  let began = 0;

  // As fast as the server takes them (about a minute on the 2-core development machine): the start
  // and submit buckets hold 1,200 each, so 1,000 pass whatever the speed; speed itself is the
  // benchmarks' business (docs/benchmarks.md), not a timed assertion here.
  it("all 1,000 start and submit at full speed, none refused, and the database holds 1,000 submitted responses", async () => {
    began = Date.now();
    const outcomes: { acknowledged: boolean; status: number }[] = [];
    let next = 0;
    const worker = async () => {
      while (next < PEOPLE) {
        next++;
        outcomes.push(await respondOnce(server.url));
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    const seconds = (Date.now() - began) / 1000;
    expect(outcomes).toHaveLength(PEOPLE);
    expect(outcomes.filter((o) => o.status === 429)).toEqual([]);
    expect(outcomes.filter((o) => !o.acknowledged)).toEqual([]);
    console.log(`[office-burst] 1,000 started and submitted in ${seconds.toFixed(1)} s with ${IN_FLIGHT} in flight`);
    expect(await withFixtureDb(database, (db) => db.sql.value("select count(*) from responses where wave_id = ? and status = 'submitted'", [waveId]))).toBe(PEOPLE);
  });

  it("the same address then reaches its ceiling: at most 1,200 starts plus 20 a second, then 429 with Retry-After", async () => {
    const start = () => fetch(`${server.url}/api/survey/rel-open/start`, { method: "POST", body: "{}" });
    const after = await sendUntilLimited(start, 201, { max: 3000 });
    const accepted = PEOPLE + after.accepted;
    const limited = after.limited;
    // Every start since the burst began, the burst's 1,000 included, drew on one bucket of 1,200.
    expect(accepted).toBeLessThanOrEqual(1200 + Math.ceil(((Date.now() - began) / 1000) * 20));
    expect(limited?.status).toBe(429);
    if (!limited) return;
    const retry = Number(limited.headers.get("retry-after"));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    expect(await limited.json()).toEqual({ error: { code: "rate_limited", message: `Too many requests from your network; try again in ${retry} seconds` } });
  });
});
