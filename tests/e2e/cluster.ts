/*
 * The PostgreSQL pass's throwaway cluster outlives a server.ts that is killed: pg_ctl starts the
 * server in a session of its own, and Playwright ends its webServer with SIGKILL to the process
 * group. So server.ts records the cluster's data directory in E2E_DIR, and the global teardown (or
 * the next run, after a killed one) stops it from there.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { postgresBinDir } from "../../harness/postgres";
import { E2E_CLUSTER_FILE } from "./env";

/** Records the data directory of the cluster that serves `url`. */
export async function recordCluster(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ data_directory: string }>("show data_directory");
    fs.writeFileSync(E2E_CLUSTER_FILE, rows[0]!.data_directory);
  } finally {
    await client.end();
  }
}

// harness/postgres.ts makes its clusters in <tmp>/digiskills-pg-XXXXXX/data: only such a directory is removed.
const HARNESS_CLUSTER = /^digiskills-pg-[A-Za-z0-9]+$/;

/** Stops the recorded cluster if it still runs (fast shutdown), removes its directory and the record. */
export function stopRecordedCluster(): void {
  if (!fs.existsSync(E2E_CLUSTER_FILE)) return;
  const data = fs.readFileSync(E2E_CLUSTER_FILE, "utf8").trim();
  // postmaster.pid is there from start until a clean stop (or left behind by a crash).
  if (fs.existsSync(path.join(data, "postmaster.pid"))) {
    const pgCtl = path.join(postgresBinDir(), "pg_ctl");
    const args = ["-D", data, "-m", "fast", "-w", "stop"];
    // The server refuses to run as root, so it runs as `postgres` and is stopped as `postgres`.
    const result = process.getuid?.() === 0 ? spawnSync("runuser", ["-u", "postgres", "--", pgCtl, ...args], { encoding: "utf8" }) : spawnSync(pgCtl, args, { encoding: "utf8" });
    if (result.status !== 0 && postmasterRuns(data)) throw new Error(`pg_ctl stop of the e2e cluster ${data} failed: ${result.stderr}`);
  }
  const dir = path.dirname(data);
  if (path.basename(data) === "data" && HARNESS_CLUSTER.test(path.basename(dir))) fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(E2E_CLUSTER_FILE, { force: true });
}

function postmasterRuns(data: string): boolean {
  try {
    const pid = Number(fs.readFileSync(path.join(data, "postmaster.pid"), "utf8").split("\n")[0]);
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
