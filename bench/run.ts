/*
 * npm run bench — the benchmark engine's budgets on 1,000,000 submitted responses in 10,000
 * organisations, next to plain SQL in the sqlite3 shell on the same file, and the dashboards' view
 * times. Prints figures only; record them in docs/benchmarks.md. Set BENCH_DB to reuse a generated
 * database. Name sections to run only those: `npm run bench -- dashboards` (bundles, engine,
 * dashboards, sql, csv, export, load; bundles reads the last `npm run build`; export is
 * bench/export.ts: the responses CSV export next to `sqlite3 -csv` on the same file, then on a
 * PostgreSQL copy (BENCH_PG_URL, or one made by copy-to-postgres) next to psql's \copy; load is
 * bench/load.ts: HTTP load against `next start` on copies of the demo and bench databases).
 * Every section leaves the database as it found it, but the engine section rebuilds all aggregates:
 * point BENCH_DB at a copy when the file is shared.
 */
import { execFileSync, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, transaction, type SqliteDb } from "../db/client";
import { answersToColumns } from "../db/item-columns";
import { applyResponseToAggregates, rebuildAggregates } from "../db/queries/aggregates";
import { findOrganisationBySlug } from "../db/queries/organisations";
import type { Organisation } from "../db/schema";
import { createRng, generateAnswers } from "../db/factories";
import { organisationReport } from "../lib/benchmark/report";
import { releasePending } from "../lib/disclosure/releases";
import { responsesCsvChunks } from "../lib/csv/export-responses";
import { getQuestionnaire } from "../questions";
import { benchDashboards } from "./dashboards";
import { firstLoadJs } from "./first-load-js-build";
import { runLoad } from "./load";
import { benchExport, benchExportPostgres } from "./export";
import { postgresCopies } from "./postgres-copies";
import { BENCH_ORGS, generateBenchDatabase } from "./generate";

const dir = path.resolve("bench/data");
const dbFile = process.env.BENCH_DB ?? path.join(dir, "bench-1m.db");
const MIN = 5;
const log = (s: string) => console.log(s);
const SECTIONS = ["bundles", "engine", "dashboards", "sql", "csv", "export", "load"];
const chosen = process.argv.slice(2);
for (const name of chosen) if (!SECTIONS.includes(name)) throw new Error(`Unknown section "${name}"; sections: ${SECTIONS.join(", ")}`);
const want = (section: string) => chosen.length === 0 || chosen.includes(section);

function stats(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, max ${s[s.length - 1]!.toFixed(2)} ms (n=${s.length})`;
}

async function time<T>(fn: () => T | Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

async function main(): Promise<void> {
  log(`Digiskills bench — ${new Date().toISOString()} — ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);

  if (want("bundles")) {
    // 0. First-load JavaScript per page from the last production build.
    if (!fs.existsSync(".next/build-manifest.json")) log("\n[bundles] no production build: run `npm run build` first");
    else {
      const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`.padStart(10);
      log(`\n[bundles] first-load JS per page (.next manifests: root main files + the page's and layouts' entry chunks; gzip -9):`);
      for (const p of firstLoadJs(".next")) log(`  ${p.route.padEnd(45)} ${String(p.files).padStart(2)} files ${kib(p.raw)} raw ${kib(p.gzip)} gzip  chart.js: ${p.chartJs ? "yes" : "no"}`);
    }
  }
  if (want("export")) {
    if (!fs.existsSync(dbFile)) {
      log(`Generating ${dbFile} (1,000,000 responses)…`);
      generateBenchDatabase(dbFile, log).$client.close();
    }
    benchExport(dbFile, log);
    // On PostgreSQL: BENCH_PG_URL names a copy of the bench database, else one is made (copy-to-postgres; minutes).
    const copy = process.env.BENCH_PG_URL ? undefined : await postgresCopies(dbFile, []);
    try {
      benchExportPostgres(process.env.BENCH_PG_URL ?? copy!.template, log);
    } finally {
      await copy?.cluster.stop();
    }
  }
  if (["engine", "dashboards", "sql", "csv"].some(want)) await benchDatabase();
  // The load runs last (it starts servers and takes minutes).
  if (want("load")) await runLoad();
}

/** The sections on the 1,000,000-response database: engine, dashboards, sql, csv. */
async function benchDatabase(): Promise<void> {
  let db: SqliteDb;
  if (fs.existsSync(dbFile)) {
    log(`Using existing ${dbFile}`);
    db = openDatabase(dbFile);
  } else {
    log(`Generating ${dbFile} (1,000,000 responses)…`);
    const [generated, ms] = await time(() => generateBenchDatabase(dbFile, log));
    db = generated;
    log(`Generated in ${(ms / 1000).toFixed(1)} s`);
  }
  const sqlite = db.$client;
  const total = (sqlite.prepare("select count(*) n from responses where status = 'submitted'").get() as { n: number }).n;
  log(`Responses: ${total.toLocaleString("en")}; file ${(fs.statSync(dbFile).size / 2 ** 20).toFixed(0)} MiB`);

  if (want("engine")) {
    // 1. Full rebuild of all aggregates (budget < 10 s).
    const rebuilds: number[] = [];
    for (let i = 0; i < 2; i++) rebuilds.push((await time(() => rebuildAggregates(db)))[1]);
    log(`\n[rebuild] full rebuild of all aggregates: ${rebuilds.map((m) => `${(m / 1000).toFixed(2)} s`).join(", ")} (budget 10 s)`);
    sqlite.pragma("wal_checkpoint(TRUNCATE)");

    // 1b. Releasing every wave (lib/disclosure/releases.ts): the disclosure plan of each, once, as
    // at the first start on a database that has none (later starts only read them).
    sqlite.prepare("delete from agg_release_cells").run();
    sqlite.prepare("delete from agg_releases").run();
    const waveCount = (sqlite.prepare("select count(*) from agg_waves where n > 0").pluck().get() as number);
    const [released, releaseMs] = await time(() => releasePending(db, MIN));
    log(`\n[releases] first release of every wave with its disclosure plan: ${released.toLocaleString("en")} of ${waveCount.toLocaleString("en")} waves in ${(releaseMs / 1000).toFixed(1)} s (${(releaseMs / waveCount).toFixed(2)} ms a wave)`);
    sqlite.pragma("wal_checkpoint(TRUNCATE)");

    // 2. One organisation's complete findings + benchmark comparison (budget < 100 ms).
    const rng = createRng(7);
    const orgs: Organisation[] = [];
    for (let i = 0; i < 30; i++) orgs.push((await findOrganisationBySlug(db, `org-${Math.floor(rng() * BENCH_ORGS)}`))!);
    const cold: number[] = [];
    const warm: number[] = [];
    for (const [i, org] of orgs.entries()) {
      // Cold: a new connection has no benchmark population in memory (as after a start or another process's import).
      if (i < 5) {
        const fresh = openDatabase(dbFile);
        cold.push((await time(async () => JSON.stringify(await organisationReport(fresh, org, MIN))))[1]);
        fresh.$client.close();
      }
      await organisationReport(db, org, MIN);
      warm.push((await time(async () => JSON.stringify(await organisationReport(db, org, MIN))))[1]);
    }
    // After a submission in this process the population is updated in place; derived figures are recomputed once.
    const afterSubmit: number[] = [];
    {
      const org = orgs[0]!;
      const waveId = (sqlite.prepare("select w.id from waves w where w.org_id = ?").get(org.id) as { id: number }).id;
      for (let i = 0; i < 10; i++) {
        const id = `after-${i}-${crypto.randomUUID()}`;
        await transaction(db, async (tx) => {
          sqlite.prepare("insert into responses (id, wave_id, status, locale, step, self_data, self_security, self_coding, self_mobile, self_social, self_analytics, self_cloud, self_ai, customer_understanding, created_at, updated_at, submitted_at) values (?, ?, 'submitted', 'en', 0, 3, 3, 3, 3, 3, 3, 3, 3, 4, 'x', 'x', 'x')").run(id, waveId);
          await applyResponseToAggregates(tx, id);
        });
        afterSubmit.push((await time(async () => JSON.stringify(await organisationReport(db, orgs[1 + i]!, MIN))))[1]);
      }
      for (const id of sqlite.prepare("select id from responses where id like 'after-%'").pluck().all() as string[]) {
        await transaction(db, async (tx) => {
          await applyResponseToAggregates(tx, id, -1);
          sqlite.prepare("delete from responses where id = ?").run(id);
        });
      }
    }
    log(`\n[findings] one organisation, complete findings + benchmark comparison, JSON serialised (budget 100 ms):`);
    log(`  cold (new connection: benchmark population read from agg_releases): ${stats(cold)}`);
    log(`  warm (population in memory, unchanged): ${stats(warm)}`);
    log(`  right after a submission (population updated in place, derived figures recomputed): ${stats(afterSubmit)}`);
    const department = await organisationReport(db, orgs[0]!, MIN, { filter: { department: "Sales" } });
    const departmentMs: number[] = [];
    for (const o of orgs.slice(0, 10)) departmentMs.push((await time(() => organisationReport(db, o, MIN, { filter: { department: "Sales" } })))[1]);
    log(`  department filter (${department.figures.responses} responses): ${stats(departmentMs)}`);

    // 3. Submitting one response: bare insert vs insert + aggregate update (budget < 2 ms extra).
    const q = getQuestionnaire(1);
    const orgId = Number(sqlite.prepare("insert into organisations (slug, name, sector, size_band, departments, created_at) values ('bench-submit', 'Bench submit', 'Retail', 'small', '[\"Sales\"]', 'now')").run().lastInsertRowid);
    const waveId = Number(sqlite.prepare("insert into waves (org_id, label, questionnaire_version, code, status, created_at) values (?, 'x', 1, 'bench-submit', 'open', 'now')").run(orgId).lastInsertRowid);
    const cols = ["id", "wave_id", "status", "locale", "step", "department", "seniority", "self_data", "self_security", "self_coding", "self_mobile", "self_social", "self_analytics", "self_cloud", "self_ai", "org_data", "org_security", "org_coding", "org_mobile", "org_social", "org_analytics", "org_cloud", "org_ai", "vision", "ld_awareness", "customer_understanding", "created_at", "updated_at", "submitted_at"];
    const insert = sqlite.prepare(`insert into responses (${cols.join(", ")}) values (${cols.map(() => "?").join(", ")})`);
    function row(id: string): unknown[] {
      const a = answersToColumns(generateAnswers(rng, q.capabilityIds, { maturity: 0, departments: ["Sales"] })) as Record<string, unknown>;
      const v = [a.selfData, a.selfSecurity, a.selfCoding, a.selfMobile, a.selfSocial, a.selfAnalytics, a.selfCloud, a.selfAi, a.orgData, a.orgSecurity, a.orgCoding, a.orgMobile, a.orgSocial, a.orgAnalytics, a.orgCloud, a.orgAi, a.vision, a.ldAwareness, a.customerUnderstanding];
      const at = new Date().toISOString();
      return [id, waveId, "submitted", "en", 0, a.department, a.seniority, ...v, at, at, at];
    }
    // Both through the connection's own transaction path (db/sql/sqlite.ts), as the app's submissions.
    const bare = (id: string) =>
      transaction(db, async () => {
        insert.run(...row(id));
      });
    const withAgg = (id: string) =>
      transaction(db, async (tx) => {
        insert.run(...row(id));
        await applyResponseToAggregates(tx, id);
      });
    const bareMs: number[] = [];
    const aggMs: number[] = [];
    for (let i = 0; i < 500; i++) {
      bareMs.push((await time(() => bare(`bare-${i}-${crypto.randomUUID()}`)))[1]);
      aggMs.push((await time(() => withAgg(`agg-${i}-${crypto.randomUUID()}`)))[1]);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    log(`\n[submit] one response per transaction, synchronous=FULL, WAL (budget: aggregates add < 2 ms):`);
    log(`  bare insert:              mean ${mean(bareMs).toFixed(3)} ms; ${stats(bareMs)}`);
    log(`  insert + aggregate update: mean ${mean(aggMs).toFixed(3)} ms; ${stats(aggMs)}`);
    log(`  added by the aggregates:  ${(mean(aggMs) - mean(bareMs)).toFixed(3)} ms on average`);
    sqlite.prepare("delete from agg_wave_cells where wave_id = ?").run(waveId);
    sqlite.prepare("delete from agg_waves where wave_id = ?").run(waveId);
    sqlite.prepare("delete from responses where wave_id = ?").run(waveId);
    sqlite.prepare("delete from waves where id = ?").run(waveId);
    sqlite.prepare("delete from organisations where id = ?").run(orgId);
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
  }

  if (want("dashboards")) await benchDashboards(db, dbFile, MIN, log, stats, time);

  if (want("sql")) {
    // 4. The same computations as plain SQL GROUP BY in the sqlite3 shell, on the same file.
    const waveOf = (slug: string) => (sqlite.prepare("select w.id from waves w join organisations o on o.id = w.org_id where o.slug = ?").get(slug) as { id: number }).id;
    const orgSql = (id: number) => `select count(*), ${["data", "security", "coding", "mobile", "social", "analytics", "cloud", "ai"].map((c) => `avg(self_${c} >= 4), avg(org_${c} = 'yes')`).join(", ")}, avg(customer_understanding >= 4),
      sum(org_data='yes' and org_security='yes' and org_coding='yes'), sum(org_data='yes' and org_security='yes' and org_coding='yes' and customer_understanding >= 4),
      sum(vision >= 4), sum(vision >= 4 and customer_understanding >= 4), sum(ld_awareness >= 4), sum(ld_awareness >= 4 and customer_understanding >= 4)
      from responses where wave_id = ${id} and status = 'submitted';`;
    const allSql = `select wave_id, count(*), avg(self_data >= 4), avg(self_security >= 4), avg(self_coding >= 4), avg(customer_understanding >= 4),
      sum(org_data='yes' and org_security='yes' and org_coding='yes'), sum(vision >= 4), sum(ld_awareness >= 4)
      from responses where status = 'submitted' group by wave_id;`;
    const shell = (sqlText: string): string => {
      const r = spawnSync("sqlite3", [dbFile], { input: `.timer on\n.output /dev/null\n${sqlText}\n`, encoding: "utf8" });
      const m = /Run Time: real ([\d.]+)/.exec(r.stdout + r.stderr);
      return m ? `${(Number(m[1]) * 1000).toFixed(1)} ms` : `n/a (${(r.stderr || r.error?.message || "sqlite3 not found").trim()})`;
    };
    log(`\n[sqlite3 shell reference] same file, plain SQL on raw responses:`);
    log(`  one organisation's wave, coverage + findings counts (GROUP-free scan of its rows via index): ${shell(orgSql(waveOf(`org-${Math.floor(createRng(7)() * BENCH_ORGS)}`)))}`);
    log(`  all 10,000 waves, GROUP BY wave_id over 1,000,000 rows: ${shell(allSql)}`);
    const cellsSql = `select wave_id, coalesce(department,''), coalesce(seniority,''), count(*) from responses where status='submitted' group by 1, 2, 3;`;
    log(`  per wave × department × seniority counts, GROUP BY over 1,000,000 rows: ${shell(cellsSql)}`);
  }

  if (want("csv")) {
    // 5. CSV: export 1,000,000 rows; import 500,000 rows into a fresh database in its own process.
    const csvFile = path.join(dir, "bench-export.csv");
    const [, exportMs] = await time(async () => {
      const fd = fs.openSync(csvFile, "w");
      for await (const chunk of responsesCsvChunks(db)) fs.writeSync(fd, chunk);
      fs.closeSync(fd);
    });
    log(`\n[csv] export of ${total.toLocaleString("en")} responses: ${(exportMs / 1000).toFixed(1)} s (${Math.round(total / (exportMs / 1000)).toLocaleString("en")} rows/s), ${(fs.statSync(csvFile).size / 2 ** 20).toFixed(0)} MiB`);
    const half = path.join(dir, "bench-500k.csv");
    execFileSync("bash", ["-c", `head -n 500001 '${csvFile}' > '${half}'`]);
    const child = spawnSync(path.join("node_modules", ".bin", "tsx"), ["bench/import-child.ts", half, path.join(dir, "import-target.db")], { encoding: "utf8" });
    if (child.status !== 0) log(`  import failed: ${child.stderr}`);
    else {
      const r = JSON.parse(child.stdout.trim().split("\n").at(-1)!);
      log(`[csv] import of ${r.rows.toLocaleString("en")} rows into a fresh database: ${r.seconds.toFixed(1)} s (${Math.round(r.rows / r.seconds).toLocaleString("en")} rows/s), peak RSS ${r.maxRssMiB.toFixed(0)} MiB`);
    }
    for (const f of [csvFile, half]) fs.rmSync(f, { force: true });
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(path.join(dir, "import-target.db") + suffix, { force: true });
  }

  db.$client.close();
}

// Then the process ends (servers' and connections' handles do not keep it alive).
main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
