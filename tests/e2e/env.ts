import os from "node:os";
import path from "node:path";

/** Where the e2e server keeps its database; tests read it to count stored rows. */
export const E2E_DB = path.join(process.env.E2E_DIR ?? path.join(os.tmpdir(), "digiskills-e2e"), "e2e.db");
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3123);
export const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
