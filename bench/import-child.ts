// Imports one CSV into a fresh database and reports time and peak memory (run as its own process).
import fs from "node:fs";
import { openDatabase } from "../db/client";
import { importResponsesCsv } from "../lib/csv/import-responses";

const [file, dbFile] = process.argv.slice(2) as [string, string];
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(dbFile + suffix, { force: true });
const db = openDatabase(dbFile);
const started = performance.now();
importResponsesCsv(db, fs.createReadStream(file)).then((outcome) => {
  const seconds = (performance.now() - started) / 1000;
  if (!outcome.ok) throw new Error(outcome.errors.join("\n"));
  console.log(JSON.stringify({ rows: outcome.result.inserted, seconds, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
  db.$client.close();
});
