import os from "node:os";
import path from "node:path";

export type E2eDatabase = "sqlite" | "postgres";

function e2eDatabase(): E2eDatabase {
  const value = process.env.E2E_DATABASE ?? "sqlite";
  if (value !== "sqlite" && value !== "postgres") throw new Error(`E2E_DATABASE must be sqlite or postgres, not ${value}`);
  return value;
}

/** The database the e2e server runs on: E2E_DATABASE=postgres, else SQLite. */
export const E2E_DATABASE = e2eDatabase();
// Each database has its own defaults, so the two passes can run side by side without settings.
const onPostgres = E2E_DATABASE === "postgres";
export const E2E_DIR = process.env.E2E_DIR ?? path.join(os.tmpdir(), onPostgres ? "digiskills-e2e-pg" : "digiskills-e2e");
/** Where the e2e server keeps its SQLite database; tests read it to count stored rows. */
export const E2E_DB = path.join(E2E_DIR, "e2e.db");
/** On PostgreSQL, the URL of the e2e database, written by server.ts for the tests to read. */
export const E2E_DATABASE_URL_FILE = path.join(E2E_DIR, "database-url");
/** On PostgreSQL, the data directory of the server's throwaway cluster, for whoever must stop it. */
export const E2E_CLUSTER_FILE = path.join(E2E_DIR, "cluster-data-dir");
/** The pid of server.ts, which stops the app and then the cluster when sent SIGTERM. */
export const E2E_SERVER_PID_FILE = path.join(E2E_DIR, "server-pid");
export const E2E_PORT = Number(process.env.E2E_PORT ?? (onPostgres ? 3124 : 3123));
export const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
/** Screenshots of each database's pass, apart so that two passes at once do not write the same file. */
export const SCREENSHOTS = onPostgres ? "test-results/screenshots-postgres" : "test-results/screenshots";
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
