import fs from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createFixtureDb, describeOnly, LEAD, openFixtureDb, respondOnce } from "./fixture";
import { killServer, signInCookie, startServer, tempDir, type AppServer } from "../../harness/app-server";
import { closeDatabase, type Db } from "../../db/client";
import { createRng, generateAnswers, insertOrganisation, insertSubmittedResponse, insertWave } from "../../db/factories";
import { hashToken } from "../../core/tokens";
import { getQuestionnaire } from "../../questions";

/**
 * Two `next start` instances on ONE PostgreSQL database (the PostgreSQL pass's throwaway cluster,
 * tests/reliability/global-setup.ts; DATABASE_URL selects it): they start together (each runs the
 * migrator under the advisory lock), a lead signed in on one is signed in on the other, a response submitted through one is on
 * the other's dashboard JSON at its next request, a release made on one is in the other's benchmark,
 * and a rate limit spent on one is refused on the other.
 */
const dir = tempDir("postgres-instances");
let db: Db;
let a: AppServer;
let b: AppServer;

afterAll(async () => {
  await Promise.all([a && killServer(a, "SIGTERM"), b && killServer(b, "SIGTERM")]);
  if (db) await closeDatabase(db);
  fs.rmSync(dir, { recursive: true, force: true });
});

type Summary = {
  meta: { benchmark: { organisations: number; responses: number } };
  participation: { responses: number } | null;
  index: unknown;
  findings: unknown;
};

async function summary(server: AppServer, cookie: string): Promise<Summary> {
  const res = await fetch(`${server.url}/api/dashboard/rel-co/summary`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return (await res.json()) as Summary;
}

describeOnly("postgres", "instances-agree.test.ts is its SQLite twin")("two instances on one PostgreSQL database", () => {
  let cookie = "";
  beforeAll(async () => {
    const { database } = await createFixtureDb(dir); // a copy of the run's migrated template database
    db = openFixtureDb(database);
    // Another organisation already in the benchmark, so the benchmark changes when rel-co joins it.
    const rng = createRng(7);
    const peer = await insertOrganisation(db, { slug: "peer-co", name: "Peer Co", sector: "Retail", sizeBand: "medium", departments: [] });
    const wave = await insertWave(db, { orgId: peer.id, label: "2026", questionnaireVersion: 1, code: "peer-open" });
    for (let i = 0; i < 12; i++) {
      await insertSubmittedResponse(db, { id: `peer-${i}`, waveId: wave.id, answers: generateAnswers(rng, getQuestionnaire(1).capabilityIds, { maturity: -0.5, departments: [] }), submittedAt: "2026-05-01T00:00:00Z" });
    }
    // Both start together: each runs the migrator at start-up (nothing left to apply) and releases peer-co's wave.
    const env = { MIN_GROUP_SIZE: "5", RATE_LIMIT_START_PER_MIN: "20" };
    [a, b] = await Promise.all([startServer(database, env), startServer(database, env)]);
  });

  it("both started together on the migrated database; health says ok on both; every migration applied once", async () => {
    for (const server of [a, b]) expect(await (await fetch(`${server.url}/api/health`)).json()).toEqual({ status: "ok", database: "ok" });
    expect(await db.sql.value("select count(*) from drizzle.__drizzle_migrations")).toBe(fs.readdirSync("db/migrations-pg").filter((f) => f.endsWith(".sql")).length);
  });

  it("a lead signed in on A is signed in on B", async () => {
    cookie = await signInCookie(a.url, LEAD.email, LEAD.password);
    const before = await summary(b, cookie);
    expect(before.participation?.responses).toBe(0);
    expect(before.meta.benchmark).toEqual({ organisations: 1, responses: 12 });
  });

  it("a response submitted through A is stored once and counted on B's next request", async () => {
    const r = await respondOnce(a.url);
    expect(r.acknowledged).toBe(true);
    expect(await db.sql.value("select count(*) from responses where token_hash = ? and status = 'submitted'", [hashToken(r.token)])).toBe(1);
    expect((await summary(b, cookie)).participation?.responses).toBe(1);
  });

  it("a release made on A is in B's benchmark at B's next request, equal to A's", async () => {
    for (let i = 0; i < 4; i++) expect((await respondOnce(a.url)).acknowledged).toBe(true);
    const onA = await summary(a, cookie); // A releases rel-co's wave (5 responses): rel-co joins the benchmark
    expect(onA.findings).not.toBeNull();
    const onB = await summary(b, cookie);
    expect(onB.participation?.responses).toBe(5);
    expect(onB.meta.benchmark).toEqual({ organisations: 2, responses: 17 });
    expect(JSON.stringify(onB.findings)).toBe(JSON.stringify(onA.findings));
    expect(JSON.stringify(onB.index)).toBe(JSON.stringify(onA.index));
  });

  it("a per-address start limit spent on A is refused on B", async () => {
    // 20 starts a minute per address (set above); the five respondents spent 5. Spend the rest alternating.
    const start = (server: AppServer) => fetch(`${server.url}/api/survey/rel-open/start`, { method: "POST", body: "{}" });
    let accepted = 0;
    let refused: Response | undefined;
    for (let i = 0; i < 40 && !refused; i++) {
      const res = await start(i % 2 === 0 ? a : b);
      if (res.status === 429) refused = res;
      else {
        expect(res.status).toBe(201);
        accepted++;
      }
    }
    // One shared bucket: 15 more at most (plus what refilled meanwhile), where two buckets would take 30.
    expect(refused?.status).toBe(429);
    expect(accepted).toBeGreaterThanOrEqual(15);
    expect(accepted).toBeLessThan(20);
  });
});
