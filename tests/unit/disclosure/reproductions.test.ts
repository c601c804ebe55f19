/*
 * The five attacks of issue 11 ("What breaks today"), each reproduced with the documented outputs
 * only, on a real SQLite file, and each asserting that the attack no longer works. Every test also
 * has a positive control, so hiding everything would not pass.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "../../../db/client";
import { createRng, generateAnswers, insertOrganisation, insertSubmittedResponse, insertWave } from "../../../db/factories";
import type { Organisation } from "../../../db/schema";
import { organisationReport, personalComparison } from "../../../lib/benchmark/report";
import { AGGREGATE_COLUMNS, organisationAggregateRows, TOO_FEW } from "../../../lib/benchmark/tables";
import { resolveScope } from "../../../lib/dashboard/scope";
import { summaryData } from "../../../lib/dashboard/summary";
import { startResponse, submitResponse } from "../../../lib/survey/service";
import type { Answers } from "../../../core/answers";
import { getQuestionnaire } from "../../../questions";
import { createTestDb } from "../../helpers/test-db";

const MIN = 5;
const q = getQuestionnaire(1);
const SUBMITTED = "2026-05-01T00:00:00Z";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "digiskills-repro-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The real CLI, as a lead or admin runs it, against the test database. */
function cli(db: Db, args: string[]) {
  const r = spawnSync(path.join("node_modules", ".bin", "tsx"), ["lib/cli/main.ts", ...args], {
    env: { ...process.env, ...(db.dialect === "postgres" ? { DATABASE_URL: db.name } : { DATABASE_PATH: db.name }), MIN_GROUP_SIZE: String(MIN) },
    encoding: "utf8",
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

/** A complete respondent (every self level 3, every org item "partly", all staff), with overrides. */
function person(overrides: Answers = {}): Answers {
  const a: Answers = { seniority: "staff", vision: 3, ld_awareness: 3, customer_understanding: 3 };
  for (const c of q.capabilityIds) {
    a[`self_${c}`] = 3;
    a[`org_${c}`] = "partly";
  }
  return { ...a, ...overrides };
}

let orgCount = 0;
/** An organisation with one open wave holding `people` submitted responses. */
async function organisation(db: Db, slug: string, people: Answers[], departments: string[] = []): Promise<{ org: Organisation; waveId: number; code: string }> {
  const org = await insertOrganisation(db, { slug, name: slug.toUpperCase(), sector: "Retail", sizeBand: "medium", departments });
  const code = `${slug}-w1-${++orgCount}`;
  const waveId = (await insertWave(db, { orgId: org.id, label: "w1", questionnaireVersion: 1, code })).id;
  for (const [i, answers] of people.entries()) await insertSubmittedResponse(db, { id: `${slug}-${i}`, waveId, answers, submittedAt: SUBMITTED });
  return { org, waveId, code };
}

/** Generated, complete respondents (all staff, so only the groups a test builds matter). */
function generated(seed: number, n: number, overrides: Answers = {}): Answers[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => ({ ...generateAnswers(rng, q.capabilityIds, { maturity: 0, departments: [] }), seniority: "staff", ...overrides }));
}

const cuAnswered = (people: Answers[]) => people.filter((p) => typeof p.customer_understanding === "number" || p.customer_understanding === "dont_know");
const cuAgree = (people: Answers[]) => people.filter((p) => typeof p.customer_understanding === "number" && p.customer_understanding >= 4);

type F1 = { suppressed: true } | { suppressed: false; agree: { n: number; count: number } };
type Split = { suppressed: true } | { suppressed: false; yes: { n: number }; no: { n: number } };

describe("issue 11, what breaks today: the five reproductions", () => {
  // Attack: A's lead subtracts A's own F1 from the benchmark's F1 and reads B's two people.
  it("1. a benchmark of too few organisations does not reveal the other organisation", async () => {
    const db = createTestDb();
    const a = await organisation(db, "a", generated(1, 17));
    await organisation(db, "b", generated(2, 2, { customer_understanding: 5 }));

    const json = JSON.parse(cli(db, ["findings", "--org", "a", "--json"]));
    expect(json.figures.responses).toBe(17);
    expect(json.figures.findings.f1.suppressed).toBe(false);
    // Before the fix: the benchmark's F1 had n = 19 next to A's 17 (19 − 17 = B's 2 respondents).
    expect(json.benchmark.findings.f1).toEqual({ suppressed: true });
    expect(JSON.stringify(json.benchmark)).not.toMatch(/"n": ?19\b/);

    const summary = await summaryData(db, await resolveScope(db, a.org, {}, MIN), "en");
    expect(summary.findings?.f1.organisation.suppressed).toBe(false);
    expect(summary.findings?.f1.vsOthers).toBeNull();
    // Before the fix: "In the other organisations of the benchmark it is 100% of 2 respondents."
    expect(summary.findings!.f1.sentences.join(" ")).not.toMatch(/other organisations|benchmark/i);

    // B grows to 6 (released, 6 other respondents) — still one other organisation: still hidden.
    const db2 = createTestDb();
    await organisation(db2, "a", generated(1, 17));
    await organisation(db2, "b", generated(2, 6, { customer_understanding: 5 }));
    const json2 = JSON.parse(cli(db2, ["findings", "--org", "a", "--json"]));
    expect(json2.benchmark.responses).toBe(23);
    expect(json2.benchmark.findings.f1).toEqual({ suppressed: true });
  });

  it("1. (control) with five or more other organisations the benchmark F1 and the comparison are shown", async () => {
    const db = createTestDb();
    const aPeople = generated(1, 17);
    const a = await organisation(db, "a", aPeople);
    const others = Array.from({ length: 6 }, (_, o) => generated(10 + o, 5 + o));
    for (const [o, people] of others.entries()) await organisation(db, `other-${o}`, people);
    const all = [...aPeople, ...others.flat()];

    const json = JSON.parse(cli(db, ["findings", "--org", "a", "--json"]));
    expect(json.benchmark.findings.f1.suppressed).toBe(false);
    expect(json.benchmark.findings.f1.agree.n).toBe(cuAnswered(all).length);

    const summary = await summaryData(db, await resolveScope(db, a.org, {}, MIN), "en");
    const vs = summary.findings!.f1.vsOthers;
    expect(vs?.others).toEqual({ count: cuAgree(others.flat()).length, n: cuAnswered(others.flat()).length });
    expect(summary.findings!.f1.sentences.some((s) => s.includes("other organisations"))).toBe(true);
  });

  // Attack: one respondent skips `vision`; F1 (6/11) against F3's groups (2/5, 3/5) exposes them.
  it("2. item-level bases: a skipped item does not expose the one who skipped", async () => {
    // 11 staff, no departments. Customer understanding agree: 0, 1, 5, 6, 7, 10 (6 of 11).
    // Vision agree: 0–4 (2 of 5 agree), not agree: 5–9 (3 of 5 agree); 10 skips vision.
    // L&D agree: even ones (6/5); all three org items "yes": 0–4 and 10 (6/5).
    const build = (skip: boolean) =>
      Array.from({ length: 11 }, (_, i) => {
        const p = person({
          customer_understanding: [0, 1, 5, 6, 7, 10].includes(i) ? 4 : 2,
          vision: i < 5 ? 5 : 2,
          ld_awareness: i % 2 === 0 ? 4 : 2,
          ...(i < 5 || i === 10 ? { org_data: "yes", org_security: "yes", org_coding: "yes" } : {}),
        });
        if (skip && i === 10) delete p.vision;
        return p;
      });

    const basesOf = async (db: Db, org: Organisation) => {
      const f = (await organisationReport(db, org, MIN)).figures.findings;
      const f1 = f.f1 as F1;
      const shown: Record<string, number> = {};
      if (!f1.suppressed) shown.f1 = f1.agree.n;
      for (const k of ["f2", "f3", "f4"] as const) {
        const s = f[k] as Split;
        if (!s.suppressed) shown[k] = s.yes.n + s.no.n;
      }
      return { f, shown };
    };

    const db = createTestDb();
    const skipped = await organisation(db, "skip", build(true));
    const { shown } = await basesOf(db, skipped.org);
    // Before the fix: F1 with 11 and F3 with 5 + 5 were both shown (11 − 10 = the one who skipped).
    expect(shown.f1 === 11 && shown.f3 === 10).toBe(false);
    // No two shown customer-understanding figures differ by a group of 1–4.
    const bases = Object.entries(shown);
    expect(bases.length).toBeGreaterThan(0);
    for (const [k1, n1] of bases) for (const [k2, n2] of bases) expect({ pair: `${k1}/${k2}`, differenceIsSmall: Math.abs(n1 - n2) > 0 && Math.abs(n1 - n2) < MIN }).toEqual({ pair: `${k1}/${k2}`, differenceIsSmall: false });

    // Control: nobody skips, and F1 (11) and F3 (5 + 6) are both shown.
    const db2 = createTestDb();
    const complete = await organisation(db2, "complete", build(false));
    const control = await basesOf(db2, complete.org);
    expect(control.shown.f1).toBe(11);
    expect(control.shown.f3).toBe(11);
    const f3 = control.f.f3 as Split & { suppressed: false };
    expect([f3.yes.n, f3.no.n]).toEqual([5, 6]);
  });

  // Attack: the export shows D1 (7) and "executive" (5); whoever knows D1 reads D1's two staff.
  it("3. the organisation-aggregates export uses the dashboard's plan across breakdowns", async () => {
    const db = createTestDb();
    const people = [
      ...generated(30, 5, { department: "D1", seniority: "executive" }),
      ...generated(31, 2, { department: "D1", seniority: "staff" }),
      ...generated(32, 10, { department: "D2", seniority: "staff" }),
    ];
    const { org } = await organisation(db, "nested", people, ["D1", "D2"]);

    const out = path.join(dir, "aggregates.csv");
    cli(db, ["export", "aggregates", "--org", "nested", "--out", out]);
    const csv = fs
      .readFileSync(out, "utf8")
      .replace(/^\ufeff/, "")
      .trim()
      .split("\r\n")
      .map((l) => l.split(","));
    expect(csv[0]).toEqual(AGGREGATE_COLUMNS);
    const fromCli = csv.slice(1);
    const rows = (await organisationAggregateRows(db, org, MIN)).map((r) => r.map(String));
    expect(fromCli).toEqual(rows);

    const row = (type: string, group: string) => rows.find((r) => r[2] === type && r[3] === group);
    for (const [type, group] of [["department", "D1"], ["department", "D2"], ["seniority", "executive"]] as const) {
      // Before the fix: D1 "shown" with 7 responses and executive "shown" with 5.
      expect(row(type, group)?.[4], `${type} ${group}`).toBe(TOO_FEW);
      expect(row(type, group)!.slice(5).every((c) => c === ""), `${type} ${group} carries no value`).toBe(true);
    }
    // Control: the whole organisation is shown (and staff, 12 = 17 − 5, is safe).
    expect(row("all", "")?.slice(4, 6)).toEqual(["shown", "17"]);
    expect(row("all", "")![AGGREGATE_COLUMNS.indexOf("index_mean")]).not.toBe("");

    // The same groups the dashboard hides.
    const scope = await resolveScope(db, org, {}, MIN);
    expect(scope.options.departments).toEqual([{ name: "D1", shown: false }, { name: "D2", shown: false }]);
    expect(scope.options.seniorities.find((s) => s.level === "executive")?.shown).toBe(false);
    for (const r of rows.filter((x) => x[4] === "shown")) {
      const view = r[2] === "all" ? "all" : `${r[2]}:${r[3]}`;
      expect(scope.plan?.views[view as keyof NonNullable<typeof scope.plan>["views"]], `${view} is shown by the dashboard too`).toBeDefined();
    }

    // In general: no two shown rows whose groups are nested differ by 1–4 responses.
    const members = (r: string[]) =>
      new Set(people.flatMap((p, i) => (r[2] === "all" || (r[2] === "department" && p.department === r[3]) || (r[2] === "seniority" && p.seniority === r[3]) ? [i] : [])));
    const shown = rows.filter((r) => r[4] === "shown").map((r) => ({ label: `${r[2]}:${r[3]}`, n: Number(r[5]), set: members(r) }));
    for (const s of shown) expect(s.n, s.label).toBe(s.set.size);
    for (const big of shown) {
      for (const small of shown) {
        if (big === small || ![...small.set].every((i) => big.set.has(i))) continue;
        const d = big.n - small.n;
        expect(d > 0 && d < MIN, `${big.label} ⊃ ${small.label} differ by ${d}`).toBe(false);
      }
    }
  });

  // Attack: read the personal comparison before and after one submission: n 6 → 7, mean 2.667 → 3.000, so the newcomer rated data 5.
  it("4. differencing over time: one new submission does not move the figures", async () => {
    const db = createTestDb();
    const levels = [2, 3, 3, 3, 2, 3]; // mean 16 / 6 = 2.667
    const { org, waveId, code } = await organisation(
      db,
      "timed",
      levels.map((l) => person({ self_data: l })),
    );
    const submit = async (answers: Answers) => {
      const { token } = await startResponse(db, code, {}, "en");
      await submitResponse(db, code, token, { answers });
    };

    const before = await personalComparison(db, waveId, MIN);
    const reportBefore = await organisationReport(db, org, MIN, { waveId });
    expect(before.wave.n).toBe(6);
    expect(before.wave.means.data).toBeCloseTo(16 / 6, 10);

    await submit(person({ self_data: 5 }));
    const after = await personalComparison(db, waveId, MIN);
    const reportAfter = await organisationReport(db, org, MIN, { waveId });
    // Before the fix: n 7 and mean 3.000 (7 × 3 − 16 = 5, the newcomer's answer).
    expect(after.wave.n).toBe(6);
    expect(after.wave.means.data).not.toBeCloseTo(3, 10);
    expect(after.wave).toEqual(before.wave);
    expect(reportAfter.release).toEqual(reportBefore.release);
    expect(reportAfter.figures).toEqual(reportBefore.figures);

    // Control: with 5 new responses the wave is released again and the figures move.
    const newcomers = [5, 4, 4, 5, 1];
    for (const l of newcomers.slice(1)) await submit(person({ self_data: l }));
    const later = await personalComparison(db, waveId, MIN);
    expect(later.wave.n).toBe(11);
    expect(later.wave.means.data).toBeCloseTo((16 + newcomers.reduce((x, y) => x + y, 0)) / 11, 10);
    const reportLater = await organisationReport(db, org, MIN, { waveId });
    expect(reportLater.figures.responses).toBe(11);
    expect(reportLater.release!.seq).toBeGreaterThan(reportBefore.release!.seq);
  });

  // Attack: "other organisations" for a department subtracted only that department ("… 0% of 20").
  it("5. 'other organisations' for a department leaves out the whole own organisation", async () => {
    const db = createTestDb();
    const own = [...generated(50, 20, { department: "Big" }), ...generated(51, 6, { department: "Small" })];
    const { org } = await organisation(db, "own", own, ["Big", "Small"]);
    const others = Array.from({ length: 6 }, (_, o) => generated(60 + o, 8));
    for (const [o, people] of others.entries()) await organisation(db, `peer-${o}`, people);

    const scope = await resolveScope(db, org, { department: "Big" }, MIN);
    expect(scope.status).toBe("ok");
    expect(scope.options.departments).toEqual([{ name: "Big", shown: true }, { name: "Small", shown: true }]);
    const f1 = (await summaryData(db, scope, "en")).findings!.f1;
    expect(f1.organisation.suppressed).toBe(false);
    expect(f1.benchmark.suppressed).toBe(false);
    const benchmark = (f1.benchmark as F1 & { suppressed: false }).agree;
    expect(benchmark.n).toBe(cuAnswered([...own, ...others.flat()]).length);

    const ownN = cuAnswered(own).length; // the whole organisation: 26 people
    const bigN = cuAnswered(own.slice(0, 20)).length;
    expect(ownN).toBe(26);
    // Before the fix: benchmark − Big (20), which still counts Small's 6 people as "other organisations".
    expect(f1.vsOthers?.others.n).toBe(benchmark.n - ownN);
    expect(f1.vsOthers?.others.n).not.toBe(benchmark.n - bigN);
    expect(f1.vsOthers?.others).toEqual({ count: cuAgree(others.flat()).length, n: cuAnswered(others.flat()).length });
    const sentence = f1.sentences.find((s) => s.includes("other organisations"));
    expect(sentence).toContain(`of ${benchmark.n - ownN} respondents`);
  });
});
