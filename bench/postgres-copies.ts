// PostgreSQL copies of a bench SQLite database for the PostgreSQL rows of `npm run bench`.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { closeDatabase, openPostgresDb } from "../db/client";
import { createDatabase, startPostgres, type PostgresCluster } from "../harness/postgres";

/**
 * A throwaway cluster holding the SQLite file `source` copied by the CLI's copy-to-postgres (which
 * checks row counts and aggregates on both sides) into database load_template (`template`), and a
 * copy of that per name in `names` (CREATE DATABASE … TEMPLATE copies files, not rows).
 */
export async function postgresCopies(source: string, names: string[]): Promise<{ cluster: PostgresCluster; template: string; urls: string[] }> {
  const cluster = await startPostgres();
  const template = await createDatabase(cluster.url, "load_template");
  execFileSync(path.resolve("node_modules/.bin/tsx"), ["lib/cli/main.ts", "copy-to-postgres", "--to", template], {
    env: { ...process.env, DATABASE_PATH: source },
    stdio: ["ignore", "ignore", "pipe"], // its progress lines; the error's message carries them on failure
    maxBuffer: 64 * 2 ** 20,
  });
  const admin = openPostgresDb(cluster.url);
  const urls: string[] = [];
  try {
    for (const name of names) {
      await admin.sql.run(`create database ${name} template load_template`);
      const url = new URL(cluster.url);
      url.pathname = `/${name}`;
      urls.push(url.toString());
    }
  } finally {
    await closeDatabase(admin);
  }
  return { cluster, template, urls };
}
