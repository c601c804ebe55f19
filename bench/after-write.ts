/*
 * Only the "second process right after a write on the first" rounds of `npm run bench -- load`
 * (bench/load.ts, runAfterWrite), without the submissions and dashboard load before them:
 *
 *   flock /tmp/digiskills-next.lock sh -c 'npx next build && npx tsx bench/after-write.ts'
 *
 * Needs a production build of the code to measure. On a copy of the 1,000,000-response bench
 * database (BENCH_DB) with one lead of its first organisation: two `next start` processes A and B;
 * each round, five responses to the second organisation's wave through A's survey API and A's GET
 * of that organisation's summary, which releases the wave; then at once B's first GET of the first
 * organisation's summary, timed. LOAD_ROUNDS rounds (20), as bench/load.ts.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { openDatabase } from "../db/client";
import { addMembership, insertUser } from "../db/queries/users";
import { hashPasswordSync } from "../core/passwords";
import { completeAnswers } from "../harness/answers";
import { killServer, signInCookie, startServer } from "../harness/app-server";

const BENCH_DB = process.env.BENCH_DB ?? path.resolve("bench/data/bench-1m.db");
const ROUNDS = Number(process.env.LOAD_ROUNDS ?? 20);
const LEAD = { email: "load-lead@bench.local", password: "load-lead-password-1" };
const log = (s: string) => console.log(s);

const percentile = (ms: number[], p: number) => [...ms].sort((a, b) => a - b)[Math.min(ms.length - 1, Math.floor(p * ms.length))]!;
const fmt = (ms: number[]) => `median ${percentile(ms, 0.5).toFixed(1)} ms, p95 ${percentile(ms, 0.95).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms (n=${ms.length})`;

/** A copy of the bench database whose first organisation has a lead, and whose second's wave is open. */
async function prepare(file: string): Promise<{ slug: string; writer: { slug: string; wave: number; code: string } }> {
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const source = new Database(BENCH_DB, { readonly: true });
  source.prepare("vacuum into ?").run(file);
  source.close();
  const db = openDatabase(file);
  const [org, writer] = db.$client.prepare("select o.id, o.slug, min(w.id) wave, w.code from organisations o join waves w on w.org_id = o.id group by o.id order by o.id limit 2").all() as { id: number; slug: string; wave: number; code: string }[];
  db.$client.prepare("update waves set status = 'open' where id = ?").run(writer!.wave);
  const user = await insertUser(db, { email: LEAD.email, name: "Load lead", role: "lead", passwordHash: hashPasswordSync(LEAD.password) });
  await addMembership(db, user.id, org!.id);
  await addMembership(db, user.id, writer!.id);
  db.$client.close();
  return { slug: org!.slug, writer: writer! };
}

async function respond(url: string, code: string): Promise<boolean> {
  const start = await fetch(`${url}/api/survey/${code}/start`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  if (start.status !== 201) return false;
  const { token } = (await start.json()) as { token: string };
  const submit = await fetch(`${url}/api/survey/${code}/submit`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-resume-token": token },
    body: JSON.stringify({ answers: completeAnswers("Sales") }),
  });
  return submit.status === 200 && ((await submit.json()) as { status: string }).status === "submitted";
}

async function timedSummary(url: string, slug: string, cookie: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(`${url}/api/dashboard/${slug}/summary`, { headers: { cookie } });
  const body = await res.text();
  const ms = performance.now() - t;
  if (res.status !== 200 || !body.includes('"participation"')) throw new Error(`summary of ${slug}: ${res.status} ${body.slice(0, 200)}`);
  return ms;
}

async function main(): Promise<void> {
  const file = path.join(os.tmpdir(), "digiskills-after-write", "app.db");
  const { slug, writer } = await prepare(file);
  log(`After a write — ${new Date().toISOString()} — ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(", ")}; copy of ${path.basename(BENCH_DB)}`);
  const feed = new Database(file, { readonly: true });
  const seqOf = () => feed.prepare("select seq from agg_releases where wave_id = ?").pluck().get(writer.wave) as number;
  const [a, b] = await Promise.all([startServer(file), startServer(file)]);
  try {
    const cookie = await signInCookie(a.url, LEAD.email, LEAD.password);
    for (let i = 0; i < 5; i++) {
      await timedSummary(a.url, slug, cookie);
      await timedSummary(a.url, writer.slug, cookie);
      await timedSummary(b.url, slug, cookie);
    }
    const warmB: number[] = [];
    for (let i = 0; i < 20; i++) warmB.push(await timedSummary(b.url, slug, cookie));
    const [releaseOnA, afterWrite, secondOnB]: number[][] = [[], [], []];
    let released = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const before = seqOf();
      const ok = await Promise.all(Array.from({ length: 5 }, () => respond(a.url, writer.code)));
      if (ok.includes(false)) throw new Error(`round ${round}: a submission through A was not acknowledged`);
      releaseOnA!.push(await timedSummary(a.url, writer.slug, cookie));
      afterWrite!.push(await timedSummary(b.url, slug, cookie));
      secondOnB!.push(await timedSummary(b.url, slug, cookie));
      if (seqOf() !== before) released++;
    }
    log(`${ROUNDS} rounds of 5 submissions to "${writer.slug}" through A, then A's GET of its summary (${released} of ${ROUNDS} rounds made a new release):`);
    log(`  A's GET of "${writer.slug}" that releases the wave: ${fmt(releaseOnA!)}`);
    log(`  B's first GET /api/dashboard/${slug}/summary right after the release on A (budget 100 ms): ${fmt(afterWrite!)}`);
    log(`  B's second GET right after that: ${fmt(secondOnB!)}`);
    log(`  B warm, nothing changed (20 sequential GETs before the rounds): ${fmt(warmB)}`);
  } finally {
    feed.close();
    await Promise.all([killServer(a), killServer(b)]);
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
