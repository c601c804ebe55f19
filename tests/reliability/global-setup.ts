/*
 * Once per reliability run, before the files: the fixture's password hashes (bcrypt at cost 12 takes
 * a good fraction of a second each, and every file and crash round seeds a database), and in the
 * PostgreSQL pass (RELIABILITY_DATABASE=postgres) one throwaway cluster (harness/postgres.ts) with
 * one migrated database, the template every test's database is copied from (tests/reliability/
 * fixture.ts): copying it takes a fraction of what migrating each database would.
 */
import type { TestProject } from "vitest/node";
import { hashPasswordSync } from "../../core/passwords";
import { closeDatabase, openPostgresDb, prepareDatabase } from "../../db/client";
import { startPostgres } from "../../harness/postgres";
import { FIXTURE_PASSWORDS } from "./fixture-users";

export const TEMPLATE_DATABASE = "reliability_template";

declare module "vitest" {
  export interface ProvidedContext {
    /** bcrypt hash of each of FIXTURE_PASSWORDS. */
    fixturePasswordHashes: Record<string, string>;
    /** URL of the migrated template database on the run's cluster; "" in the SQLite pass. */
    reliabilityTemplateUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  project.provide("fixturePasswordHashes", Object.fromEntries(FIXTURE_PASSWORDS.map((p) => [p, hashPasswordSync(p)])));
  project.provide("reliabilityTemplateUrl", "");
  if (process.env.RELIABILITY_DATABASE !== "postgres") return undefined;
  const cluster = await startPostgres({ database: TEMPLATE_DATABASE });
  try {
    const db = openPostgresDb(cluster.url);
    try {
      await prepareDatabase(db);
    } finally {
      // A template with a connection open cannot be copied.
      await closeDatabase(db);
    }
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  project.provide("reliabilityTemplateUrl", cluster.url);
  return () => cluster.stop();
}
