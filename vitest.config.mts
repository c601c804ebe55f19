import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // "server-only" throws outside React Server Components; unit tests import server modules directly.
      "server-only": path.resolve(import.meta.dirname, "tests/helpers/empty-module.ts"),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts"],
    // One throwaway PostgreSQL cluster for the tests of the second database (tests/unit/pg).
    globalSetup: ["tests/helpers/pg-global-setup.ts"],
    environment: "node",
    pool: "forks",
    // Some tests start real CLI processes and seed thousands of rows; correctness, not speed, is tested.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
