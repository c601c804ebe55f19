import { defineConfig } from "@playwright/test";
import { BASE_URL, CHROMIUM, CHROMIUM_ARGS, E2E_DATABASE } from "./tests/e2e/env";

export default defineConfig({
  testDir: "tests/e2e",
  // Per database, so that the SQLite and the PostgreSQL pass can run at the same time (E2E_DATABASE, tests/e2e/env.ts).
  outputDir: E2E_DATABASE === "postgres" ? "test-results/playwright-postgres" : "test-results/playwright",
  // One worker: tests count rows in the shared server's database.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  // Stops the PostgreSQL pass's cluster, which the webServer's SIGKILL would leave running (tests/e2e/cluster.ts).
  globalTeardown: "./tests/e2e/global-teardown.ts",
  use: {
    baseURL: BASE_URL,
    browserName: "chromium",
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  webServer: {
    command: "npx tsx tests/e2e/server.ts",
    url: `${BASE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
