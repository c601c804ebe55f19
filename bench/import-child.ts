// Imports one CSV into a fresh database and reports time and peak memory (run as its own process).
import fs from "node:fs";
import { closeDatabase, openDatabase } from "../db/client";
import { importResponsesCsv } from "../lib/csv/import-responses";

async function main(): Promise<void> {
  const [file, dbFile] = process.argv.slice(2) as [string, string];
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(dbFile + suffix, { force: true });
  const db = openDatabase(dbFile);
  const started = performance.now();
  const outcome = await importResponsesCsv(db, fs.createReadStream(file));
  const seconds = (performance.now() - started) / 1000;
  if (!outcome.ok) throw new Error(outcome.errors.join("\n"));
  console.log(JSON.stringify({ rows: outcome.result.inserted, seconds, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
  await closeDatabase(db);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
