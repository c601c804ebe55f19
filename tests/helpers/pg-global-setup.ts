/*
 * One throwaway PostgreSQL cluster for the whole unit run (harness/postgres.ts); each test file
 * makes its own database on it (tests/helpers/pg-test-db.ts). Starting it takes about a second. When
 * the server binaries are missing, the other tests still run and the PostgreSQL tests fail with the
 * install command.
 */
import type { TestProject } from "vitest/node";
import { startPostgres, type PostgresCluster } from "../../harness/postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of the shared cluster's first database, or "" when it could not start (see pgStartError). */
    pgUrl: string;
    pgStartError: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let cluster: PostgresCluster | undefined;
  try {
    cluster = await startPostgres();
    project.provide("pgUrl", cluster.url);
    project.provide("pgStartError", "");
  } catch (error) {
    project.provide("pgUrl", "");
    project.provide("pgStartError", error instanceof Error ? error.message : String(error));
  }
  return async () => {
    await cluster?.stop();
  };
}
