/*
 * Issue 16, finding 3: a burst of fake submissions is found, voided (audited) and leaves every
 * figure, with the aggregates equal to a full rebuild from the remaining responses.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { insertOrganisation, insertSubmittedResponse, insertWave } from "../../db/factories";
import { rebuildAggregates } from "../../db/queries/aggregates";
import { listAudit } from "../../db/queries/audit";
import { countByStatus } from "../../db/queries/submissions";
import { insertUser } from "../../db/queries/users";
import { findBursts, previewVoid, submissionActivity, voidSubmissions } from "../../lib/admin/submissions";
import { counter } from "../../core/counters";
import { currentRelease } from "../../lib/disclosure/releases";
import { completeAnswers } from "../../harness/answers";
import type { Answers } from "../../core/answers";
import type { Organisation, Wave } from "../../db/schema";
import { createTestDb } from "../helpers/test-db";

const MIN = 5;

describe("voiding a burst of submissions", () => {
  const db = createTestDb();
  let org: Organisation;
  let wave: Wave;
  let actor: { id: number; email: string };

  // 30 genuine responses, one a minute from 10:00, each started 6 minutes before it was sent.
  const genuine = async (k: number, at: string) => {
    await insertSubmittedResponse(db, { id: `g${k}`, waveId: wave.id, answers: { ...completeAnswers(k % 2 ? "Sales" : "Ops"), customer_understanding: 1 + (k % 5) }, submittedAt: at });
    await db.sql.run("update responses set created_at = ? where id = ?", [new Date(Date.parse(at) - 6 * 60_000).toISOString(), `g${k}`]);
  };
  beforeAll(async () => {
    org = await insertOrganisation(db, { slug: "stuffed", name: "Stuffed Ltd", sector: "Retail", sizeBand: "small", departments: ["Sales", "Ops"] });
    wave = await insertWave(db, { orgId: org.id, label: "2026-Q4", questionnaireVersion: 1, code: "stuffed-q4" });
    const admin = await insertUser(db, { email: "admin@void.test", name: "Admin", role: "admin", passwordHash: "x" });
    actor = { id: admin.id, email: admin.email };
    for (let k = 0; k < 30; k++) await genuine(k, new Date(Date.UTC(2026, 10, 20, 10, k, 30)).toISOString());
    // 40 fakes at 10:31, each sent the moment it was started, all "strongly agree".
    for (let k = 0; k < 40; k++) {
      await insertSubmittedResponse(db, { id: `f${k}`, waveId: wave.id, answers: { ...completeAnswers("Sales"), customer_understanding: 5 }, submittedAt: new Date(Date.UTC(2026, 10, 20, 10, 31, k)).toISOString() });
    }
  });
  const input = { from: "2026-11-20T10:31", to: "2026-11-20T10:32", fast: "on", reason: "Scripted burst from one address" };
  const waveTotals = () => db.sql.get("select * from agg_waves where wave_id = ?", [wave.id]);
  const cells = async () =>
    (await db.sql.all<{ department: string; seniority: string; n: number; counters: Uint8Array }>("select department, seniority, n, counters from agg_wave_cells where wave_id = ? order by department, seniority", [wave.id])).map(
      (c) => ({ ...c, counters: Buffer.from(c.counters).toString("hex") }),
    );

  it("shows the burst: one minute of 40 submissions, all within 30 s of starting, against a usual 1 a minute", async () => {
    const activity = await submissionActivity(db, org, wave);
    expect(activity.counts).toEqual({ draft: 0, submitted: 70, voided: 0 });
    expect(activity.fast).toBe(40);
    expect(activity.usualPerMinute).toBe(1);
    expect(activity.busiestMinute).toEqual({ minute: "2026-11-20T10:31", submitted: 40, fast: 40 });
    expect(activity.bursts).toEqual([{ from: "2026-11-20T10:31:00.000Z", to: "2026-11-20T10:32:00.000Z", submitted: 40, fast: 40 }]);
  });

  it("flags a steady high rate only when it stands out, and merges adjacent minutes", () => {
    const m = (minute: string, submitted: number, fast = 0) => ({ minute, submitted, fast });
    expect(findBursts([m("2026-01-01T09:00", 12), m("2026-01-01T09:01", 12), m("2026-01-01T09:02", 12)])).toEqual([]);
    expect(findBursts([m("2026-01-01T09:00", 1), m("2026-01-01T09:05", 1), m("2026-01-01T09:06", 20), m("2026-01-01T09:07", 15), m("2026-01-01T09:09", 1)])).toEqual([
      { from: "2026-01-01T09:06:00.000Z", to: "2026-01-01T09:08:00.000Z", submitted: 35, fast: 0 },
    ]);
    expect(findBursts([m("2026-01-01T09:00", 6, 5)])).toHaveLength(1);
  });

  it("releases the stuffed state first (the figures a lead saw include the fakes)", async () => {
    expect((await currentRelease(db, wave.id, MIN))?.n).toBe(70);
  });

  it("names every bad field and changes nothing", async () => {
    const bad = await previewVoid(db, wave, { from: "yesterday", to: "2026-11-20T10:00", fast: "maybe", reason: "x" });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(Object.keys(bad.fields).sort()).toEqual(["fast", "from", "reason"]);
    expect(bad.fields.from).toMatch(/UTC/);
    const reversed = await previewVoid(db, wave, { ...input, from: "2026-11-20T10:32", to: "2026-11-20T10:31" });
    expect(reversed).toEqual({ ok: false, fields: { to: "The end must be after the start" } });
    expect(await voidSubmissions(db, org, wave, input, 0, actor)).toEqual({ ok: false, fields: { form: expect.stringMatching(/Preview/) } });
    expect(await countByStatus(db, wave.id)).toEqual({ draft: 0, submitted: 70, voided: 0 });
  });

  it("previews 40 in the window, and voids nothing when the window no longer holds the previewed count", async () => {
    expect(await previewVoid(db, wave, input)).toEqual({ ok: true, value: { matching: 40 } });
    const before = await waveTotals();
    const stale = await voidSubmissions(db, org, wave, input, 39, actor);
    expect(stale).toEqual({ ok: false, fields: { form: expect.stringContaining("40") } });
    expect((await countByStatus(db, wave.id)).voided).toBe(0);
    expect(await waveTotals()).toEqual(before);
    expect((await listAudit(db, 10)).total).toBe(0);
  });

  it("voids the 40, audited; the aggregates equal a rebuild from the 30 genuine; the figures are released without them", async () => {
    const result = await voidSubmissions(db, org, wave, input, 40, actor);
    expect(result).toEqual({ ok: true, value: { voided: 40, released: true } });
    expect(await countByStatus(db, wave.id)).toEqual({ draft: 0, submitted: 30, voided: 40 });
    const voided = await db.sql.all<{ id: string; voided_at: string | null }>("select id, voided_at from responses where status = 'voided' order by id");
    expect(voided.map((r) => r.id).every((id) => id.startsWith("f"))).toBe(true);
    expect(voided.every((r) => r.voided_at !== null)).toBe(true);

    const incremental = { totals: await waveTotals(), cells: await cells() };
    await rebuildAggregates(db);
    expect({ totals: await waveTotals(), cells: await cells() }).toEqual(incremental);
    expect((incremental.totals as { n: number }).n).toBe(30);

    const release = (await currentRelease(db, wave.id, MIN))!;
    expect(release.n).toBe(30);
    // customer_understanding of the genuine 30: 1..5 six times each, so 12 agree (4 or 5); the fakes all agreed.
    expect(counter(release.totals, "n")).toBe(30);
    expect(counter(release.totals, "cu_4") + counter(release.totals, "cu_5")).toBe(12);
    expect(await db.sql.value("select count(*) from agg_void_cells")).toBe(0);

    const [entry] = (await listAudit(db, 10)).entries;
    expect(entry).toMatchObject({ action: "responses_voided", userEmail: "admin@void.test", scope: "stuffed/2026-Q4", rows: 40, status: "completed" });
    expect(entry!.detail).toBe("submitted from 2026-11-20T10:31:00.000Z to 2026-11-20T10:32:00.000Z (UTC), within 30 s of starting; reason: Scripted burst from one address");
    expect((await submissionActivity(db, org, wave)).voids).toHaveLength(1);
  });

  it("a void too small to hide in the difference waits for more responses before the figures change", async () => {
    const small = { from: "2026-11-20T10:00", to: "2026-11-20T10:02", fast: "", reason: "Two test submissions by the admin" };
    expect(await previewVoid(db, wave, small)).toEqual({ ok: true, value: { matching: 2 } });
    expect(await voidSubmissions(db, org, wave, small, 2, actor)).toEqual({ ok: true, value: { voided: 2, released: false } });
    // The release still holds 30 (differencing 30 and 28 would show the two voided responses).
    expect((await currentRelease(db, wave.id, MIN))?.n).toBe(30);
    expect(await db.sql.value("select sum(n) from agg_void_cells")).toBe(2);
    // Three more arrive: 2 voided + 3 new = 5 changed responses, enough to release 31.
    for (let k = 0; k < 3; k++) await genuine(100 + k, new Date(Date.UTC(2026, 10, 21, 9, k)).toISOString());
    expect((await currentRelease(db, wave.id, MIN))?.n).toBe(31);
    expect(await db.sql.value("select count(*) from agg_void_cells")).toBe(0);
  });
});

describe("a void that also takes never-released responses", () => {
  // Found by the adversary (seed 20261128, case 546): 7 released, 3 more pending, a window voids the
  // last 2 released and the 3 pending. Counting the pending 3 as "changed" let a release of 5 out,
  // and 7 − 5 showed the 2 voided released responses.
  const db = createTestDb();
  const at = (k: number) => new Date(Date.UTC(2026, 10, 20, 9, k)).toISOString();

  it("counts only the released voided responses as removed, and keeps the release of 7 until the change is large enough", async () => {
    const org = await insertOrganisation(db, { slug: "mixed", name: "Mixed Ltd", sector: "Retail", sizeBand: "small", departments: [] });
    const wave = await insertWave(db, { orgId: org.id, label: "w", questionnaireVersion: 1, code: "mixed-w" });
    const admin = await insertUser(db, { email: "admin@mixed.test", name: "Admin", role: "admin", passwordHash: "x" });
    const submit = async (k: number) => {
      const answers: Answers = { ...completeAnswers(), customer_understanding: 1 + (k % 5) };
      delete answers.department; // this organisation lists no departments
      await insertSubmittedResponse(db, { id: `m${k}`, waveId: wave.id, answers, submittedAt: at(k) });
    };
    for (let k = 0; k < 7; k++) await submit(k);
    expect((await currentRelease(db, wave.id, MIN))?.n).toBe(7);
    for (let k = 7; k < 10; k++) await submit(k);
    expect((await currentRelease(db, wave.id, MIN))?.n).toBe(7); // 3 new: not yet
    const window = { from: at(5).slice(0, 16), to: at(10).slice(0, 16), fast: "", reason: "Test window" };
    expect(await voidSubmissions(db, org, wave, window, 5, { id: admin.id, email: admin.email })).toEqual({ ok: true, value: { voided: 5, released: false } });
    expect(await db.sql.value("select sum(n) from agg_void_cells")).toBe(2);
    expect((await currentRelease(db, wave.id, MIN))?.n).toBe(7);
    // Three more: 2 removed + 3 added are 5 changed responses, so 5 − 2 + 3 = 8 may be released.
    for (let k = 10; k < 13; k++) await submit(k);
    expect((await currentRelease(db, wave.id, MIN))?.n).toBe(8);
  });
});
