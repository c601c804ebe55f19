/*
 * Runs before Playwright ends its webServer with SIGKILL to the process group, which would leave the
 * PostgreSQL pass's cluster running (pg_ctl starts it in a session of its own): sends server.ts
 * SIGTERM, on which it stops `next start` and the cluster, and stops the cluster itself if server.ts
 * could not.
 */
import fs from "node:fs";
import { stopRecordedCluster } from "./cluster";
import { E2E_SERVER_PID_FILE } from "./env";

const STOP_WAIT_MS = 20_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopServer(): Promise<void> {
  if (!fs.existsSync(E2E_SERVER_PID_FILE)) return;
  const pid = Number(fs.readFileSync(E2E_SERVER_PID_FILE, "utf8"));
  if (!alive(pid)) return;
  process.kill(pid, "SIGTERM");
  const deadline = Date.now() + STOP_WAIT_MS;
  while (alive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

export default async function globalTeardown(): Promise<void> {
  await stopServer();
  stopRecordedCluster();
}
