import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { closeDatabase, openDatabase, transaction } from "../../db/client";
import { seedDemo } from "../../db/seed-demo";
import { insertOrganisation, insertSubmittedResponse, insertWave } from "../../db/factories";
import { createDraft } from "../../db/queries/survey";
import { completeAnswers } from "../../harness/answers";

/** The CLI as scripts use it: a real process, a real database file, exit codes and one-line errors. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "digiskills-cli-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const dbFile = path.join(dir, "cli.db");
beforeAll(async () => {
  const db = openDatabase(dbFile);
  await seedDemo(db);
  await closeDatabase(db);
}, 180_000); // ran at collection (no time limit) before

/** The environment of a CLI run on the SQLite file `database`: without DATABASE_URL, which would select PostgreSQL. */
function cliEnv(database: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_PATH: database };
  delete env.DATABASE_URL;
  return env;
}

function cli(args: string[], database = dbFile) {
  const r = spawnSync(path.join("node_modules", ".bin", "tsx"), ["lib/cli/main.ts", ...args], {
    env: cliEnv(database),
    encoding: "utf8",
    // Room for a whole responses export on stdout (the default is 1 MiB).
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("cli", () => {
  it("prints help for the tool and each command", () => {
    const main = cli(["--help"]);
    expect(main.code).toBe(0);
    for (const command of ["import", "export responses", "findings", "rebuild-aggregates", "backup", "purge-drafts"]) expect(main.stdout).toContain(command);
    expect(main.stdout).toContain("PostgreSQL at $DATABASE_URL when it is set");
    const sub = cli(["backup", "--help"]);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain("integrity_check");
  });

  it.each([
    [["frobnicate"], 2, 'error: unknown command "frobnicate"; commands: import, export, findings, rebuild-aggregates, backup, purge-drafts, copy-to-postgres'],
    [["import"], 2, "error: import needs a CSV file; see npm run cli -- import --help"],
    [["import", "/nope/missing.csv"], 2, "error: file not found: /nope/missing.csv"],
    [["export", "everything"], 2, 'error: export what? allowed: responses, aggregates, benchmark (got "everything")'],
    [["findings"], 2, "error: findings prints JSON: add --json"],
    [["findings", "--json", "--org", "no-such-org"], 1, 'error: no organisation with slug "no-such-org"'],
    [["findings", "--json", "--org", "northwind", "--seniority", "boss"], 2, "error: --seniority must be one of: staff, manager, senior_leader, executive"],
    [["export", "responses", "--colour", "red"], 2, null],
    [["purge-drafts", "--older-than-days", "0"], 2, 'error: --older-than-days must be a whole number of days, at least 1 (got "0")'],
    [["purge-drafts", "--older-than-days", "2.5"], 2, 'error: --older-than-days must be a whole number of days, at least 1 (got "2.5")'],
    [["purge-drafts", "--older-than-days", "soon"], 2, 'error: --older-than-days must be a whole number of days, at least 1 (got "soon")'],
    [["purge-drafts", "everything"], 2, "error: purge-drafts takes no positional arguments (got everything)"],
  ])("%j exits %i with a one-line reason", (args, code, message) => {
    const r = cli(args);
    expect(r.code).toBe(code);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    if (message) expect(lines[0]).toBe(message);
    else expect(lines[0]).toMatch(/^error: .*--colour/);
  });

  it("exports responses and imports them into an empty database with identical results", () => {
    const out = path.join(dir, "responses.csv");
    const exported = cli(["export", "responses", "--out", out]);
    expect(exported.code).toBe(0);
    const text = fs.readFileSync(out, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = text.trim().split("\r\n").length - 1;
    const fresh = path.join(dir, "fresh.db");
    const imported = cli(["import", out], fresh);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(`Imported ${rows} responses (0 already present)`);
    const again = cli(["export", "responses", "--out", path.join(dir, "again.csv")], fresh);
    expect(again.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "again.csv"), "utf8")).toBe(text);
    const f1 = JSON.parse(cli(["findings", "--json"]).stdout);
    const f2 = JSON.parse(cli(["findings", "--json"], fresh).stdout);
    expect(f2.findings).toEqual(f1.findings);
    expect(cli(["export", "responses", "--out", out]).stderr).toContain("already exists");
  });

  it("exports over 10 pages of responses with no MaxListenersExceededWarning, to a file and to a pipe", async () => {
    // 2,000 rows a page: 22,000 rows are 11 pages, each over the stream's buffer, so each write waits.
    const file = path.join(dir, "many.db");
    const db = openDatabase(file);
    const org = await insertOrganisation(db, { slug: "many", name: "Many", sector: "Retail", sizeBand: "large", departments: ["Sales", "Ops"] });
    const wave = await insertWave(db, { orgId: org.id, label: "w1", questionnaireVersion: 1, code: "many-open" });
    await transaction(db, async (inTx) => {
      for (let i = 0; i < 22_000; i++) {
        await insertSubmittedResponse(inTx, { id: `many-${i}`, waveId: wave.id, answers: completeAnswers(i % 2 ? "Sales" : "Ops"), submittedAt: "2026-10-01T10:00:00.000Z" }, { aggregate: false });
      }
    });
    await closeDatabase(db);
    const out = path.join(dir, "many.csv");
    const toFile = cli(["export", "responses", "--out", out], file);
    expect(toFile.code).toBe(0);
    expect(toFile.stderr).not.toContain("MaxListenersExceededWarning");
    expect(toFile.stderr.trim().split("\n").at(-1)).toBe(`Exported 22000 responses to ${out}.`);
    expect(fs.readFileSync(out, "utf8").trim().split("\r\n")).toHaveLength(22_001);
    const toPipe = cli(["export", "responses"], file);
    expect(toPipe.code).toBe(0);
    expect(toPipe.stderr).not.toContain("MaxListenersExceededWarning");
    expect(toPipe.stdout).toBe(fs.readFileSync(out, "utf8"));
  });

  it("refuses a file with one bad row, lists it, and imports nothing", () => {
    const good = path.join(dir, "responses.csv");
    const lines = fs.readFileSync(good, "utf8").split("\r\n");
    lines[3] = lines[3]!.replace(/,(staff|manager|senior_leader|executive),/, ",chief,");
    const bad = path.join(dir, "bad.csv");
    fs.writeFileSync(bad, lines.join("\r\n"));
    const target = path.join(dir, "untouched.db");
    const r = cli(["import", bad], target);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('line 4, column seniority: "chief" is not allowed; allowed: staff, manager, senior_leader, executive or empty');
    expect(r.stderr.trim().split("\n").at(-1)).toBe("error: 1 problem(s) in bad.csv; nothing was imported");
    const db = new Database(target, { readonly: true });
    expect(db.prepare("select count(*) n from responses").get()).toEqual({ n: 0 });
    db.close();
  });

  it("backs up with integrity_check and rebuilds aggregates to the same figures", () => {
    const before = JSON.parse(cli(["findings", "--json", "--org", "northwind"]).stdout);
    expect(before.organisation.slug).toBe("northwind");
    expect(before.wave.label).toBe("2026-Q4");
    const rebuilt = cli(["rebuild-aggregates"]);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toMatch(/^Rebuilt aggregates from \d+ submitted responses/);
    expect(JSON.parse(cli(["findings", "--json", "--org", "northwind"]).stdout)).toEqual(before);

    const copy = path.join(dir, "backup.db");
    const backup = cli(["backup", copy]);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/integrity_check ok, \d+ submitted responses/);
    const db = new Database(copy, { readonly: true });
    const live = new Database(dbFile, { readonly: true });
    const count = "select count(*) n from responses where status = 'submitted'";
    expect(db.prepare(count).get()).toEqual(live.prepare(count).get());
    db.close();
    live.close();
    expect(cli(["backup", copy]).code).toBe(2);
  });

  it("exports aggregates and benchmark tables with small groups suppressed", () => {
    const agg = path.join(dir, "agg.csv");
    expect(cli(["export", "aggregates", "--org", "northwind", "--out", agg]).code).toBe(0);
    const rows = fs.readFileSync(agg, "utf8").replace(/^\ufeff/, "").trim().split("\r\n").map((l) => l.split(","));
    const legal = rows.find((r) => r[1] === "2026-Q4" && r[2] === "department" && r[3] === "Legal");
    expect(legal?.[4]).toBe("too few responses");
    expect(legal?.slice(5).every((c) => c === "")).toBe(true);
    const hidden = rows.filter((r) => r[1] === "2026-Q4" && r[2] === "department" && r[4] === "too few responses");
    const hiddenTotal = hidden.length; // complementary suppression hides at least one more group when Legal alone is under 5
    expect(hiddenTotal).toBeGreaterThanOrEqual(2);
    const bench = path.join(dir, "bench.csv");
    expect(cli(["export", "benchmark", "--out", bench]).code).toBe(0);
    const b = fs.readFileSync(bench, "utf8");
    expect(b).toContain("scope,scope_value,metric,organisations,median,top_quartile,top_decile,status");
    expect(b).toMatch(/\r\nall,,index_mean,6\d,/);
  });

  it("purge-drafts deletes drafts not saved for 30 days (or --older-than-days) and prints how many", async () => {
    const file = path.join(dir, "purge.db");
    const db = openDatabase(file);
    const org = await insertOrganisation(db, { slug: "purge", name: "Purge", sector: "Retail", sizeBand: "small", departments: ["Sales"] });
    const wave = await insertWave(db, { orgId: org.id, label: "w1", questionnaireVersion: 1, code: "purge-open" });
    const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString();
    const draft = async (days: number) => {
      const { id } = await createDraft(db, wave.id, "en");
      await db.sql.run("update responses set updated_at = ? where id = ?", [daysAgo(days), id]);
      return id;
    };
    await draft(45);
    await draft(31);
    const tenDays = await draft(10);
    const today = await draft(0);
    await insertSubmittedResponse(db, { id: "submitted-long-ago", waveId: wave.id, answers: completeAnswers("Sales"), submittedAt: daysAgo(500) });
    await closeDatabase(db);
    const ids = () => {
      const check = new Database(file, { readonly: true });
      try {
        return (check.prepare("select id from responses order by id").pluck().all() as string[]).sort();
      } finally {
        check.close();
      }
    };

    const first = cli(["purge-drafts"], file);
    expect(first).toMatchObject({ code: 0, stderr: "" });
    expect(first.stdout).toBe("Deleted 2 drafts not saved for 30 days.\n");
    expect(ids()).toEqual([tenDays, today, "submitted-long-ago"].sort());

    const second = cli(["purge-drafts", "--older-than-days", "7"], file);
    expect(second.stdout).toBe("Deleted 1 draft not saved for 7 days.\n");
    expect(ids()).toEqual([today, "submitted-long-ago"].sort());
    expect(cli(["purge-drafts", "--older-than-days", "0"], file).code).toBe(2);
    expect(ids()).toEqual([today, "submitted-long-ago"].sort());
  });
});
