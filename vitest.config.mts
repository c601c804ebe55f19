import path from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The two halves of the disclosure adversary take most of the run: start them first, one per
 * worker, so the other files fill the time beside them instead of waiting behind them at the end.
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const long = (f: TestSpecification) => /adversary-\d\.test\.ts$/.test(f.moduleId);
    return [...sorted.filter(long), ...sorted.filter((f) => !long(f))];
  }
}

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
    sequence: { sequencer: LongestFirst },
    // Some tests start real CLI processes and seed thousands of rows; correctness, not speed, is tested.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
