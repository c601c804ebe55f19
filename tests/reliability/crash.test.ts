import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { hashToken } from "../../core/tokens";
import { aggregatesMatchRebuild, createFixtureDb, respondOnce } from "./fixture";
import { killServer, startServer, tempDir, type AppServer } from "../../harness/app-server";

/*
 * Crash safety: submissions run from 16 concurrent respondents; the server is killed with SIGKILL
 * mid-load, three times. After each kill every acknowledged submission must be stored, the file
 * must pass integrity_check and foreign_key_check, the aggregates must equal a rebuild, and the
 * restarted server must serve and accept answers again.
 */
const dir = tempDir("crash");
const { dbPath } = createFixtureDb(dir);
let server: AppServer | undefined;
afterAll(async () => {
  if (server) await killServer(server);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("SIGKILL under submission load", () => {
  const acknowledged: string[] = [];
  const figures: string[] = [];

  for (const round of [1, 2, 3]) {
    it(`round ${round}: nothing acknowledged is lost, nothing is corrupt, the server serves again`, async () => {
      server = await startServer(dbPath, { RATE_LIMIT_SUBMIT_PER_MIN: "0" });
      const url = server.url;
      let stop = false;
      let failures = 0;
      const ackedThisRound: string[] = [];
      const worker = async () => {
        while (!stop) {
          try {
            const r = await respondOnce(url);
            if (r.acknowledged) ackedThisRound.push(r.token);
          } catch {
            failures++; // the connection died with the server: not acknowledged
            if (stop) return;
          }
        }
      };
      const workers = Array.from({ length: 16 }, worker);
      // Let the load run, then kill while requests are in flight.
      await new Promise((r) => setTimeout(r, 1500 + round * 500));
      await killServer(server);
      stop = true;
      await Promise.all(workers);
      server = undefined;
      acknowledged.push(...ackedThisRound);
      expect(ackedThisRound.length).toBeGreaterThan(10);

      const db = openDatabase(dbPath);
      try {
        expect(db.$client.pragma("integrity_check", { simple: true })).toBe("ok");
        expect(db.$client.pragma("foreign_key_check")).toEqual([]);
        const submitted = new Set(
          (db.$client.prepare("select token_hash from responses where status = 'submitted'").pluck().all() as string[]),
        );
        const missing = acknowledged.filter((t) => !submitted.has(hashToken(t)));
        expect(missing).toEqual([]);
        const { stored, rebuilt } = aggregatesMatchRebuild(db, dir);
        expect(stored).toBe(rebuilt);
        figures.push(`round ${round}: ${ackedThisRound.length} acknowledged, ${failures} cut off by the kill, ${submitted.size} stored in total`);
      } finally {
        db.$client.close();
      }

      // The restarted server serves and takes answers.
      server = await startServer(dbPath, { RATE_LIMIT_SUBMIT_PER_MIN: "0" });
      const health = await fetch(`${server.url}/api/health`);
      expect(await health.json()).toEqual({ status: "ok", database: "ok" });
      expect((await respondOnce(server.url)).acknowledged).toBe(true);
      await killServer(server, "SIGTERM");
      server = undefined;
      console.log(`[crash] ${figures.at(-1)}`);
    });
  }
});
