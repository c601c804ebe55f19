import fs from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createFixtureDb, describeOnly, LEAD, respondOnce } from "./fixture";
import { killServer, signInCookie, startServer, tempDir, type AppServer } from "../../harness/app-server";
import { openDatabase } from "../../db/client";
import { createRng, generateAnswers, insertOrganisation, insertSubmittedResponse, insertWave } from "../../db/factories";
import { getQuestionnaire } from "../../questions";

/**
 * Two `next start` processes on ONE SQLite file agree: what is submitted and released through one is
 * on the other's dashboards at its very next request (the change feed, migration 0008), and a lead
 * signed in on one is signed in on the other (same NEXTAUTH_SECRET, sessions in signed cookies
 * checked against the database).
 */
const dir = tempDir("instances-agree");
// SQLite in both passes (cheap); the servers start in the SQLite pass only.
const { dbPath } = await createFixtureDb(dir, "sqlite");
{
  // Another organisation already in the benchmark, so the benchmark changes when rel-co joins it.
  const db = openDatabase(dbPath);
  const rng = createRng(7);
  const org = await insertOrganisation(db, { slug: "peer-co", name: "Peer Co", sector: "Retail", sizeBand: "medium", departments: [] });
  const wave = await insertWave(db, { orgId: org.id, label: "2026", questionnaireVersion: 1, code: "peer-open" });
  for (let i = 0; i < 12; i++) {
    await insertSubmittedResponse(db, { id: `peer-${i}`, waveId: wave.id, answers: generateAnswers(rng, getQuestionnaire(1).capabilityIds, { maturity: -0.5, departments: [] }), submittedAt: "2026-05-01T00:00:00Z" });
  }
  db.$client.close();
}

let a: AppServer;
let b: AppServer;
afterAll(async () => {
  await Promise.all([a && killServer(a, "SIGTERM"), b && killServer(b, "SIGTERM")]);
  fs.rmSync(dir, { recursive: true, force: true });
});

type Summary = {
  meta: { benchmark: { organisations: number; responses: number } };
  participation: { responses: number } | null;
  index: { benchmark: unknown } | null;
  findings: { f1: { benchmark: unknown } } | null;
};

async function summary(server: AppServer, cookie: string): Promise<Summary> {
  const res = await fetch(`${server.url}/api/dashboard/rel-co/summary`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return (await res.json()) as Summary;
}

describeOnly("sqlite", "two processes on one SQLite file; postgres-instances.test.ts is its PostgreSQL twin")("two instances on one SQLite file", () => {
  let cookie = "";
  beforeAll(async () => {
    [a, b] = await Promise.all([startServer(dbPath, { MIN_GROUP_SIZE: "5" }), startServer(dbPath, { MIN_GROUP_SIZE: "5" })]);
  });

  it("a lead signed in on A is signed in on B", async () => {
    cookie = await signInCookie(a.url, LEAD.email, LEAD.password);
    const before = await summary(b, cookie);
    expect(before.participation?.responses).toBe(0);
    expect(before.findings).toBeNull(); // fewer than 5 responses: nothing to show yet
    expect(before.meta.benchmark).toEqual({ organisations: 1, responses: 12 });
  });

  it("a response submitted through A is counted on B's next request", async () => {
    expect((await respondOnce(a.url)).acknowledged).toBe(true);
    expect((await summary(b, cookie)).participation?.responses).toBe(1);
  });

  it("a release made on A is in B's benchmark at B's next request, equal to A's", async () => {
    const peerOnly = await summary(a, cookie); // still below 5: the benchmark is peer-co alone
    for (let i = 0; i < 4; i++) expect((await respondOnce(a.url)).acknowledged).toBe(true);
    const onA = await summary(a, cookie); // A releases rel-co's wave (5 responses): rel-co joins the benchmark
    expect(onA.findings).not.toBeNull();
    const onB = await summary(b, cookie);
    expect(onB.participation?.responses).toBe(5);
    expect(JSON.stringify(onB.findings)).toBe(JSON.stringify(onA.findings));
    expect(JSON.stringify(onB.index)).toBe(JSON.stringify(onA.index));
    // The benchmark changed with it: peer-co's 12 responses before, rel-co's 5 pooled with them after.
    expect(peerOnly.meta.benchmark).toEqual({ organisations: 1, responses: 12 });
    expect(onB.meta.benchmark).toEqual({ organisations: 2, responses: 17 });
    expect(onA.meta.benchmark).toEqual(onB.meta.benchmark);
  });
});
