import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import Papa from "papaparse";
import { afterAll, expect, it } from "vitest";
import { ADMIN, createFixtureDb, describeOnly, respondOnce } from "./fixture";
import { killServer, signInCookie, startServer, tempDir, type AppServer } from "../../harness/app-server";

/*
 * `npm run cli -- backup` while submissions keep arriving: the copy passes integrity_check, its
 * aggregates agree with its responses, and a server started on the restored copy serves the same
 * number of responses.
 */
const dir = tempDir("backup");
// SQLite in both passes (cheap); the test itself runs in the SQLite pass only.
const { dbPath } = await createFixtureDb(dir, "sqlite");
const servers: AppServer[] = [];
afterAll(async () => {
  for (const s of servers) await killServer(s, "SIGTERM");
  fs.rmSync(dir, { recursive: true, force: true });
});

describeOnly("sqlite", "cli backup copies the SQLite file; PostgreSQL is backed up with pg_dump")("online backup under write load", () => {
  it("gives a consistent copy that restores to the same counts", async () => {
    const live = await startServer(dbPath, { RATE_LIMIT_START_PER_MIN: "0", RATE_LIMIT_SUBMIT_PER_MIN: "0" });
    servers.push(live);
    let stop = false;
    let acknowledged = 0;
    const worker = async () => {
      while (!stop) if ((await respondOnce(live.url)).acknowledged) acknowledged++;
    };
    const workers = Array.from({ length: 8 }, worker);
    while (acknowledged < 100) await new Promise((r) => setTimeout(r, 100));

    const copy = path.join(dir, "backup.db");
    const atStart = acknowledged;
    // Asynchronous, so the respondents keep submitting while the backup runs.
    const backup = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ["--import", "tsx", "lib/cli/main.ts", "backup", copy], { env: { ...process.env, DATABASE_PATH: dbPath } });
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      child.on("exit", (status) => resolve({ status, stderr }));
    });
    const duringBackup = acknowledged - atStart;
    stop = true;
    await Promise.all(workers);
    expect(backup.status, backup.stderr).toBe(0);
    expect(duringBackup).toBeGreaterThan(0); // writes really happened while the backup ran

    const db = new Database(copy, { readonly: true });
    const counts = {
      integrity: db.pragma("integrity_check", { simple: true }),
      submitted: db.prepare("select count(*) from responses where status = 'submitted'").pluck().get() as number,
      aggregated: db.prepare("select coalesce(sum(n), 0) from agg_waves").pluck().get() as number,
    };
    db.close();
    expect(counts.integrity).toBe("ok");
    expect(counts.submitted).toBeGreaterThanOrEqual(100);
    expect(counts.aggregated).toBe(counts.submitted);
    const liveDb = new Database(dbPath, { readonly: true });
    const liveCount = liveDb.prepare("select count(*) from responses where status = 'submitted'").pluck().get() as number;
    liveDb.close();
    expect(liveCount).toBeGreaterThanOrEqual(counts.submitted);

    // Restore: the copy becomes the database of a new server; its export has the same responses.
    const restored = path.join(dir, "restored", "app.db");
    fs.mkdirSync(path.dirname(restored));
    fs.copyFileSync(copy, restored);
    const server = await startServer(restored);
    servers.push(server);
    const cookie = await signInCookie(server.url, ADMIN.email, ADMIN.password);
    const csv = await (await fetch(`${server.url}/api/admin/exports/responses`, { headers: { cookie } })).text();
    const rows = Papa.parse(csv.replace(/^\ufeff/, ""), { skipEmptyLines: true }).data.length - 1;
    expect(rows).toBe(counts.submitted);
    console.log(`[backup] copy taken while ${duringBackup} submissions were acknowledged; ${counts.submitted} responses in the copy, ${liveCount} live afterwards; restored server exports ${rows}`);
  });
});
