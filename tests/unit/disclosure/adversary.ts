/*
 * The property-based adversary of issue 11 (docs/privacy.md, "Proof"). Random organisations with
 * departments, seniority levels and skipped items, answered in batches, read by every output path
 * after each batch (a lead who reads again later), and sometimes a window of submissions voided by an
 * admin (issue 16) and read again. The adversary knows every answer, so it can name
 * the exact set of people behind every figure it is shown, and checks, over all readings together:
 *   1. every shown figure's stated base equals the people it should count (the figures are what
 *      they claim to be) and has at least MIN people;
 *   2. no two shown figures of one answer with nested bases differ by 1..MIN−1 people;
 *   3. no department × seniority cell (restricted to the people who answered), and nothing one
 *      gained or lost between two readings, with 1..MIN−1 people lies in the span of the shown bases of that
 *      answer (exact integer elimination, independent of the module's floating-point algebra);
 *   4. every `n` a dashboard JSON states is the size of a base the adversary already accounted for.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, type Db } from "../../../db/client";
import { findOrganisationBySlug } from "../../../db/queries/organisations";
import { releaseStatus } from "../../../db/queries/releases";
import { countSelection, voidSelection } from "../../../db/queries/submissions";
import { currentRelease } from "../../../lib/disclosure/releases";
import { insertOrganisation, insertSubmittedResponse, insertWave } from "../../../db/factories";
import { organisationReport, personalComparison, type OrganisationReport } from "../../../lib/benchmark/report";
import { organisationAggregateRows, AGGREGATE_COLUMNS } from "../../../lib/benchmark/tables";
import { analysisData } from "../../../lib/dashboard/analysis";
import { prioritiesData } from "../../../lib/dashboard/priorities-view";
import { resolveScope } from "../../../lib/dashboard/scope";
import { summaryData } from "../../../lib/dashboard/summary";
import type { Answers } from "../../../core/answers";

const MIN = 5;
const CAPS = ["data", "security", "coding", "mobile", "social", "analytics", "cloud", "ai"] as const;
const LEVELS = ["staff", "manager", "senior_leader", "executive"] as const;
const SENIOR = new Set(["senior_leader", "executive"]);
const STAFF = new Set(["staff", "manager"]);
/**
 * Fixed so a failure can be replayed; the case count is part of the proof (issue 11). The 1,000 cases
 * run as two halves, one per test file (adversary-1.test.ts: seed 20261128, adversary-2.test.ts:
 * 20261129), so the two cores of the test machine share them.
 */
const SEED = 20261128;
const RUNS = Number(process.env.ADVERSARY_RUNS ?? 1000);
const HALVES = 2;

type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;
type Person = { id: number; org: number; department: string; seniority: string; answers: Answers };

// ── Random organisations ─────────────────────────────────────────────────────────────

const personArb = (departments: number) =>
  fc.record({
    department: fc.integer({ min: 0, max: departments - 1 }),
    seniority: fc.constantFrom(...LEVELS),
    self: fc.array(fc.constantFrom(1, 2, 3, 4, 5, 4, 5, 5), { minLength: 8, maxLength: 8 }),
    org: fc.array(fc.constantFrom("yes", "yes", "partly", "no", "dont_know"), { minLength: 8, maxLength: 8 }),
    agree: fc.array(fc.constantFrom<number | "dont_know">(1, 2, 3, 4, 5, 4, 5, "dont_know"), { minLength: 3, maxLength: 3 }),
    /** Which of the 19 items this person skipped (imported data can leave items empty). */
    skipped: fc.array(fc.boolean(), { minLength: 19, maxLength: 19 }),
  });

/**
 * `large`: organisations of 15–40 people (the default, 0–36 at fast-check's small sizes, rarely
 * shows the findings' groups together). Large cases run without voids: see `largeAdversary`.
 */
const caseArbOf = (large: boolean) => fc
  .record({ departments: fc.integer({ min: 1, max: 3 }), skipRate: fc.constantFrom(0, 0, 0.05, 0.25) })
  .chain(({ departments, skipRate }) =>
    fc.record({
      departments: fc.constant(departments),
      skipRate: fc.constant(skipRate),
      people: fc.array(personArb(departments), large ? { minLength: 15, maxLength: 40, size: "max" } : { minLength: 0, maxLength: 36 }),
      /** Batch sizes: the lead reads after each batch. */
      batches: fc.array(fc.integer({ min: 1, max: 14 }), { minLength: 1, maxLength: 4 }),
      /**
       * After each batch, often nothing, sometimes an admin voids the responses submitted in a window
       * (from the start-th to the (start+length−1)-th submitted so far, wrapping), read afterwards.
       */
      voids: fc.array(fc.oneof(fc.constant(null), fc.constant(null), fc.record({ start: fc.nat(40), length: fc.integer({ min: 1, max: 12 }) })), { minLength: 4, maxLength: 4 }),
      /** Other organisations' sizes (a benchmark to compare with), often none. */
      others: fc.oneof(fc.constant([] as number[]), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 8 })),
    }),
  );

function toAnswers(p: ValueOf<ReturnType<typeof personArb>> | { self: number[]; org: string[]; agree: (number | "dont_know")[]; skipped: boolean[] }, skip: (i: number) => boolean): Answers {
  const a: Answers = {};
  CAPS.forEach((c, i) => {
    if (!skip(i)) a[`self_${c}`] = p.self[i]!;
    if (!skip(8 + i)) a[`org_${c}`] = p.org[i]!;
  });
  (["vision", "ld_awareness", "customer_understanding"] as const).forEach((item, i) => {
    if (!skip(16 + i)) a[item] = p.agree[i]!;
  });
  return a;
}

// ── What a figure is built from, as the adversary sees it ─────────────────────────────

const answered = (p: Person, item: string) => p.answers[item] !== undefined && p.answers[item] !== null;
const agrees = (p: Person, item: string) => typeof p.answers[item] === "number" && (p.answers[item] as number) >= 4;
const repAnswered = (p: Person) => ["org_data", "org_security", "org_coding"].every((i) => answered(p, i));
const allThree = (p: Person) => ["org_data", "org_security", "org_coding"].every((i) => p.answers[i] === "yes");
const complete = (p: Person) => CAPS.every((c) => answered(p, `self_${c}`));

type Figure = { reading: number; quantity: string; set: bigint; size: number; stated?: number; where: string };

const bit = (p: Person) => 1n << BigInt(p.id);
function setOf(people: readonly Person[], pred: (p: Person) => boolean): { set: bigint; size: number } {
  let set = 0n;
  let size = 0;
  for (const p of people) if (pred(p)) {
    set |= bit(p);
    size++;
  }
  return { set, size };
}

type ViewPred = (p: Person) => boolean;

/** Every shown figure of an organisation report, with the people behind it. */
function reportFigures(r: OrganisationReport, people: readonly Person[], inView: ViewPred, reading: number, where: string, out: Figure[]): void {
  const add = (quantity: string, pred: ViewPred, stated?: number) => out.push({ reading, quantity, ...setOf(people, (p) => inView(p) && pred(p)), stated, where });
  const f = r.figures.findings;
  if (!f.f1.suppressed) add("cu", (p) => answered(p, "customer_understanding"), f.f1.agree.n);
  const splits = [
    ["f2", repAnswered, allThree],
    ["f3", (p: Person) => answered(p, "vision"), (p: Person) => agrees(p, "vision")],
    ["f4", (p: Person) => answered(p, "ld_awareness"), (p: Person) => agrees(p, "ld_awareness")],
  ] as const;
  for (const [k, has, yes] of splits) {
    const s = f[k];
    if (s.suppressed) continue;
    add("cu", (p) => answered(p, "customer_understanding") && has(p) && yes(p), s.yes.n);
    add("cu", (p) => answered(p, "customer_understanding") && has(p) && !yes(p), s.no.n);
  }
  if (!f.f5.suppressed) {
    for (const [group, members] of [["senior", SENIOR], ["staff", STAFF]] as const) {
      const g = f.f5[group];
      const inGroup = (p: Person) => members.has(p.seniority);
      // The group's size is a count of people (no answer): audited with the other group counts.
      add("group", inGroup, g.n);
      add("all3", (p) => inGroup(p) && repAnswered(p), g.allThree.n);
      for (const c of CAPS) {
        add(`org_${c}`, (p) => inGroup(p) && answered(p, `org_${c}`));
        add(`self_${c}`, (p) => inGroup(p) && answered(p, `self_${c}`));
      }
    }
  }
  for (const c of r.figures.capabilities) {
    if (!c.coverage.suppressed) add(`self_${c.capability}`, (p) => answered(p, `self_${c.capability}`), c.coverage.n);
    if (!c.perceived.suppressed) add(`org_${c.capability}`, (p) => answered(p, `org_${c.capability}`), c.perceived.n);
  }
  if (!r.figures.index.suppressed) add("index", complete, r.figures.index.n);
  if (!r.figures.alpha.suppressed) add("index", complete, r.figures.alpha.n);
}

// ── Exact linear algebra over the integers ────────────────────────────────────────────

/** Row echelon basis of 0/1 vectors (as bigint bitmasks over `width` people), fraction-free. */
class Span {
  private rows: { pivot: number; v: bigint[] }[] = [];
  constructor(private width: number) {}
  private vec(mask: bigint): bigint[] {
    return Array.from({ length: this.width }, (_, i) => ((mask >> BigInt(i)) & 1n ? 1n : 0n));
  }
  private reduce(v: bigint[]): bigint[] {
    for (const { pivot, v: r } of this.rows) {
      if (v[pivot] === 0n) continue;
      const a = r[pivot]!;
      const b = v[pivot]!;
      v = v.map((x, i) => x * a - r[i]! * b);
    }
    return v;
  }
  add(mask: bigint): void {
    const v = this.reduce(this.vec(mask));
    const pivot = v.findIndex((x) => x !== 0n);
    if (pivot >= 0) this.rows.push({ pivot, v });
  }
  contains(mask: bigint): boolean {
    return this.reduce(this.vec(mask)).every((x) => x === 0n);
  }
}

const popcount = (x: bigint) => {
  let n = 0;
  while (x) {
    x &= x - 1n;
    n++;
  }
  return n;
};

// ── One case ──────────────────────────────────────────────────────────────────────────

const caseArb = caseArbOf(false);
type Case = ValueOf<typeof caseArb>;

/** A migrated empty database, copied for each case (migrating a thousand files would dominate the run). */
let template: string | undefined;
let caseNo = 0;

async function runCase(c: Case, voids = true): Promise<string | null> {
  if (!template) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "digiskills-adversary-"));
    template = path.join(dir, "template.db");
    const t = openDatabase(template);
    t.$client.pragma("wal_checkpoint(TRUNCATE)");
    t.$client.close();
  }
  const file = path.join(path.dirname(template), `case-${caseNo++}.db`);
  fs.copyFileSync(template, file);
  const db: Db = openDatabase(file);
  try {
    return await adversary(db, c, voids);
  } finally {
    await closeDatabase(db);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  }
}

async function adversary(db: Db, c: Case, voids: boolean): Promise<string | null> {
  const departments = Array.from({ length: c.departments }, (_, i) => `D${i + 1}`);
  const people: Person[] = [];
  let nextId = 0;
  // Skips are decided from the case's rate and each person's skip flags, reproducibly.
  const skipper = (flags: boolean[], k: number) => (i: number) => c.skipRate > 0 && flags[i]! && (k * 7 + i * 13) % 100 < c.skipRate * 100 * 2;

  // Other organisations first (released as they are read), then the viewer's organisation.
  for (const [o, size] of c.others.entries()) {
    const org = await insertOrganisation(db, { slug: `other-${o}`, name: `Other ${o}`, sector: "Retail", sizeBand: "small", departments: [] });
    const wave = await insertWave(db, { orgId: org.id, label: "w", questionnaireVersion: 1, code: `other-${o}` });
    for (let i = 0; i < size; i++) {
      const template = c.people[(o + i) % Math.max(1, c.people.length)];
      const answers = template ? toAnswers(template, () => false) : { customer_understanding: 4 };
      const p: Person = { id: nextId++, org: org.id, department: "", seniority: "staff", answers: { ...answers, seniority: "staff" } };
      people.push(p);
      await insertSubmittedResponse(db, { id: `p${p.id}`, waveId: wave.id, answers: p.answers, submittedAt: "2026-05-01T00:00:00Z" });
    }
  }
  const org = await insertOrganisation(db, { slug: "viewer", name: "Viewer", sector: "Retail", sizeBand: "small", departments });
  const wave = await insertWave(db, { orgId: org.id, label: "w", questionnaireVersion: 1, code: "viewer" });
  const own: Person[] = c.people.map((x, k) => ({
    id: nextId++,
    org: org.id,
    department: departments[x.department]!,
    seniority: x.seniority,
    answers: { ...toAnswers(x, skipper(x.skipped, k)), department: departments[x.department]!, seniority: x.seniority },
  }));
  const width = nextId;

  const figures: Figure[] = [];
  const cellSets: { reading: number; quantity: string; set: bigint }[] = [];
  let inserted = 0;
  let reading = 0;
  // Each of the viewer's people is submitted at its own second, so a void can pick a window.
  const at = (k: number) => new Date(Date.UTC(2026, 4, 1) + k * 1000).toISOString();
  const voided = new Set<Person>();
  // The people the wave's release holds: the live ones at the moment a new release was written.
  let releasedPeople: Person[] = [];
  let releasedSeq: number | null = null;
  const read = async (): Promise<string | null> => {
    const seq = (await currentRelease(db, wave.id, MIN))?.seq ?? null;
    if (seq !== releasedSeq) {
      releasedSeq = seq;
      releasedPeople = own.slice(0, inserted).filter((p) => !voided.has(p));
    }
    const failure = await readEverything(db, org.slug, wave.id, people, releasedPeople, departments, reading, figures, cellSets);
    reading++;
    return failure;
  };
  const cuts = [...c.batches, own.length];
  for (const [b, batch] of cuts.entries()) {
    const upto = Math.min(own.length, inserted + batch);
    for (; inserted < upto; inserted++) {
      const p = own[inserted]!;
      await insertSubmittedResponse(db, { id: `p${p.id}`, waveId: wave.id, answers: p.answers, submittedAt: at(inserted) });
    }
    const failure = await read();
    if (failure) return failure;
    const v = voids ? c.voids[b] : null;
    if (v && inserted > 0) {
      // An admin voids the submissions of a window (the real path: lib/admin/submissions.ts's query and transaction).
      const first = v.start % inserted;
      const last = Math.min(inserted, first + v.length);
      const selection = { waveId: wave.id, from: at(first), to: at(last), fasterThanSeconds: null };
      const expected = await countSelection(db, selection);
      if (expected > 0) {
        await voidSelection(db, selection, expected, { actor: await admin(db), scope: "viewer/w", detail: "adversary" });
        for (let k = first; k < last; k++) voided.add(own[k]!);
        const afterVoid = await read();
        if (afterVoid) return afterVoid;
      }
    }
    if (inserted >= own.length) break;
  }
  const verdict = judge(figures, cellSets, width);
  if (verdict && process.env.ADVERSARY_DEBUG) {
    const cells = await db.sql.all("select department, seniority, n from agg_release_cells where wave_id = ?", [wave.id]);
    return `${verdict}\ncells: ${JSON.stringify(cells)}\nplan: ${await db.sql.value<string>("select plan from agg_releases where wave_id = ?", [wave.id])}`;
  }
  return verdict;
}

async function readEverything(
  db: Db,
  slug: string,
  waveId: number,
  others: readonly Person[],
  released: readonly Person[],
  departments: readonly string[],
  reading: number,
  figures: Figure[],
  cellSets: { reading: number; quantity: string; set: bigint }[],
): Promise<string | null> {
  const org = (await findOrganisationBySlug(db, slug))!;
  const whole = await organisationReport(db, org, MIN, { waveId });
  // Other organisations' waves are released whole when first read (they never change here).
  const releasedOf = new Map<number, number>();
  for (const p of others) if (!releasedOf.has(p.org)) releasedOf.set(p.org, (await releaseStatus(db, await waveIdOf(db, p.org))).released ?? 0);
  const members = others.filter((p) => releasedOf.get(p.org)! > 0);
  // (the viewer's own people are added to pools from `released`, the people its release holds)
  const memberIds = new Set(members.map((p) => p.id));
  const views: { name: string; filter: { department?: string; seniority?: string }; pred: ViewPred }[] = [
    { name: "all", filter: {}, pred: () => true },
    ...departments.map((d) => ({ name: `department ${d}`, filter: { department: d }, pred: (p: Person) => p.department === d })),
    ...LEVELS.map((s) => ({ name: `seniority ${s}`, filter: { seniority: s }, pred: (p: Person) => p.seniority === s })),
  ];
  const before = figures.length;
  for (const v of views) {
    const r = v.name === "all" ? whole : await organisationReport(db, org, MIN, { waveId, filter: v.filter });
    reportFigures(r, released, v.pred, reading, `report ${v.name}`, figures);
    // The dashboards' JSON: every n they state must be a base accounted for above.
    const scope = await resolveScope(db, org, { ...v.filter } as never, MIN);
    if (scope.status === "ok") {
      const summary = await summaryData(db, scope, "en");
      const vs = summary.findings?.f1.vsOthers;
      if (vs) {
        // "Other organisations": the released members without this organisation.
        const inPool = others.filter((p) => memberIds.has(p.id));
        const shown = await shownByOrganisation(db, inPool);
        const othersInPool = inPool.filter((p) => shown.get(p.org)!.has("cu"));
        figures.push({ reading, quantity: "cu", ...setOf(othersInPool, (p) => answered(p, "customer_understanding")), stated: vs.others.n, where: `summary ${v.name} vs others` });
      }
      const analysis = await analysisData(db, scope, "en");
      const priorities = await prioritiesData(db, scope, "en");
      const json = JSON.stringify([summary, analysis, priorities].map((x) => ({ ...x, meta: undefined })));
      const sizes = new Set(figures.slice(before).map((f) => f.size));
      for (const m of json.matchAll(/"n":(\d+)/g)) {
        const n = Number(m[1]);
        if (!sizes.has(n) && !benchmarkSizes(whole).has(n)) return `dashboard ${v.name} states n = ${n}, which is not the base of any figure the report shows: …${json.slice(Math.max(0, m.index! - 160), m.index! + 20)}`;
      }
    }
  }
  // The benchmark's pooled figures: the released members' people (the viewer's release included),
  // of the organisations whose own release shows that figure for the whole wave.
  const pooled = [...members, ...released];
  const shownInPool = await shownByOrganisation(db, pooled);
  const pool = (key: string) => pooled.filter((p) => shownInPool.get(p.org)!.has(key));
  const b = whole.benchmark;
  if (!b.findings.f1.suppressed) figures.push({ reading, quantity: "cu", ...setOf(pool("cu"), (p) => answered(p, "customer_understanding")), stated: b.findings.f1.agree.n, where: "benchmark F1" });
  for (const cap of b.capabilities) if (!cap.coverage.suppressed) figures.push({ reading, quantity: `self_${cap.capability}`, ...setOf(pool(`self:${cap.capability}`), (p) => answered(p, `self_${cap.capability}`)), stated: cap.coverage.n, where: "benchmark coverage" });
  if (!b.index.suppressed) figures.push({ reading, quantity: "index", ...setOf(pool("index"), complete), stated: b.index.n, where: "benchmark index" });

  // The admin export of organisation aggregates (same plan as the dashboards).
  const col = (name: string) => AGGREGATE_COLUMNS.indexOf(name);
  for (const row of await organisationAggregateRows(db, org, MIN)) {
    if (row[col("status")] !== "shown") continue;
    const type = row[col("group_type")];
    const label = String(row[col("group")]);
    const pred: ViewPred = type === "all" ? () => true : type === "department" ? (p) => p.department === label : (p) => p.seniority === label;
    const push = (quantity: string, value: unknown, sel: ViewPred) => {
      if (value !== "") figures.push({ reading, quantity, ...setOf(released, (p) => pred(p) && sel(p)), where: `export ${type} ${label}` });
    };
    push("index", row[col("index_mean")], complete);
    push("cu", row[col("customer_understanding_agree_pct")], (p) => answered(p, "customer_understanding"));
    for (const c of CAPS) {
      push(`self_${c}`, row[col(`coverage_${c}_pct`)], (p) => answered(p, `self_${c}`));
      push(`org_${c}`, row[col(`perceived_${c}_pct`)], (p) => answered(p, `org_${c}`));
    }
  }
  // The personal report's comparison with the organisation.
  const personal = await personalComparison(db, waveId, MIN);
  for (const c of CAPS) if (personal.wave.means[c] !== undefined) figures.push({ reading, quantity: `self_${c}`, ...setOf(released, (p) => answered(p, `self_${c}`)), where: "personal report" });

  // Cells of the department × seniority table, per answer, as they stand in this release.
  const quantities: [string, ViewPred][] = [
    ["group", () => true],
    ["cu", (p) => answered(p, "customer_understanding")],
    ["index", complete],
    ["all3", repAnswered],
    ...CAPS.flatMap((c): [string, ViewPred][] => [
      [`self_${c}`, (p) => answered(p, `self_${c}`)],
      [`org_${c}`, (p) => answered(p, `org_${c}`)],
    ]),
  ];
  for (const d of departments) {
    for (const s of LEVELS) {
      for (const [q, pred] of quantities) cellSets.push({ reading, quantity: q, set: setOf(released, (p) => p.department === d && p.seniority === s && pred(p)).set });
    }
  }
  return null;
}

/** The admin who voids (the audit log names a user). */
async function admin(db: Db): Promise<{ id: number; email: string }> {
  const email = "admin@example.org";
  const id = await db.sql.value<number>("select id from users where email = ?", [email]);
  if (id !== undefined) return { id, email };
  const row = (await db.sql.get<{ id: number }>("insert into users (email, name, password_hash, role) values (?, 'Admin', 'x', 'admin') returning id", [email]))!;
  return { id: row.id, email };
}

/** The figures a wave's current release shows for the whole wave (none before its first release). */
async function shownInRelease(db: Db, waveId: number): Promise<Set<string>> {
  const plan = await db.sql.value<string>("select plan from agg_releases where wave_id = ?", [waveId]);
  return new Set(plan ? ((JSON.parse(plan) as { views: { all?: string[] } }).views.all ?? []) : []);
}

/** shownInRelease for the wave of each of these people's organisations, read now (the filters that use it cannot wait). */
async function shownByOrganisation(db: Db, people: readonly Person[]): Promise<Map<number, Set<string>>> {
  const shown = new Map<number, Set<string>>();
  for (const p of people) if (!shown.has(p.org)) shown.set(p.org, await shownInRelease(db, await waveIdOf(db, p.org)));
  return shown;
}

const waveIds = new WeakMap<Db, Map<number, number>>();
async function waveIdOf(db: Db, orgId: number): Promise<number> {
  let m = waveIds.get(db);
  if (!m) waveIds.set(db, (m = new Map()));
  if (!m.has(orgId)) m.set(orgId, (await db.sql.value<number>("select id from waves where org_id = ?", [orgId]))!);
  return m.get(orgId)!;
}

/** Sizes a dashboard may state that are about the benchmark (its pooled figures) rather than the organisation. */
function benchmarkSizes(r: OrganisationReport): Set<number> {
  const s = new Set<number>();
  const json = JSON.stringify(r.benchmark);
  for (const m of json.matchAll(/"n":(\d+)/g)) s.add(Number(m[1]));
  return s;
}

function judge(figures: Figure[], cellSets: { reading: number; quantity: string; set: bigint }[], width: number): string | null {
  for (const f of figures) {
    if (f.stated !== undefined && f.stated !== f.size) return `${f.where} (reading ${f.reading}) states n = ${f.stated} for ${f.quantity}, but ${f.size} people answered`;
    if (f.size < MIN) return `${f.where} (reading ${f.reading}) shows ${f.quantity} for ${f.size} people`;
  }
  const byQuantity = new Map<string, Figure[]>();
  for (const f of figures) {
    const list = byQuantity.get(f.quantity) ?? [];
    if (!list.some((g) => g.set === f.set)) list.push(f);
    byQuantity.set(f.quantity, list);
  }
  for (const [q, list] of byQuantity) {
    for (const a of list) {
      for (const b of list) {
        if (a === b || (a.set & ~b.set) !== 0n) continue; // a ⊂ b
        const d = popcount(b.set & ~a.set);
        if (d > 0 && d < MIN) return `${q}: ${b.where} (reading ${b.reading}, ${b.size}) minus ${a.where} (reading ${a.reading}, ${a.size}) isolates ${d} people`;
      }
    }
    const span = new Span(width);
    for (const f of list) span.add(f.set);
    const cells = cellSets.filter((x) => x.quantity === q);
    const candidates = [...cells.map((x) => x.set)];
    // What a cell gained, and what it lost to a void, between two readings.
    for (const a of cells) {
      for (const b of cells) {
        if (b.reading !== a.reading + 1 || b.set === a.set) continue;
        if ((b.set & ~a.set) !== 0n) candidates.push(b.set & ~a.set);
        if ((a.set & ~b.set) !== 0n) candidates.push(a.set & ~b.set);
      }
    }
    for (const set of candidates) {
      const n = popcount(set);
      if (n > 0 && n < MIN && span.contains(set)) return `${q}: a group of ${n} people is a sum or difference of shown figures`;
    }
  }
  return null;
}

/** Registers half `half` (0 or 1) of the adversary's cases: RUNS / 2 random organisations, seed SEED + half. */
export function adversaryHalf(half: number): void {
  const runs = Math.ceil(RUNS / HALVES);
  const seed = SEED + half;
  describe("the disclosure adversary", () => {
    it(`finds no group of 1–${MIN - 1} people in any combination of outputs (${runs} of ${RUNS} random organisations, seed ${seed})`, async () => {
      await fc.assert(
        fc.asyncProperty(caseArb, async (c) => {
          const failure = await runCase(c);
          expect(failure).toBeNull();
        }),
        { numRuns: runs, seed, endOnFailure: true },
      );
      if (template) fs.rmSync(path.dirname(template), { recursive: true, force: true });
    }, 1_200_000);
  });
}

/**
 * Larger organisations (15–40 people), read after each batch, without voids: the plan audits each
 * release against the previous one and against every figure's last shown base, which covers
 * arrivals over any number of releases. Voids across three or more releases are a known limit
 * (docs/privacy.md), so these cases leave them out.
 */
export function largeAdversary(runs: number, seed: number): void {
  describe("the disclosure adversary, larger organisations", () => {
    it(`finds no group of 1–${MIN - 1} people in any combination of outputs (${runs} random organisations of 15–40 people, seed ${seed})`, async () => {
      await fc.assert(
        fc.asyncProperty(caseArbOf(true), async (c) => {
          const failure = await runCase(c, false);
          expect(failure).toBeNull();
        }),
        { numRuns: runs, seed, endOnFailure: true },
      );
      if (template) fs.rmSync(path.dirname(template), { recursive: true, force: true });
    }, 1_200_000);
  });
}
