import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { hashToken } from "../../core/tokens";
import { aggregatesMatchRebuild, createFixtureDb, respondOnce, withFixtureDb } from "./fixture";
import { killServer, startServer, tempDir, type AppServer, type ServerDatabase } from "../../harness/app-server";

/*
 * Crash safety: submissions run from 16 concurrent respondents; the server is killed with SIGKILL
 * mid-load. After the kill every acknowledged submission must be stored, a SQLite file must pass
 * integrity_check and foreign_key_check, the aggregates must equal a rebuild, and the restarted
 * server must serve and accept answers again. Each round has its own database and server, and kills
 * once its own count of acknowledgements is reached (a different count per round, so the kill lands
 * at a different point of the load), never after a fixed time.
 */
const WORKERS = 16;
// Generous: a round on a slow, busy machine acknowledges its target in a few seconds.
const ACK_TIMEOUT_MS = 90_000;

let server: AppServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  if (server) await killServer(server);
  server = undefined;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** Resolves once `count()` reaches `target`, checked by the caller after each acknowledgement; rejects after `ms`. */
function acknowledgementsReached(target: number, ms: number, progress: () => string) {
  let check = () => {};
  const reached = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`fewer than ${target} submissions acknowledged within ${ms} ms: ${progress()}`)), ms);
    check = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  return { reached, check };
}

const NO_LIMITS = { RATE_LIMIT_START_PER_MIN: "0", RATE_LIMIT_SUBMIT_PER_MIN: "0" };

/**
 * Whether every acknowledged submission is stored, a SQLite file is sound (PostgreSQL checks its own
 * pages and keys) and the aggregates equal a rebuild; returns the stored count.
 */
async function checkStored(database: ServerDatabase, acknowledged: readonly string[]): Promise<number> {
  return withFixtureDb(database, async (db) => {
    if (db.dialect === "sqlite") {
      expect(db.$client.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(db.$client.pragma("foreign_key_check")).toEqual([]);
    }
    const submitted = new Set(await db.sql.column<string>("select token_hash from responses where status = 'submitted'"));
    const missing = acknowledged.filter((t) => !submitted.has(hashToken(t)));
    expect(missing).toEqual([]);
    const { stored: inDatabase, rebuilt } = await aggregatesMatchRebuild(db, dir!);
    expect(inDatabase).toBe(rebuilt);
    return submitted.size;
  });
}

/** Respondents submitting in a loop against `urls` (worker i uses urls[i % n]) until stopped. */
function load(urls: readonly string[], target: number) {
  let stop = false;
  let failures = 0;
  const acknowledged: string[] = [];
  const statuses = new Map<number, number>();
  const wait = acknowledgementsReached(target, ACK_TIMEOUT_MS, () => `${acknowledged.length} acknowledged, statuses ${JSON.stringify([...statuses])}, ${failures} failed`);
  const worker = async (i: number) => {
    while (!stop) {
      try {
        const r = await respondOnce(urls[i % urls.length]!);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        if (r.acknowledged) acknowledged.push(r.token);
        if (acknowledged.length >= target) wait.check();
      } catch {
        failures++; // the connection died with the server: not acknowledged
        if (stop) return;
      }
    }
  };
  const workers = Array.from({ length: WORKERS }, (_, i) => worker(i));
  return {
    acknowledged,
    reached: wait.reached,
    failures: () => failures,
    stop: async () => {
      stop = true;
      await Promise.all(workers);
    },
  };
}

describe("SIGKILL under submission load", () => {
  for (const [round, target] of [
    [1, 20],
    [2, 45],
    [3, 70],
  ] as const) {
    it(`round ${round}: killed after ${target} acknowledgements, nothing acknowledged is lost, nothing is corrupt, the server serves again`, async () => {
      dir = tempDir(`crash-${round}`);
      const { database } = await createFixtureDb(dir);
      server = await startServer(database, NO_LIMITS);
      const run = load([server.url], target);
      try {
        // Kill while the other workers' requests are still in flight.
        await run.reached;
      } finally {
        await killServer(server);
        await run.stop();
        server = undefined;
      }
      expect(run.acknowledged.length).toBeGreaterThanOrEqual(target);
      const stored = await checkStored(database, run.acknowledged);

      // The restarted server serves and takes answers.
      server = await startServer(database, NO_LIMITS);
      const health = await fetch(`${server.url}/api/health`);
      expect(await health.json()).toEqual({ status: "ok", database: "ok" });
      expect((await respondOnce(server.url)).acknowledged).toBe(true);
      await killServer(server, "SIGTERM");
      server = undefined;
      console.log(`[crash] round ${round}: ${run.acknowledged.length} acknowledged, ${run.failures()} cut off by the kill, ${stored} stored`);
    });
  }
});

/*
 * Two `next start` processes on one database, respondents spread over both; one is killed with
 * SIGKILL mid-load. The other goes on taking submissions; afterwards every submission either
 * acknowledged is stored and the aggregates equal a rebuild.
 */
describe("SIGKILL of one of two instances under submission load", () => {
  let survivor: AppServer | undefined;
  afterEach(async () => {
    if (survivor) await killServer(survivor);
    survivor = undefined;
  });

  for (const [round, target] of [
    [1, 24],
    [2, 50],
    [3, 76],
  ] as const) {
    it(`round ${round}: one instance killed after ${target} acknowledgements; the other goes on; nothing acknowledged is lost`, async () => {
      dir = tempDir(`crash-two-${round}`);
      const { database } = await createFixtureDb(dir);
      [server, survivor] = await Promise.all([startServer(database, NO_LIMITS), startServer(database, NO_LIMITS)]);
      const run = load([server.url, survivor.url], target);
      try {
        // Kill one while requests to both are in flight.
        await run.reached;
      } finally {
        await killServer(server);
        server = undefined;
        await run.stop();
      }
      const afterKill = run.acknowledged.length;
      // The survivor goes on acknowledging: 20 more after the kill.
      const more = load([survivor.url], 20);
      try {
        await more.reached;
      } finally {
        await more.stop();
      }
      run.acknowledged.push(...more.acknowledged);
      expect(more.acknowledged.length).toBeGreaterThanOrEqual(20);
      await killServer(survivor, "SIGTERM");
      survivor = undefined;
      const stored = await checkStored(database, run.acknowledged);
      console.log(`[crash] two instances, round ${round}: ${run.acknowledged.length} acknowledged (${afterKill} before the kill), ${run.failures()} cut off, ${stored} stored`);
    });
  }
});
