import { defineConfig } from "@playwright/test";
import { BASE_URL, CHROMIUM, CHROMIUM_ARGS } from "./tests/e2e/env";

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/playwright",
  // One worker: tests count rows in the shared server's database.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
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
