/*
 * npm run cli -- <command>: import/export CSV, findings as JSON, aggregate rebuild, online backup and the draft purge.
 * Exit 0 on success; otherwise one line "error: …" on stderr and exit 1 (2 for usage mistakes).
 */
import fs from "node:fs";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { z } from "zod";
import { openDatabase, type Db } from "../../db/client";
import { rebuildAggregates } from "../../db/queries/aggregates";
import { releasePending } from "../disclosure/releases";
import { minimumGroupSize } from "../../core/disclosure/threshold";
import { activeOrganisations, findOrganisationBySlug, findWave, listWaves } from "../../db/queries/organisations";
import { countSubmitted } from "../../db/queries/export-responses";
import { env } from "../../core/env";
import { responsesCsvChunks } from "../csv/export-responses";
import { importResponsesCsv } from "../csv/import-responses";
import { aggregatesCsv, benchmarkCsv } from "../csv/export-tables";
import { benchmarkReport, organisationReport } from "../benchmark/report";
import { AppError } from "../../core/errors";
import { progressReporter } from "./progress";
import { SENIORITIES } from "../../questions/constants";
import { purgeAbandonedDrafts } from "../survey/purge";

class UsageError extends Error {}

const HELP: Record<string, string> = {
  main: `Digiskills Benchmark command line

Usage: npm run cli -- <command> [options]

Commands:
  import <file.csv>                  import a responses CSV (all rows or none)
  export responses [--org SLUG] [--out FILE]
                                     responses CSV (anonymous), all or one organisation
  export aggregates [--org SLUG] [--out FILE]
                                     organisation aggregates CSV (small groups suppressed)
  export benchmark [--out FILE]      benchmark tables CSV (median, top quartile, top decile)
  findings [--org SLUG] [--wave LABEL] [--department NAME] [--seniority LEVEL] --json
                                     findings F1–F5, coverage, gaps, alpha and comparisons
  rebuild-aggregates                 recompute every aggregate from the stored responses
  backup <file>                      online backup to <file>, then PRAGMA integrity_check on it
  purge-drafts [--older-than-days N] delete drafts not saved for N days (default $DRAFT_RETENTION_DAYS, 30)

Options: --help (also after a command). Database: $DATABASE_PATH (default data/digiskills.db).`,
  import: `Usage: npm run cli -- import <file.csv>

Validates every row of a responses CSV (DESIGN.md format, UTF-8, optional BOM, CRLF or LF) and
imports all of them, or none when any row is bad; each problem is printed as
"line N, column X: what is wrong; what is allowed". Rows whose response_id is already stored are
skipped when identical. Missing organisations and waves are created. Progress goes to stderr.`,
  export: `Usage: npm run cli -- export responses [--org SLUG] [--out FILE]
       npm run cli -- export aggregates [--org SLUG] [--out FILE]
       npm run cli -- export benchmark [--out FILE]

Writes CSV (UTF-8 with BOM, RFC 4180) to FILE or standard output. Text cells that could be read
as formulas are prefixed with '. Aggregates and benchmark tables never show a group under the
minimum group size.`,
  findings: `Usage: npm run cli -- findings [--org SLUG] [--wave LABEL] [--department NAME] [--seniority LEVEL] --json

Without --org: the whole benchmark. With --org: the organisation's latest wave with responses (or
--wave), optionally one department or seniority level, with its comparisons and the benchmark.
The JSON is documented in docs/api.md.`,
  "rebuild-aggregates": `Usage: npm run cli -- rebuild-aggregates

Recomputes all aggregates from the submitted responses in one transaction.`,
  backup: `Usage: npm run cli -- backup <file>

Copies the live database with SQLite's online backup API (writers keep working), then runs
PRAGMA integrity_check on the copy. Refuses to overwrite an existing file.`,
  "purge-drafts": `Usage: npm run cli -- purge-drafts [--older-than-days N]

Deletes abandoned drafts: responses still in draft whose last save is more than N days old (a whole
number, at least 1; default $DRAFT_RETENTION_DAYS, 30). Submitted and voided responses are never
touched. The server runs the same purge at start and then daily. Prints how many were deleted.`,
};

function out(file: string | undefined): { write: (s: string) => Promise<void>; close: () => Promise<void> } {
  const stream = file ? fs.createWriteStream(file) : process.stdout;
  return {
    write: (s) =>
      new Promise((resolve, reject) => {
        if (stream.write(s)) resolve();
        else {
          stream.once("drain", resolve);
          stream.once("error", reject);
        }
      }),
    close: () => new Promise((resolve, reject) => (file ? (stream as fs.WriteStream).end((err?: Error | null) => (err ? reject(err) : resolve())) : resolve())),
  };
}

function requireOrg(db: Db, slug: string) {
  const org = findOrganisationBySlug(db, slug);
  if (!org) throw new AppError("not_found", `no organisation with slug "${slug}"`);
  return org;
}

async function runImport(db: Db, file: string): Promise<void> {
  if (!fs.existsSync(file)) throw new UsageError(`file not found: ${file}`);
  const size = fs.statSync(file).size;
  const progress = progressReporter("import", size);
  let bytes = 0;
  let rows = 0;
  const counting = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  const input: Readable = fs.createReadStream(file).pipe(counting);
  const outcome = await importResponsesCsv(db, input, {
    onProgress: (n) => {
      rows = n;
      progress.update(bytes, rows);
    },
  });
  progress.done(rows);
  if (!outcome.ok) {
    for (const e of outcome.errors) process.stderr.write(`${e}\n`);
    const more = outcome.errorCount - outcome.errors.length;
    throw new AppError(
      "validation_failed",
      `${outcome.errorCount} problem(s) in ${path.basename(file)}${more > 0 ? ` (first ${outcome.errors.length} listed)` : ""}; nothing was imported`,
    );
  }
  const r = outcome.result;
  process.stdout.write(
    `Imported ${r.inserted} responses (${r.alreadyPresent} already present) from ${r.rows} rows; ` +
      `created ${r.organisationsCreated} organisations, ${r.wavesCreated} waves, ${r.departmentsAdded} departments.\n`,
  );
}

async function runExport(db: Db, what: string | undefined, values: { org?: string; out?: string }, min: number): Promise<void> {
  if (values.out && fs.existsSync(values.out)) throw new UsageError(`--out ${values.out} already exists; choose a new file`);
  if (what === "responses") {
    if (values.org) requireOrg(db, values.org);
    const total = countSubmitted(db, values.org);
    const progress = progressReporter("export", total);
    const o = out(values.out);
    let rows = 0;
    const it = responsesCsvChunks(db, { orgSlug: values.org });
    for (let step = it.next(); !step.done; step = it.next()) {
      await o.write(step.value);
      rows = Math.min(total, rows + 2000);
      progress.update(rows, rows);
    }
    await o.close();
    progress.done(total);
    process.stderr.write(`Exported ${total} responses${values.out ? ` to ${values.out}` : ""}.\n`);
    return;
  }
  if (what === "aggregates") {
    const orgs = values.org ? [requireOrg(db, values.org)] : activeOrganisations(db);
    const o = out(values.out);
    await o.write(aggregatesCsv(db, orgs, min).csv);
    await o.close();
    return;
  }
  if (what === "benchmark") {
    if (values.org) throw new UsageError("export benchmark takes no --org: benchmark tables cover all organisations");
    const o = out(values.out);
    await o.write(benchmarkCsv(db, min).csv);
    await o.close();
    return;
  }
  throw new UsageError(`export what? allowed: responses, aggregates, benchmark (got ${what ? `"${what}"` : "nothing"})`);
}

function runFindings(db: Db, values: { org?: string; wave?: string; department?: string; seniority?: string; json?: boolean }, min: number): void {
  if (!values.json) throw new UsageError("findings prints JSON: add --json");
  if (!values.org && (values.wave || values.department || values.seniority)) throw new UsageError("--wave, --department and --seniority need --org");
  let report: unknown;
  if (values.org) {
    const org = requireOrg(db, values.org);
    let waveId: number | undefined;
    if (values.wave) {
      const wave = listWaves(db, org.id).find((w) => w.label === values.wave);
      if (!wave) throw new AppError("not_found", `organisation "${values.org}" has no wave "${values.wave}"; waves: ${listWaves(db, org.id).map((w) => w.label).join(", ") || "none"}`);
      waveId = findWave(db, org.id, wave.id)!.id;
    }
    if (values.seniority && !(SENIORITIES as readonly string[]).includes(values.seniority)) throw new UsageError(`--seniority must be one of: ${SENIORITIES.join(", ")}`);
    if (values.department && values.seniority) throw new UsageError("choose --department or --seniority, not both (one breakdown at a time)");
    report = organisationReport(db, org, min, { waveId, filter: { department: values.department, seniority: values.seniority } });
  } else {
    report = benchmarkReport(db, min);
  }
  process.stdout.write(`${JSON.stringify({ minGroupSize: min, ...(report as object) }, null, 2)}\n`);
}

async function runBackup(db: Db, file: string): Promise<void> {
  if (fs.existsSync(file)) throw new UsageError(`${file} already exists; choose a new file`);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const progress = progressReporter("backup", 1);
  await db.$client.backup(file, {
    progress: ({ totalPages, remainingPages }) => {
      progress.update((totalPages - remainingPages) / totalPages, totalPages - remainingPages);
      return 1000;
    },
  });
  progress.done(0);
  const copy = new Database(file, { readonly: true });
  try {
    const result = copy.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new AppError("internal", `backup written to ${file} but integrity_check says: ${String(result)}`);
    const n = (copy.prepare("select count(*) n from responses where status = 'submitted'").get() as { n: number }).n;
    process.stdout.write(`Backup written to ${file}: integrity_check ok, ${n} submitted responses.\n`);
  } finally {
    copy.close();
  }
}

const olderThanDaysSchema = z.string().regex(/^[1-9]\d*$/).transform(Number);

/** The --older-than-days argument, or the configured retention when it is not given. */
function retentionDays(olderThanDays: string | undefined, configured: number): number {
  if (olderThanDays === undefined) return configured;
  const parsed = olderThanDaysSchema.safeParse(olderThanDays.trim());
  if (!parsed.success) throw new UsageError(`--older-than-days must be a whole number of days, at least 1 (got "${olderThanDays}")`);
  return parsed.data;
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: "boolean", short: "h" },
        org: { type: "string" },
        out: { type: "string" },
        wave: { type: "string" },
        department: { type: "string" },
        seniority: { type: "string" },
        json: { type: "boolean" },
        "older-than-days": { type: "string" },
      },
    });
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message.split("\n")[0]}; see npm run cli -- --help\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (!command || values.help) {
    process.stdout.write(`${HELP[command ?? "main"] ?? HELP.main}\n`);
    return command && !HELP[command] ? 2 : 0;
  }
  let db: Db | undefined;
  try {
    const { DATABASE_PATH, DRAFT_RETENTION_DAYS } = env();
    const MIN_GROUP_SIZE = minimumGroupSize();
    const needsArg = (what: string) => {
      if (!rest[0]) throw new UsageError(`${command} needs ${what}; see npm run cli -- ${command} --help`);
      if (rest.length > 1) throw new UsageError(`${command} takes one ${what}, got ${rest.length}`);
      return rest[0];
    };
    switch (command) {
      case "import": {
        const file = needsArg("a CSV file");
        db = openDatabase(DATABASE_PATH);
        await runImport(db, file);
        releasePending(db, MIN_GROUP_SIZE);
        break;
      }
      case "export":
        if (rest.length > 1) throw new UsageError(`export takes one of responses, aggregates, benchmark; got ${rest.join(" ")}`);
        db = openDatabase(DATABASE_PATH);
        await runExport(db, rest[0], values, MIN_GROUP_SIZE);
        break;
      case "findings":
        if (rest.length) throw new UsageError(`findings takes no positional arguments (got ${rest.join(" ")})`);
        db = openDatabase(DATABASE_PATH);
        runFindings(db, values, MIN_GROUP_SIZE);
        break;
      case "rebuild-aggregates": {
        if (rest.length) throw new UsageError("rebuild-aggregates takes no arguments");
        db = openDatabase(DATABASE_PATH);
        const started = Date.now();
        const progress = progressReporter("rebuild", countSubmitted(db));
        const n = rebuildAggregates(db, (rows) => progress.update(rows, rows));
        progress.done(n);
        releasePending(db, MIN_GROUP_SIZE);
        process.stdout.write(`Rebuilt aggregates from ${n} submitted responses in ${((Date.now() - started) / 1000).toFixed(2)} s.\n`);
        break;
      }
      case "backup": {
        const file = needsArg("a target file");
        db = openDatabase(DATABASE_PATH);
        await runBackup(db, file);
        break;
      }
      case "purge-drafts": {
        if (rest.length) throw new UsageError(`purge-drafts takes no positional arguments (got ${rest.join(" ")})`);
        const days = retentionDays(values["older-than-days"], DRAFT_RETENTION_DAYS);
        db = openDatabase(DATABASE_PATH);
        const deleted = purgeAbandonedDrafts(db, days);
        process.stdout.write(`Deleted ${deleted} draft${deleted === 1 ? "" : "s"} not saved for ${days} days.\n`);
        break;
      }
      default:
        throw new UsageError(`unknown command "${command}"; commands: import, export, findings, rebuild-aggregates, backup, purge-drafts`);
    }
    return 0;
  } catch (e) {
    const message = e instanceof Error ? e.message.split("\n").join("; ") : String(e);
    process.stderr.write(`error: ${message}\n`);
    return e instanceof UsageError ? 2 : 1;
  } finally {
    db?.$client.close();
  }
}

if (process.argv[1] && /main\.(ts|js)$/.test(process.argv[1])) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
