import fs from "node:fs";
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

/**
 * The files that run again on PostgreSQL: those that take their database from createTestDb
 * (tests/helpers/test-db.ts). Files that use only createSqliteTestDb need SQLite's own features, and
 * files that open both databases themselves (tests/unit/pg, sql, exactly-once, copy-to-postgres)
 * already cover PostgreSQL in the first pass.
 */
function filesOnEitherDatabase(): string[] {
  const root = path.join(import.meta.dirname, "tests/unit");
  return fs
    .readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".test.ts") && /\bcreateTestDb\(/.test(fs.readFileSync(path.join(root, f), "utf8")))
    .map((f) => `tests/unit/${f}`);
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
    // One throwaway PostgreSQL cluster for the tests of the second database (tests/unit/pg).
    globalSetup: ["tests/helpers/pg-global-setup.ts"],
    environment: "node",
    pool: "forks",
    sequence: { sequencer: LongestFirst },
    // Some tests start real CLI processes and seed thousands of rows; correctness, not speed, is tested.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Vitest's default is one worker fewer than the cores: on the two-core test machine that is one.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: "sqlite", include: ["tests/unit/**/*.test.ts"] } },
      { extends: true, test: { name: "postgres", include: filesOnEitherDatabase(), env: { TEST_DATABASE: "postgres" } } },
    ],
  },
});
