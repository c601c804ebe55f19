/*
 * `npm run bench -- export`: the responses CSV export of the bench database (1,000,000 submitted
 * responses, bench/generate.ts) next to the `sqlite3 -csv` shell running the same join on the same
 * file, in one run. The app's export runs in its own process (bench/export-child.ts) for its peak
 * RSS. The app's file is then compared byte for byte (SHA-256) with the export as papaparse writes
 * it (csvLines) from the join select, read page by page: the output contract must not move.
 */
import crypto from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { AGG_CAPABILITIES } from "../core/counters";
import { RESPONSE_CSV_COLUMNS } from "../core/csv-columns";
import { BOM, csvLines } from "../lib/csv/safe-cell";
import { postgresBinDir } from "../harness/postgres";

/** The export's columns as one join, as db/queries/export-responses.ts selected them before its per-wave lookup (PostgreSQL: a CASE needs one type). */
const joinColumns = (asText: string) => {
  const agree = (c: string) => `case r.${c} when 0 then 'dont_know' else r.${c}${asText} end`;
  return [
    "r.id", "o.slug", "o.name", "o.sector", "o.size_band", "w.label", "r.department", "r.seniority", "r.submitted_at", "r.locale",
    ...AGG_CAPABILITIES.map((c) => `r.self_${c}`),
    ...AGG_CAPABILITIES.map((c) => `r.org_${c}`),
    agree("vision"), agree("ld_awareness"), agree("customer_understanding"),
  ].join(", ");
};
const JOIN_COLUMNS = joinColumns("");
const joinSql = (responses: string, extra = "") =>
  `select ${JOIN_COLUMNS} from ${responses} join waves w on w.id = r.wave_id join organisations o on o.id = w.org_id where r.status = 'submitted'${extra} order by r.rowid`;

/** Wall time of `sqlite3 -csv FILE SQL > /dev/null`, or why it could not run. */
function shellSeconds(dbFile: string, sql: string): number | string {
  const started = performance.now();
  const r = spawnSync("sqlite3", ["-csv", dbFile, sql], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  if (r.error) return (r.error as NodeJS.ErrnoException).code === "ENOENT" ? "sqlite3 not found: apt-get install -y sqlite3" : r.error.message;
  if (r.status !== 0) return r.stderr.trim();
  return (performance.now() - started) / 1000;
}

/** SHA-256 of the CSV as csvLines (papaparse) writes it for the join select, page by page in rowid order. */
function referenceHash(dbFile: string): string {
  const sqlite = new Database(dbFile, { readonly: true });
  const page = sqlite.prepare(joinSql("responses r not indexed", " and r.rowid > ?").replace("select ", "select r.rowid, ") + " limit 20000").raw(true);
  const hash = crypto.createHash("sha256").update(BOM + csvLines([[...RESPONSE_CSV_COLUMNS]]));
  for (let after = 0; ; ) {
    const rows = page.all(after) as unknown[][];
    if (rows.length === 0) break;
    after = rows[rows.length - 1]![0] as number;
    hash.update(csvLines(rows.map((r) => r.slice(1).map((c) => (c === null ? "" : c)))));
  }
  sqlite.close();
  return hash.digest("hex");
}

export function benchExport(dbFile: string, log: (s: string) => void, runs = Number(process.env.BENCH_EXPORT_RUNS ?? 2)): void {
  const out = path.join(os.tmpdir(), `digiskills-bench-export-${process.pid}.csv`);
  const total = new Database(dbFile, { readonly: true }).prepare("select count(*) from responses where status = 'submitted'").pluck().get() as number;
  log(`\n[export] responses CSV of ${total.toLocaleString("en")} submitted responses, best of ${runs} alternating runs:`);
  const joined: number[] = [];
  const rowidOrder: number[] = [];
  const app: { rows: number; seconds: number; maxRssMiB: number; bytes: number }[] = [];
  for (let i = 0; i < runs; i++) {
    for (const [sql, into] of [[joinSql("responses r"), joined], [joinSql("responses r not indexed"), rowidOrder]] as const) {
      const s = shellSeconds(dbFile, sql);
      if (typeof s === "string") {
        log(`  sqlite3 -csv: n/a (${s})`);
        return;
      }
      into.push(s);
    }
    const child = spawnSync(path.join("node_modules", ".bin", "tsx"), ["bench/export-child.ts", dbFile, out], { encoding: "utf8" });
    if (child.status !== 0) throw new Error(`export failed: ${child.stderr}`);
    app.push(JSON.parse(child.stdout.trim().split("\n").at(-1)!));
  }
  const best = (xs: number[]) => Math.min(...xs);
  const ref = Math.min(best(joined), best(rowidOrder));
  const fastest = app.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const list = (xs: number[]) => xs.map((s) => `${s.toFixed(2)} s`).join(", ");
  log(`  sqlite3 -csv, the join as written (SQLite picks the status index, then sorts): ${list(joined)}`);
  log(`  sqlite3 -csv, the join walking responses in rowid order (\`not indexed\`): ${list(rowidOrder)}`);
  log(`  app export to a file (responsesCsvChunks, own process): ${list(app.map((a) => a.seconds))}; peak RSS ${app.map((a) => `${a.maxRssMiB.toFixed(0)} MiB`).join(", ")}`);
  log(`  best: reference ${ref.toFixed(2)} s, app ${fastest.seconds.toFixed(2)} s (${Math.round(fastest.rows / fastest.seconds).toLocaleString("en")} rows/s, ${(fastest.bytes / 2 ** 20).toFixed(0)} MiB), ratio ${(fastest.seconds / ref).toFixed(2)}× (budget 2×), peak RSS ${Math.max(...app.map((a) => a.maxRssMiB)).toFixed(0)} MiB (budget 300 MiB)`);
  if (process.env.BENCH_EXPORT_VERIFY !== "0") {
    const appHash = crypto.createHash("sha256").update(fs.readFileSync(out)).digest("hex");
    const refHash = referenceHash(dbFile);
    log(`  output ${appHash === refHash ? "identical to" : "DIFFERS from"} csvLines (papaparse) over the join, SHA-256 ${appHash.slice(0, 16)}…`);
  }
  fs.rmSync(out, { force: true });
}

/** Wall time of psql's `\copy (the join) to /dev/null csv` on `url`, in the app's PostgreSQL order (response id). */
function psqlSeconds(url: string): number {
  const join = `select ${joinColumns("::text")} from responses r join waves w on w.id = r.wave_id join organisations o on o.id = w.org_id where r.status = 'submitted' order by r.id`;
  const started = performance.now();
  const r = spawnSync(path.join(postgresBinDir(), "psql"), ["-X", "-q", "-v", "ON_ERROR_STOP=1", url, "-c", `\\copy (${join}) to '/dev/null' csv`], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  if (r.status !== 0) throw new Error(`psql failed: ${r.error?.message ?? r.stderr}`);
  return (performance.now() - started) / 1000;
}

/**
 * The same export on PostgreSQL (`url`, a copy of the bench database), next to psql's `\copy` of
 * the same join into CSV, alternating, best of `runs`.
 */
export function benchExportPostgres(url: string, log: (s: string) => void, runs = Number(process.env.BENCH_EXPORT_RUNS ?? 2)): void {
  const out = path.join(os.tmpdir(), `digiskills-bench-export-pg-${process.pid}.csv`);
  const shell: number[] = [];
  const app: { rows: number; seconds: number; maxRssMiB: number; bytes: number }[] = [];
  for (let i = 0; i < runs; i++) {
    shell.push(psqlSeconds(url));
    const child = spawnSync(path.join("node_modules", ".bin", "tsx"), ["bench/export-child.ts", url, out], { encoding: "utf8" });
    if (child.status !== 0) throw new Error(`export failed: ${child.stderr}`);
    app.push(JSON.parse(child.stdout.trim().split("\n").at(-1)!));
  }
  fs.rmSync(out, { force: true });
  const ref = Math.min(...shell);
  const fastest = app.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  log(`\n[export] on PostgreSQL, ${fastest.rows.toLocaleString("en")} rows, best of ${runs} alternating runs:`);
  log(`  psql \\copy (the join, ordered by response id) to /dev/null csv: ${shell.map((x) => `${x.toFixed(2)} s`).join(", ")}`);
  log(`  app export to a file (responsesCsvChunks, own process): ${app.map((a) => `${a.seconds.toFixed(2)} s`).join(", ")}; peak RSS ${app.map((a) => `${a.maxRssMiB.toFixed(0)} MiB`).join(", ")}`);
  log(`  best: reference ${ref.toFixed(2)} s, app ${fastest.seconds.toFixed(2)} s, ratio ${(fastest.seconds / ref).toFixed(2)}× (budget 2×), peak RSS ${Math.max(...app.map((a) => a.maxRssMiB)).toFixed(0)} MiB (budget 300 MiB)`);
}
