// Writes the responses CSV of one database to a file with the app's export (lib/csv/export-responses.ts,
// the function the CLI and GET /api/admin/exports/responses stream) and reports time and peak memory.
// Run as its own process so that its peak RSS is the export's alone. The database is a SQLite file,
// or a PostgreSQL database when the argument is a postgres:// URL.
import fs from "node:fs";
import { closeDatabase, openDatabase, openPostgresDb } from "../db/client";
import { responsesCsvChunks } from "../lib/csv/export-responses";

const [dbFile, out, pageSize] = process.argv.slice(2) as [string, string, string | undefined];
async function main(): Promise<void> {
  const db = /^postgres(ql)?:\/\//.test(dbFile) ? openPostgresDb(dbFile) : openDatabase(dbFile);
  const started = performance.now();
  const fd = fs.openSync(out, "w");
  const it = responsesCsvChunks(db, { pageSize: pageSize ? Number(pageSize) : undefined });
  let step = await it.next();
  for (; !step.done; step = await it.next()) fs.writeSync(fd, step.value);
  fs.closeSync(fd);
  const seconds = (performance.now() - started) / 1000;
  await closeDatabase(db);
  console.log(JSON.stringify({ rows: step.value, seconds, maxRssMiB: process.resourceUsage().maxRSS / 1024, bytes: fs.statSync(out).size }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
