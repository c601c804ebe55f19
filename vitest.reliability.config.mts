import path from "node:path";
import { defineConfig } from "vitest/config";

/*
 * tests/reliability: against `next start` (needs `next build` first); files run one after another.
 * RELIABILITY_DATABASE=postgres runs them on PostgreSQL: one throwaway cluster for the run
 * (tests/reliability/global-setup.ts).
 */
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/helpers/empty-module.ts"),
    },
  },
  test: {
    include: ["tests/reliability/**/*.test.ts"],
    globalSetup: ["tests/reliability/global-setup.ts"],
    environment: "node",
    pool: "forks",
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
