/*
 * Rows written through drizzle with db/schema-pg.ts on a real PostgreSQL server read back equal:
 * ids from the identity columns, the ISO time defaults, JSON kept as text, 0/1 flags as booleans,
 * and the counter vectors as Buffers through bytea. The change-feed triggers write what SQLite's do.
 */
import crypto from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { encodeCounters } from "../../../core/counter-codec";
import { migratePostgres } from "../../../db/pg/migrate";
import { aggReleases, aggWaveCells, changeFeed, organisations, rateLimits, responses, waves } from "../../../db/schema-pg";
import { freshPgDatabase, openPgForTest } from "../../helpers/pg-test-db";

const { pool, db } = openPgForTest(await freshPgDatabase("rt"));
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

beforeAll(() => migratePostgres(pool));

describe("a round trip through drizzle on PostgreSQL", () => {
  it("stores an organisation, a wave, a submitted response and a cell with its counter blob, and reads them back equal", async () => {
    const before = Date.now();
    const [org] = await db
      .insert(organisations)
      .values({ slug: "acme", name: "Acme", sector: "Manufacturing", sizeBand: "medium", departments: ["Sales", "Ops"] })
      .returning();
    expect(org!.id).toBe(1);
    expect(org!.departments).toEqual(["Sales", "Ops"]);
    expect(org!.createdAt).toMatch(ISO_MS);
    expect(Math.abs(Date.parse(org!.createdAt) - before)).toBeLessThan(60_000);
    // JSON stays text in the database, exactly as SQLite stores it.
    const raw = await pool.query("select departments, pg_typeof(departments)::text as type from organisations");
    expect(raw.rows[0]).toEqual({ departments: '["Sales","Ops"]', type: "text" });

    const [wave] = await db.insert(waves).values({ orgId: org!.id, label: "2026-Q4", questionnaireVersion: 1, code: "ACME-Q4" }).returning();
    expect(wave).toMatchObject({ orgId: org!.id, status: "open", opensAt: null });

    const response = {
      id: "r_" + crypto.randomBytes(8).toString("hex"),
      waveId: wave!.id,
      status: "submitted" as const,
      tokenHash: crypto.createHash("sha256").update("token").digest("hex"),
      locale: "en",
      department: "Sales",
      seniority: "senior_leader" as const,
      selfData: 4,
      selfAi: 1,
      orgData: "partly" as const,
      vision: 0,
      // A knowledge check drawn into a slot, and its answer.
      checkData1Item: "data-b1",
      checkData1: "dont_know" as const,
      createdAt: "2026-11-28T10:00:00.000Z",
      updatedAt: "2026-11-28T10:05:00.000Z",
      submittedAt: "2026-11-28T10:05:00.000Z",
      released: true,
    };
    await db.insert(responses).values(response);
    const [stored] = await db.select().from(responses).where(eq(responses.id, response.id));
    expect(stored).toEqual({
      ...response,
      step: 0,
      writes: 0,
      selfSecurity: null,
      selfCoding: null,
      selfMobile: null,
      selfSocial: null,
      selfAnalytics: null,
      selfCloud: null,
      orgSecurity: null,
      orgCoding: null,
      orgMobile: null,
      orgSocial: null,
      orgAnalytics: null,
      orgCloud: null,
      orgAi: null,
      ldAwareness: null,
      customerUnderstanding: null,
      voidedAt: null,
      // Every other knowledge-check slot is empty.
      ...Object.fromEntries(
        Object.keys(stored!)
          .filter((k) => /^check[A-Z]/.test(k) && k !== "checkData1Item" && k !== "checkData1")
          .map((k) => [k, null]),
      ),
    });
    expect(Object.keys(stored!).filter((k) => /^check[A-Z]/.test(k))).toHaveLength(32);
    expect((await pool.query("select released from responses")).rows).toEqual([{ released: 1 }]);

    const counters = encodeCounters(Array.from({ length: 300 }, (_, i) => (i % 7 === 0 ? i * 1_000 : 0)));
    expect(counters.length).toBeGreaterThan(0);
    const withEveryByte = Buffer.concat([counters, Buffer.from(Array.from({ length: 256 }, (_, i) => i))]);
    await db.insert(aggWaveCells).values([
      { waveId: wave!.id, department: "Sales", seniority: "senior_leader", n: 1, counters },
      { waveId: wave!.id, department: "", seniority: "", n: 0, counters: withEveryByte },
    ]);
    const cells = await db.select().from(aggWaveCells).orderBy(asc(aggWaveCells.department));
    expect(cells.map((c) => c.counters).every((b) => Buffer.isBuffer(b))).toBe(true);
    expect(cells).toEqual([
      { waveId: wave!.id, department: "", seniority: "", n: 0, counters: withEveryByte },
      { waveId: wave!.id, department: "Sales", seniority: "senior_leader", n: 1, counters },
    ]);
  });

  it("keeps the SQLite constraints: checks, unique keys and foreign keys refuse what SQLite refuses", async () => {
    const [org] = await db.insert(organisations).values({ slug: "checks", name: "C", sector: "IT", sizeBand: "small" }).returning();
    const [wave] = await db.insert(waves).values({ orgId: org!.id, label: "w", questionnaireVersion: 1, code: "CHECKS" }).returning();
    const base = { waveId: wave!.id, locale: "en", createdAt: "2026-11-28T10:00:00.000Z", updatedAt: "2026-11-28T10:00:00.000Z" };
    const refusal = async (p: Promise<unknown>) => ((await p.then(() => undefined, (e: { cause?: { message?: string } }) => e.cause?.message)) ?? "accepted");
    expect(await refusal(db.insert(responses).values({ ...base, id: "a", selfData: 6 }))).toMatch(/self_range/);
    expect(await refusal(db.insert(responses).values({ ...base, id: "b", vision: 6 }))).toMatch(/agree_range/);
    expect(await refusal(db.insert(responses).values({ ...base, id: "c", status: "submitted" }))).toMatch(/submitted_has_time/);
    expect(await refusal(db.insert(waves).values({ orgId: org!.id, label: "w", questionnaireVersion: 1, code: "OTHER" }))).toMatch(/waves_org_label/);
    expect(await refusal(db.insert(waves).values({ orgId: 999_999, label: "x", questionnaireVersion: 1, code: "NOORG" }))).toMatch(/foreign key/);
    // Epoch milliseconds fit (bigint) and read back as numbers.
    await db.insert(rateLimits).values({ key: "start:x", tokens: 1199.5, updatedMs: 1_795_861_075_208 });
    expect(await db.select().from(rateLimits)).toEqual([{ key: "start:x", tokens: 1199.5, updatedMs: 1_795_861_075_208 }]);
  });

  it("writes the change feed from triggers, like SQLite migration 0008", async () => {
    const [a] = await db.insert(organisations).values({ slug: "feed-a", name: "A", sector: "IT", sizeBand: "small" }).returning();
    const [b] = await db.insert(organisations).values({ slug: "feed-b", name: "B", sector: "IT", sizeBand: "small" }).returning();
    const [wave] = await db.insert(waves).values({ orgId: a!.id, label: "f", questionnaireVersion: 1, code: "FEED" }).returning();
    await db.delete(changeFeed);
    const feed = async () => (await db.select({ orgId: changeFeed.orgId }).from(changeFeed).orderBy(asc(changeFeed.id))).map((r) => r.orgId);

    await db.insert(aggReleases).values({ waveId: wave!.id, seq: 1, n: 5, releasedAt: "2026-11-28T10:00:00.000Z", plan: "{}", counters: Buffer.from([1, 2]) });
    await db.update(aggReleases).set({ seq: 2 }).where(eq(aggReleases.waveId, wave!.id));
    expect(await feed()).toEqual([a!.id, a!.id]);
    await db.update(organisations).set({ name: "renamed" }).where(eq(organisations.id, b!.id));
    expect(await feed()).toEqual([a!.id, a!.id]);
    await db.update(organisations).set({ sector: "Retail" }).where(eq(organisations.id, b!.id));
    expect(await feed()).toEqual([a!.id, a!.id, b!.id]);
    await db.update(waves).set({ orgId: b!.id }).where(eq(waves.id, wave!.id));
    expect(await feed()).toEqual([a!.id, a!.id, b!.id, a!.id, b!.id]);
    await db.delete(aggReleases).where(eq(aggReleases.waveId, wave!.id));
    await db.delete(waves).where(eq(waves.id, wave!.id));
    expect(await feed()).toEqual([a!.id, a!.id, b!.id, a!.id, b!.id, b!.id, b!.id]);
    const [row] = await db.select().from(changeFeed).limit(1);
    expect(row!.at).toMatch(ISO_MS);
  });
});
