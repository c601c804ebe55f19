import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Papa from "papaparse";
import { closeDatabase, openDatabase, openPostgresDb, transaction, type Db, type PostgresDb, type SqliteDb } from "../../db/client";
import { rebuildAggregates } from "../../db/queries/aggregates";
import type { ImportResult } from "../../db/queries/import-responses";
import { activeOrganisations, findOrganisationBySlug } from "../../db/queries/organisations";
import { createDraft } from "../../db/queries/survey";
import { insertOrganisation, insertSubmittedResponse, insertWave } from "../../db/factories";
import { seedDemo } from "../../db/seed-demo";
import { minimumGroupSize } from "../../core/disclosure/threshold";
import { completeAnswers } from "../../harness/answers";
import { benchmarkReport, organisationReport } from "../../lib/benchmark/report";
import { responsesCsvChunks } from "../../lib/csv/export-responses";
import { aggregatesCsv, benchmarkCsv } from "../../lib/csv/export-tables";
import { importResponsesCsv } from "../../lib/csv/import-responses";
import { releasePending } from "../../lib/disclosure/releases";
import { freshPgDatabase } from "../helpers/pg-test-db";

/*
 * The command line on PostgreSQL (DATABASE_URL), with the assertions of tests/unit/cli.test.ts (the
 * SQLite cases): a real process per command, a fresh database of the unit run's PostgreSQL cluster.
 * A file of its own, so it runs beside cli.test.ts on the other worker.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "digiskills-cli-pg-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The environment of a CLI run on the SQLite file `database`, or on PostgreSQL when `url` is given. */
function cliEnv(database: string, url?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_PATH: database };
  delete env.DATABASE_URL;
  if (url) env.DATABASE_URL = url;
  return env;
}

/** A CLI run that does not block the test process, so independent runs can overlap. */
function cliAsync(args: string[], on: { file?: string; url?: string }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join("node_modules", ".bin", "tsx"), ["lib/cli/main.ts", ...args], { env: cliEnv(on.file ?? path.join(dir, "unused.db"), on.url) });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Rows sorted in JavaScript: the two databases collate text differently. */
async function sortedRows(db: Db, query: string, drop: string[] = []): Promise<Record<string, unknown>[]> {
  const rows = (await db.sql.all<Record<string, unknown>>(query)).map((r) => {
    for (const k of drop) delete r[k];
    return r;
  });
  const key = (r: Record<string, unknown>) => JSON.stringify(Object.values(r).filter((v) => !Buffer.isBuffer(v)));
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

const WAVE_OF = "join waves w on w.id = a.wave_id join organisations o on o.id = w.org_id";

/** The aggregates, keyed by organisation slug and wave label (ids may differ between two databases). */
async function aggregates(db: Db) {
  return {
    aggWaves: await sortedRows(db, `select o.slug, w.label, a.* from agg_waves a ${WAVE_OF}`, ["wave_id"]),
    aggCells: await sortedRows(db, `select o.slug, w.label, a.department, a.seniority, a.n, a.counters from agg_wave_cells a ${WAVE_OF}`),
  };
}

/** What an import writes, comparable between SQLite and PostgreSQL. */
async function imported(db: Db) {
  return {
    organisations: await sortedRows(db, "select slug, name, sector, size_band, departments, archived_at from organisations"),
    waves: await sortedRows(db, "select o.slug, w.label, w.questionnaire_version, w.status, w.opens_at, w.closes_at from waves w join organisations o on o.id = w.org_id"),
    responses: await sortedRows(db, "select status, count(*) n, sum(released) released from responses group by status"),
    ...(await aggregates(db)),
    releases: await sortedRows(db, `select o.slug, w.label, a.seq, a.n, a.plan, a.counters from agg_releases a ${WAVE_OF}`),
    releaseCells: await sortedRows(db, `select o.slug, w.label, a.department, a.seniority, a.n, a.counters from agg_release_cells a ${WAVE_OF}`),
  };
}

class RollBack extends Error {}

/** The aggregates as rebuild-aggregates makes them from the stored responses; the rebuild is rolled back. */
async function rebuiltOn(db: PostgresDb): Promise<Awaited<ReturnType<typeof aggregates>>> {
  let rebuilt: Awaited<ReturnType<typeof aggregates>> | undefined;
  await db.sql
    .transaction(async (sql) => {
      const tx = { ...db, sql };
      await rebuildAggregates(tx);
      rebuilt = await aggregates(tx);
      throw new RollBack();
    })
    .catch((e: unknown) => {
      if (!(e instanceof RollBack)) throw e;
    });
  return rebuilt!;
}

/** Findings JSON without the release times, which are the moment each import released. */
const findingsJson = (stdout: string): unknown => JSON.parse(stdout, (k, v: unknown) => (k === "releasedAt" ? undefined : v));

const csvLine = (cells: string[]) => Papa.unparse([cells], { newline: "\r\n" });

/*
 * The demo's responses, seeded into a SQLite file and exported, are imported by the CLI into a fresh
 * PostgreSQL database;
 * the reference is the same file imported into a fresh SQLite file, in this process (the SQLite
 * commands are tested in cli.test.ts; one CLI start costs seconds of CPU here), and the two must then agree
 * in every table, report, export and error.
 */
// Up to five CLI processes at once on a shared 2-core machine: each takes seconds to start there.
describe("cli on PostgreSQL (DATABASE_URL)", { timeout: 150_000 }, () => {
  const csvFile = path.join(dir, "pg-demo.csv");
  let csvText = "";
  let rows = 0;
  let pgUrl = "";
  let emptyUrl = "";
  let pg: PostgresDb;
  const twinFile = path.join(dir, "pg-twin.db");
  let twin: SqliteDb;
  let twinImport: ImportResult;
  const min = minimumGroupSize();

  beforeAll(async () => {
    [pgUrl, emptyUrl] = await Promise.all([freshPgDatabase("cli"), freshPgDatabase("cli_empty")]);
    // The demo's responses as a CSV: seeded into a SQLite file, exported.
    const db = openDatabase(path.join(dir, "seeded.db"));
    try {
      await seedDemo(db);
      const chunks: string[] = [];
      for await (const chunk of responsesCsvChunks(db)) chunks.push(chunk);
      csvText = chunks.join("");
    } finally {
      await closeDatabase(db);
    }
    fs.writeFileSync(csvFile, csvText);
    rows = csvText.trim().split("\r\n").length - 1;
    twin = openDatabase(twinFile);
    const outcome = await importResponsesCsv(twin, fs.createReadStream(csvFile));
    if (!outcome.ok) throw new Error(outcome.errors.join("\n"));
    twinImport = outcome.result;
    await releasePending(twin, min);
    pg = openPostgresDb(pgUrl);
  }, 120_000);
  afterAll(async () => {
    await closeDatabase(pg);
    await closeDatabase(twin);
  });

  // Idempotence and the other import rules on PostgreSQL: tests/unit/csv.test.ts, project postgres.
  it("imports a CSV as into SQLite: same tables, aggregates equal a rebuild", async () => {
    const first = await cliAsync(["import", csvFile], { url: pgUrl });
    expect(first.code, first.stderr).toBe(0);
    expect(twinImport).toMatchObject({ rows, inserted: rows, alreadyPresent: 0, organisationsCreated: 64 });
    const t = twinImport;
    expect(first.stdout).toBe(
      `Imported ${t.inserted} responses (0 already present) from ${t.rows} rows; created ${t.organisationsCreated} organisations, ${t.wavesCreated} waves, ${t.departmentsAdded} departments.\n`,
    );
    const stored = await imported(pg);
    expect(stored.responses).toEqual([{ status: "submitted", n: rows, released: expect.any(Number) }]);
    expect(stored.releases.length).toBeGreaterThan(0);
    expect(stored).toEqual(await imported(twin));
    expect(await rebuiltOn(pg)).toEqual(await aggregates(pg));
  });

  it("gives the same findings and exports as SQLite for the same imported data", async () => {
    const out = (name: string) => path.join(dir, `pg-${name}.csv`);
    const [benchmark, northwind, responses, aggregatesOut, benchmarkOut] = await Promise.all([
      cliAsync(["findings", "--json"], { url: pgUrl }),
      cliAsync(["findings", "--json", "--org", "northwind"], { url: pgUrl }),
      cliAsync(["export", "responses", "--out", out("responses")], { url: pgUrl }),
      cliAsync(["export", "aggregates", "--out", out("aggregates")], { url: pgUrl }),
      cliAsync(["export", "benchmark", "--out", out("benchmark")], { url: pgUrl }),
    ]);
    for (const r of [benchmark, northwind, responses, aggregatesOut, benchmarkOut]) expect(r!.code, r!.stderr).toBe(0);
    // What the findings command prints, computed on the SQLite twin.
    const org = (await findOrganisationBySlug(twin, "northwind"))!;
    const onSqlite = async (report: Promise<object>) => findingsJson(JSON.stringify({ minGroupSize: min, ...(await report) }));
    const benchmarkJson = findingsJson(benchmark!.stdout) as { organisations: number };
    expect(benchmarkJson.organisations).toBe(64);
    expect(benchmarkJson).toEqual(await onSqlite(benchmarkReport(twin, min)));
    const northwindJson = findingsJson(northwind!.stdout) as { organisation: { slug: string } };
    expect(northwindJson.organisation.slug).toBe("northwind");
    expect(northwindJson).toEqual(await onSqlite(organisationReport(twin, org, min, { waveId: undefined, filter: {} })));

    // The same rows; on PostgreSQL in response id order (it has no rowid to keep the order they were stored in).
    const csvRows = (text: string) => {
      const [header, ...data] = text.trimEnd().split("\r\n");
      return { header, data: data.sort() };
    };
    expect(csvRows(fs.readFileSync(out("responses"), "utf8"))).toEqual(csvRows(csvText));
    expect(responses!.stderr.trim().split("\n").at(-1)).toBe(`Exported ${rows} responses to ${out("responses")}.`);
    const aggregatesCsvText = fs.readFileSync(out("aggregates"), "utf8");
    expect(aggregatesCsvText).toContain("too few responses");
    expect(aggregatesCsvText).toBe((await aggregatesCsv(twin, await activeOrganisations(twin), min)).csv);
    const benchmarkCsvText = fs.readFileSync(out("benchmark"), "utf8");
    expect(benchmarkCsvText).toMatch(/\r\nall,,index_mean,6\d,/);
    expect(benchmarkCsvText).toBe((await benchmarkCsv(twin, min)).csv);
  });

  it("refuses bad files as SQLite does, naming line and column, and writes nothing", async () => {
    const lines = csvText.split("\r\n");
    const cells = lines.map((l) => (l ? (Papa.parse<string[]>(l).data[0] ?? []) : []));
    lines[3] = lines[3]!.replace(/,(staff|manager|senior_leader|executive),/, ",chief,");
    lines[6] = lines[5]!;
    // A row of an organisation that appeared on an earlier line, given another name.
    const renamed = cells.findIndex((c, i) => i > 7 && cells.slice(1, i).some((earlier) => earlier[1] === c[1]));
    lines[renamed] = csvLine(cells[renamed]!.map((v, i) => (i === 2 ? "Renamed Org" : v)));
    const bad = path.join(dir, "pg-bad.csv");
    fs.writeFileSync(bad, lines.join("\r\n"));

    // Against the loaded database: a stored response with another submission time, and a new
    // response that describes an existing organisation with another sector.
    const stored = cells.slice(1).find((c) => c[1] !== undefined && c[1] !== "northwind")!;
    const northwind = cells.find((c) => c[1] === "northwind")!;
    const changed = path.join(dir, "pg-changed.csv");
    fs.writeFileSync(
      changed,
      [lines[0], csvLine(stored.map((v, i) => (i === 8 ? "2020-01-01T00:00:00.000Z" : v))), csvLine(northwind.map((v, i) => (i === 0 ? "brand-new-1" : i === 3 ? "Mining" : v))), ""].join("\r\n"),
    );
    const before = await imported(pg);

    const [onPg, onLoaded] = await Promise.all([cliAsync(["import", bad], { url: emptyUrl }), cliAsync(["import", changed], { url: pgUrl })]);
    const problems = (stderr: string) => stderr.trim().split("\n").filter((l) => !l.startsWith("import: "));
    expect(onPg.code).toBe(1);
    expect(onPg.stderr).toContain('line 4, column seniority: "chief" is not allowed; allowed: staff, manager, senior_leader, executive or empty');
    expect(onPg.stderr).toContain(`line 7, column response_id: "${cells[5]![0]}" appears twice in the file (first on line 6); each response must appear once`);
    expect(onPg.stderr).toContain(`line ${renamed + 1}, column org_name: "Renamed Org" differs from "${cells[renamed]![2]}" given for organisation "${cells[renamed]![1]}"`);
    const sqlite = openDatabase(":memory:");
    try {
      const outcome = await importResponsesCsv(sqlite, fs.createReadStream(bad));
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(problems(onPg.stderr)).toEqual([...outcome.errors, `error: ${outcome.errorCount} problem(s) in pg-bad.csv; nothing was imported`]);
    } finally {
      await closeDatabase(sqlite);
    }
    expect(problems(onPg.stderr).at(-1)).toBe("error: 3 problem(s) in pg-bad.csv; nothing was imported");
    const empty = openPostgresDb(emptyUrl);
    try {
      for (const table of ["organisations", "waves", "responses", "agg_waves", "agg_wave_cells", "agg_releases"]) {
        expect(await empty.sql.value<number>(`select count(*) from ${table}`), table).toBe(0);
      }
    } finally {
      await closeDatabase(empty);
    }

    expect(onLoaded.code).toBe(1);
    expect(problems(onLoaded.stderr)).toEqual([
      `line 2, column response_id: "${stored[0]}" already exists with different values; an import never changes a stored response`,
      `line 3, column sector: "Mining" differs from the existing organisation "northwind", which has "${northwind[3]}"; use the existing value or another slug`,
      "error: 2 problem(s) in pg-changed.csv; nothing was imported",
    ]);
    expect(await imported(pg)).toEqual(before);
  });

  it("rebuilds the aggregates on PostgreSQL to the same figures", async () => {
    const before = await imported(pg);
    await pg.sql.transaction(async (tx) => {
      await tx.run("delete from agg_wave_cells");
      await tx.run("delete from agg_waves");
    });
    const rebuilt = await cliAsync(["rebuild-aggregates"], { url: pgUrl });
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(rebuilt.stdout).toMatch(new RegExp(`^Rebuilt aggregates from ${rows} submitted responses`));
    expect(await imported(pg)).toEqual(before);
  });

  it("purge-drafts deletes drafts not saved for 30 days (or --older-than-days) on PostgreSQL", async () => {
    const waveId = (await pg.sql.value<number>("select w.id from waves w join organisations o on o.id = w.org_id where o.slug = 'northwind' order by w.id limit 1"))!;
    const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString();
    const draft = async (days: number) => {
      const { id } = await createDraft(pg, waveId, "en");
      await pg.sql.run("update responses set updated_at = ? where id = ?", [daysAgo(days), id]);
      return id;
    };
    const old = [await draft(45), await draft(31)];
    const tenDays = await draft(10);
    const today = await draft(0);
    const drafts = async () => (await pg.sql.column<string>("select id from responses where status = 'draft'")).sort();
    expect(await drafts()).toEqual([...old, tenDays, today].sort());

    const first = await cliAsync(["purge-drafts"], { url: pgUrl });
    expect(first).toMatchObject({ code: 0, stderr: "" });
    expect(first.stdout).toBe("Deleted 2 drafts not saved for 30 days.\n");
    expect(await drafts()).toEqual([tenDays, today].sort());
    const second = await cliAsync(["purge-drafts", "--older-than-days", "7"], { url: pgUrl });
    expect(second.stdout).toBe("Deleted 1 draft not saved for 7 days.\n");
    expect(await drafts()).toEqual([today]);
    expect(await pg.sql.value<number>("select count(*) from responses where status = 'submitted'")).toBe(rows);
  });

  it("backup on PostgreSQL copies nothing and prints the pg_dump command, which makes a dump", async () => {
    const file = path.join(dir, "pg backup.dump");
    const r = await cliAsync(["backup", file], { url: pgUrl });
    expect(r.code).toBe(2);
    const command = `pg_dump --format=custom --file='${file}' "$DATABASE_URL"`;
    expect(r.stderr).toBe(
      `error: backup copies the SQLite file; the configured database is PostgreSQL ($DATABASE_URL), so back it up with pg_dump: ${command} (restore into an empty database: pg_restore --dbname=URL '${file}')\n`,
    );
    expect(fs.existsSync(file)).toBe(false);
    const dump = spawnSync("sh", ["-c", command], { env: { ...process.env, DATABASE_URL: pgUrl }, encoding: "utf8" });
    expect(dump.status, dump.stderr).toBe(0);
    const list = spawnSync("pg_restore", ["--list", file], { encoding: "utf8" });
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/TABLE DATA public responses /);
  });

  it("copy-to-postgres reads the SQLite file at DATABASE_PATH even when DATABASE_URL is set", async () => {
    // A small source, so the copy and its verification are quick: one organisation, one wave, one response.
    const sourceFile = path.join(dir, "pg-copy-source.db");
    const source = openDatabase(sourceFile);
    try {
      const org = await insertOrganisation(source, { slug: "copied", name: "Copied", sector: "Retail", sizeBand: "small", departments: ["Sales"] });
      const wave = await insertWave(source, { orgId: org.id, label: "w1", questionnaireVersion: 1, code: "copied-open" });
      await insertSubmittedResponse(source, { id: "copied-1", waveId: wave.id, answers: completeAnswers("Sales"), submittedAt: "2026-10-01T10:00:00.000Z" });
    } finally {
      await closeDatabase(source);
    }
    const r = await cliAsync(["copy-to-postgres", "--to", emptyUrl], { file: sourceFile, url: pgUrl });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Copied 1 responses (`);
    expect(r.stdout).toContain(` from ${sourceFile} to `);
    const copy = openPostgresDb(emptyUrl);
    try {
      expect(await copy.sql.column("select slug from organisations")).toEqual(["copied"]);
      expect(await copy.sql.column("select id from responses")).toEqual(["copied-1"]);
    } finally {
      await closeDatabase(copy);
    }
  });
  it("an import into a wave waits for a live submission's aggregate update there, and counts on top of it", async () => {
    const lines = csvText.split("\r\n");
    const cells = lines.map((l) => (l ? (Papa.parse<string[]>(l).data[0] ?? []) : []));
    const northwind = cells.find((c) => c[1] === "northwind")!;
    const waveId = (await pg.sql.value<number>("select w.id from waves w join organisations o on o.id = w.org_id where o.slug = 'northwind' and w.label = ?", [northwind[5]]))!;
    const before = (await pg.sql.value<number>("select n from agg_waves where wave_id = ?", [waveId]))!;
    const file = [lines[0], csvLine(northwind.map((v, i) => (i === 0 ? "concurrent-import-1" : v))), ""].join("\r\n");

    let importing: Promise<Awaited<ReturnType<typeof importResponsesCsv>>> | undefined;
    let importDone = false;
    await transaction(pg, async (live) => {
      // The submission's transaction holds the wave (locks.ts) from its aggregate update to its commit.
      await insertSubmittedResponse(live, { id: "concurrent-live-1", waveId, answers: completeAnswers("Sales"), submittedAt: "2026-10-01T10:00:00.000Z" });
      importing = importResponsesCsv(pg, Readable.from([Buffer.from(file, "utf8")]));
      const finished = () => (importDone = true);
      void importing.then(finished, finished);
      // The wave's advisory lock (classid 1 = the wave-aggregates namespace of locks.ts), asked for and not granted.
      const waiting = () => pg.sql.value<number>("select count(*) from pg_locks where locktype = 'advisory' and classid = 1 and objid = ? and not granted", [waveId]);
      while (!importDone && (await waiting()) === 0) await new Promise((resolve) => setImmediate(resolve));
      expect(importDone).toBe(false);
    });
    const outcome = await importing!;
    expect(outcome.ok && outcome.result.inserted).toBe(1);
    expect(await pg.sql.value<number>("select n from agg_waves where wave_id = ?", [waveId])).toBe(before + 2);
    expect(await rebuiltOn(pg)).toEqual(await aggregates(pg));
  });
});
