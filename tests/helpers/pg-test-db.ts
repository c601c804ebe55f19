import crypto from "node:crypto";
import { afterAll, inject } from "vitest";
import type { Pool } from "pg";
import { createDatabase } from "../../harness/postgres";
import { openPostgres, type PgDb } from "../../db/pg/client";

/** The shared cluster's URL (tests/helpers/pg-global-setup.ts); throws the reason it did not start. */
export function pgClusterUrl(): string {
  const url = inject("pgUrl");
  if (!url) throw new Error(`The test PostgreSQL cluster did not start: ${inject("pgStartError") || "no globalSetup"}`);
  return url;
}

/** A fresh, empty database on the shared cluster; returns its URL. */
export async function freshPgDatabase(prefix = "t"): Promise<string> {
  return createDatabase(pgClusterUrl(), `${prefix}_${crypto.randomBytes(6).toString("hex")}`);
}

/** Opens a pool on `url` and closes it when the file's tests finish. */
export function openPgForTest(url: string): { pool: Pool; db: PgDb } {
  const opened = openPostgres(url);
  afterAll(() => opened.pool.end());
  return opened;
}
