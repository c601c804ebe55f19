/*
 * npm run bench -- load: submissions under load against `next start` (needs `next build`) on
 * loopback with synchronous=FULL, next to the same inserts through a bare node:http + better-sqlite3
 * server (bench/bare-server.ts) as the ceiling. 50 concurrent respondents for 30 s by default
 * (LOAD_CONNECTIONS, LOAD_SECONDS). Rows: one `next start`; two `next start` processes on ONE
 * SQLite file, driven round-robin; one `next start` on PostgreSQL; two on ONE PostgreSQL database,
 * round-robin (copies made by copy-to-postgres in a throwaway cluster, at the server's defaults);
 * the bare ceiling; each printed as a ratio to that ceiling.
 * After each row every acknowledged submission is looked up: stored exactly once.
 *
 * Round-robin over two processes: autocannon cannot spread one run over two ports, and a proxy in
 * front would add its own cost, so the bench runs one autocannon per process at the same time, each
 * with half the connections, drawing drafts from one shared pool. Throughput is the sum of the two;
 * the latency percentiles come from the two latency histograms merged (autocannon's aggregateResult),
 * and each process's own p99 is printed too.
 *
 * Then GET /api/dashboard/{slug}/summary as a signed-in lead on a copy of the 1,000,000-response
 * bench database, next to the same summaryData() behind the bare server; then two processes A and B
 * on that copy: rounds of five survey submissions through A plus a GET on A that releases the wave
 * (a new release of an organisation in the benchmark), each followed at once by B's first summary
 * request, timed (B follows the change feed, migration 0008). Then both again on PostgreSQL (a copy
 * of the bench database made by copy-to-postgres, or BENCH_PG_URL). Prints figures; record them in
 * docs/benchmarks.md. LOAD_PARTS=submissions runs only the submission rows, LOAD_PARTS=dashboard only
 * the dashboard part, LOAD_PARTS=dashboard-postgres only its PostgreSQL half, LOAD_PARTS=after-write
 * only the SQLite rounds of the second process after a write; LOAD_ROUNDS (20) rounds.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { closeDatabase, openDatabase, openPostgresDb, prepareDatabase, transaction, type Db } from "../db/client";
import { createDraft, saveDraft } from "../db/queries/survey";
import { addMembership, insertUser } from "../db/queries/users";
import { seedDemo } from "../db/seed-demo";
import { hashPasswordSync } from "../core/passwords";
import { DRAFT_MAX_SAVES } from "../lib/survey/limits";
import { completeAnswers } from "../harness/answers";
import { freePort, killServer, signInCookie, startServer, type ServerDatabase } from "../harness/app-server";
import type { PostgresCluster } from "../harness/postgres";
import { postgresCopies } from "./postgres-copies";
import { generateBenchDatabase } from "./generate";

const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const DRAFTS = Number(process.env.LOAD_DRAFTS ?? 250_000);
const ROUNDS = Number(process.env.LOAD_ROUNDS ?? 20);
const log = (s: string) => console.log(s);

/** Response id of each prepared draft's resume token (the same in every copy of the database). */
const draftIds = new Map<string, string>();

/** A demo-sized database with DRAFTS complete drafts in the open `demo` wave; returns their tokens. */
async function prepare(file: string): Promise<string[]> {
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  const db = openDatabase(file);
  await seedDemo(db);
  const waveId = db.$client.prepare("select id from waves where code = 'demo'").pluck().get() as number;
  const answers = completeAnswers("Sales");
  const tokens: string[] = [];
  db.$client.pragma("synchronous = OFF"); // preparing only; the servers run with FULL
  // One transaction of the connection (db/sql/sqlite.ts), each draft's statements awaited in turn.
  await transaction(db, async (tx) => {
    for (let i = 0; i < DRAFTS; i++) {
      const { id, token } = await createDraft(tx, waveId, "en");
      await saveDraft(tx, id, answers, 10, "en", DRAFT_MAX_SAVES);
      tokens.push(token);
      draftIds.set(token, id);
    }
  });
  db.$client.close();
  return tokens;
}

type Outcome = {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  bad: number;
  acknowledged: string[];
  total: number;
  /** Each autocannon's own p50/p99 when several drove several processes. */
  parts: { p50: number; p99: number; rps: number }[];
};

/** autocannon's un-aggregated result (skipAggregateResult), as lib/run.js hands it over. */
type RawResult = { duration: number; totalCompletedRequests: number; errors: number; timeouts: number; non2xx: number };
const aggregate = (results: RawResult[]) =>
  // The url only passes autocannon's option check; it is not used for the figures.
  (autocannon as unknown as { aggregateResult(results: RawResult[], opts: object): autocannon.Result }).aggregateResult(results, { url: "http://127.0.0.1" });

/**
 * One outcome from one or more autocannon runs made at the same time: throughput summed (completed
 * requests over each run's own duration), latency percentiles from the merged histograms.
 */
function outcomeOf(results: RawResult[], acknowledged: string[], bad = 0): Outcome {
  const merged = aggregate(results);
  const rate = (r: RawResult) => r.totalCompletedRequests / r.duration;
  return {
    rps: results.reduce((a, r) => a + rate(r), 0),
    p50: merged.latency.p50,
    p99: merged.latency.p99,
    errors: merged.errors,
    timeouts: merged.timeouts,
    non2xx: merged.non2xx,
    bad,
    acknowledged,
    total: results.reduce((a, r) => a + r.totalCompletedRequests, 0),
    parts: results.map((r) => {
      const one = aggregate([r]);
      return { p50: one.latency.p50, p99: one.latency.p99, rps: rate(r) };
    }),
  };
}

/**
 * Submits one draft per request until SECONDS have passed (or, for a warm-up, `amount` requests),
 * CONNECTIONS in all, split evenly over the servers at `urls` (one autocannon each, run together,
 * drafts taken from one shared pool).
 */
async function drive(urls: string[], tokens: string[], amount?: number): Promise<Outcome> {
  let next = 0;
  const acknowledged: string[] = [];
  const results = await Promise.all(
    urls.map(
      (url, i) =>
        autocannon({
          url,
          connections: Math.floor(CONNECTIONS / urls.length) + (i < CONNECTIONS % urls.length ? 1 : 0),
          skipAggregateResult: true,
          ...(amount ? { amount: Math.ceil(amount / urls.length) } : { duration: SECONDS }),
          requests: [
            {
              method: "POST",
              path: "/api/survey/demo/submit",
              setupRequest: (req, context) => {
                const token = tokens[next++]!;
                (context as { token?: string }).token = token;
                return { ...req, headers: { "content-type": "application/json", "x-resume-token": token }, body: "{}" };
              },
              onResponse: (status, body, context) => {
                if (status >= 200 && status < 300 && !body.includes('"alreadySubmitted":true')) acknowledged.push((context as { token: string }).token);
              },
            },
          ],
        }) as unknown as Promise<RawResult>,
    ),
  );
  if (next > tokens.length) throw new Error("ran out of drafts; raise LOAD_DRAFTS");
  return outcomeOf(results, acknowledged);
}

/**
 * Every acknowledged token is one submitted row, acknowledged once; returns how many rows were
 * submitted in all. Looked up by the draft's response id: a submission replaces the resume token's
 * hash with the report token's (db/queries/survey.ts), so the resume token no longer finds the row.
 */
async function verify(database: ServerDatabase, acknowledged: string[], base: number): Promise<{ stored: number; missing: number }> {
  const db = openBenchDb(database);
  // Read after the servers stopped (measure), in one transaction.
  const { submitted, n } = await db.sql.transaction(async (tx) => ({
    submitted: await tx.column<string>("select id from responses where status = 'submitted'"),
    n: Number(await tx.value<number>("select coalesce(sum(n), 0) from agg_waves")),
  }));
  await closeDatabase(db);
  const set = new Set(submitted); // ids are the primary key: a row is stored at most once
  if (new Set(acknowledged).size !== acknowledged.length) throw new Error("a draft was acknowledged as submitted twice");
  const missing = acknowledged.filter((t) => !set.has(draftIds.get(t)!)).length;
  if (n !== submitted.length) throw new Error(`aggregates count ${n} but ${submitted.length} responses are submitted`);
  return { stored: submitted.length - base, missing };
}

function report(name: string, o: Outcome, v: { stored: number; missing: number }) {
  const parts = o.parts.length > 1 ? ` [per process: ${o.parts.map((p) => `${p.rps.toFixed(0)}/s p50 ${p.p50} ms p99 ${p.p99} ms`).join("; ")}]` : "";
  log(
    `[load] ${name}: ${o.rps.toFixed(0)} submissions/s, p50 ${o.p50} ms, p99 ${o.p99} ms, ${o.errors} errors (${o.timeouts} timeouts), ${o.non2xx} non-2xx; ` +
      `${o.acknowledged.length} acknowledged, ${v.stored} stored, ${v.missing} acknowledged but missing${parts}`,
  );
}

/** The database a bench server runs on, opened here (PostgreSQL already migrated by the copy). */
function openBenchDb(database: ServerDatabase): Db {
  return typeof database === "string" ? openDatabase(database) : openPostgresDb(database.url);
}

async function startBare(file: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "bench/bare-server.ts", file, String(port)], { stdio: ["ignore", "pipe", "inherit"], detached: true });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => d.toString().includes("ready") && resolve());
    child.on("exit", (c) => reject(new Error(`bare server exited ${c}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

export async function runLoad(): Promise<void> {
  log(`Load — ${new Date().toISOString()} — ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}; ${CONNECTIONS} connections × ${SECONDS} s; load average ${os.loadavg().map((l) => l.toFixed(2)).join(", ")}`);
  if (!fs.existsSync(path.resolve(".next/BUILD_ID"))) {
    log("No production build: running next build…");
    execFileSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], { stdio: "inherit" });
  }
  const dir = path.join(os.tmpdir(), "digiskills-load");
  if (process.env.LOAD_PARTS === "dashboard") return runDashboardLoad(dir);
  if (process.env.LOAD_PARTS === "dashboard-postgres") return runDashboardOnPostgres(await prepareDashboardCopy(dir));
  if (process.env.LOAD_PARTS === "after-write") {
    const file = path.join(dir, "dashboard", "app.db");
    return runAfterWrite(file, await prepareDashboard(file));
  }
  const nextFile = path.join(dir, "next", "app.db");
  const twoFile = path.join(dir, "two", "app.db");
  const bareFile = path.join(dir, "bare", "app.db");
  const pgSource = path.join(dir, "postgres-source", "app.db");
  const prepared = await prepare(nextFile);
  for (const copy of [twoFile, bareFile, pgSource]) {
    // A fresh directory: a -wal file left from an earlier run next to the copy would corrupt it.
    fs.rmSync(path.dirname(copy), { recursive: true, force: true });
    fs.mkdirSync(path.dirname(copy), { recursive: true });
    fs.copyFileSync(nextFile, copy);
  }
  const pg = await postgresCopies(pgSource, ["load_one", "load_two"]);
  log(`Prepared ${prepared.length.toLocaleString("en")} complete drafts in each of three copies of the demo database and two PostgreSQL copies of it (${pg.cluster.url})`);

  // The submit limits off, as a benchmark needs (0 turns them off; every process reads the same env).
  const limitsOff = { RATE_LIMIT_SUBMIT_PER_MIN: "0" };
  const rows: { name: string; o: Outcome; v: { stored: number; missing: number } }[] = [];

  /** Warm-up (2,000 submissions, not counted), the measured run, then the exactly-once check. */
  async function measure(name: string, database: ServerDatabase, urls: string[], stop: () => Promise<void>): Promise<void> {
    const tokens = [...prepared];
    await drive(urls, tokens.splice(0, 2000), 2000);
    const warm = (await verify(database, [], 0)).stored;
    const o = await drive(urls, tokens);
    await stop(); // every request the servers accepted is finished before the check
    const v = await verify(database, o.acknowledged, warm);
    report(name, o, v);
    rows.push({ name, o, v });
  }

  // Next.js: the whole product (proxy, rate limiter off, route handler, zod, submit transaction).
  const server = await startServer(nextFile, limitsOff);
  try {
    await measure("next start, one process", nextFile, [server.url], () => killServer(server, "SIGTERM"));
  } finally {
    await killServer(server);
  }

  // Two processes on one file, half the connections each, at the same time.
  const pair = await Promise.all([startServer(twoFile, limitsOff), startServer(twoFile, limitsOff)]);
  try {
    await measure(
      "next start, two processes on one SQLite file, round-robin",
      twoFile,
      pair.map((p) => p.url),
      async () => void (await Promise.all(pair.map((p) => killServer(p, "SIGTERM")))),
    );
  } finally {
    await Promise.all(pair.map((p) => killServer(p)));
  }

  // PostgreSQL at its defaults (synchronous_commit on) on the same machine: one instance, then two on one database.
  try {
    const one = { url: pg.urls[0]! };
    const solo = await startServer(one, limitsOff);
    try {
      await measure("next start, one instance on PostgreSQL", one, [solo.url], () => killServer(solo, "SIGTERM"));
    } finally {
      await killServer(solo);
    }
    const two = { url: pg.urls[1]! };
    const instances = await Promise.all([startServer(two, limitsOff), startServer(two, limitsOff)]);
    try {
      await measure(
        "next start, two instances on one PostgreSQL database, round-robin",
        two,
        instances.map((p) => p.url),
        async () => void (await Promise.all(instances.map((p) => killServer(p, "SIGTERM")))),
      );
    } finally {
      await Promise.all(instances.map((p) => killServer(p)));
    }
  } finally {
    await pg.cluster.stop();
  }

  const bare = await startBare(bareFile);
  try {
    await measure("bare node:http + better-sqlite3, one process (ceiling)", bareFile, [bare.url], () => stopBare(bare.child));
  } finally {
    await stopBare(bare.child);
  }

  const ceiling = rows.at(-1)!.o.rps;
  log(`[load] submissions, each row against the bare ceiling of this run (${ceiling.toFixed(0)}/s); p50/p99 over all ${CONNECTIONS} connections:`);
  for (const { name, o, v } of rows) {
    const once = v.missing === 0 ? "every one stored exactly once" : `${v.missing} NOT stored`;
    log(`  ${(o.rps / ceiling).toFixed(2)}×  ${o.rps.toFixed(0).padStart(5)}/s  p50 ${String(o.p50).padStart(4)} ms  p99 ${String(o.p99).padStart(4)} ms  ${name}; ${o.acknowledged.length} acknowledged, ${once} (${v.stored} stored)`);
  }
  for (const { name, o: two } of rows.filter((r) => r.name.includes("round-robin"))) {
    const p99Max = Math.max(...two.parts.map((p) => p.p99));
    log(
      `[load] targets (issue 13), ${name}: ≥ 0.45× the bare ceiling: ${(two.rps / ceiling).toFixed(2)}× ${two.rps / ceiling >= 0.45 ? "met" : "NOT met"}; ` +
        `p99 < 250 ms at ${CONNECTIONS} connections: ${two.p99} ms merged, ${p99Max} ms the larger of the two p99s, ${Math.max(two.p99, p99Max) < 250 ? "met" : "NOT met"}`,
    );
  }

  if (process.env.LOAD_PARTS !== "submissions") await runDashboardLoad(dir);
}

async function stopBare(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(-child.pid!, "SIGTERM");
  await exited;
}

// ── The summary dashboard JSON as a signed-in lead ───────────────────────────────────────────────

const BENCH_DB = process.env.BENCH_DB ?? path.resolve("bench/data/bench-1m.db");
const LEAD = { email: "load-lead@bench.local", password: "load-lead-password-1" };

/**
 * A copy of the 1,000,000-response bench database (generated by `npm run bench` when missing) with
 * one L&D lead of its first organisation; returns that organisation's slug.
 */
async function prepareDashboard(file: string): Promise<string> {
  if (!fs.existsSync(BENCH_DB)) {
    log(`Generating ${BENCH_DB} (1,000,000 responses; several minutes)…`);
    generateBenchDatabase(BENCH_DB, log).$client.close();
  }
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const source = new Database(BENCH_DB, { readonly: true });
  source.prepare("vacuum into ?").run(file);
  source.close();
  const db = openDatabase(file);
  try {
    return await addLead(db);
  } finally {
    await closeDatabase(db);
  }
}

/** The L&D lead of the first organisation (added when missing); returns that organisation's slug. */
async function addLead(db: Db): Promise<string> {
  const org = (await db.sql.get<{ id: number; slug: string }>("select id, slug from organisations order by id limit 1"))!;
  const existing = await db.sql.value<number>("select id from users where email = ?", [LEAD.email]);
  const userId = existing ?? (await insertUser(db, { email: LEAD.email, name: "Load lead", role: "lead", passwordHash: hashPasswordSync(LEAD.password) })).id;
  await addMembership(db, userId, org.id);
  return org.slug;
}

/** GET `path` with 50 connections for SECONDS; every answer must be a 200 with the summary's JSON. */
async function driveGet(url: string, pathname: string, headers: Record<string, string>, amount?: number): Promise<Outcome> {
  let bad = 0;
  const result = await autocannon({
    url: url + pathname,
    connections: CONNECTIONS,
    skipAggregateResult: true,
    headers,
    ...(amount ? { amount } : { duration: SECONDS }),
    requests: [{ method: "GET", onResponse: (status, body) => void (status === 200 && body.includes('"participation"') ? 0 : bad++) }],
  });
  return outcomeOf([result as unknown as RawResult], [], bad);
}

function reportGet(name: string, o: Outcome) {
  log(`[load] ${name}: ${o.rps.toFixed(0)} requests/s, p50 ${o.p50} ms, p99 ${o.p99} ms, ${o.non2xx} non-2xx, ${o.errors} connection errors (${o.timeouts} timeouts), ${o.bad} answers without the summary (${o.total} requests)`);
}

/** The SQLite copy of the bench database for the dashboard part; not made when BENCH_PG_URL names a PostgreSQL copy. */
async function prepareDashboardCopy(dir: string): Promise<string> {
  const file = path.join(dir, "dashboard", "app.db");
  if (!process.env.BENCH_PG_URL) await prepareDashboard(file);
  return file;
}

export async function runDashboardLoad(dir: string): Promise<void> {
  const file = path.join(dir, "dashboard", "app.db");
  const slug = await prepareDashboard(file);
  log(`Prepared a copy of ${path.basename(BENCH_DB)} with a lead of "${slug}"`);
  const next = await summaryThroughNext(file, slug, "");

  const bare = await startBare(file);
  let ceiling: Outcome;
  try {
    await driveGet(bare.url, `/summary/${slug}`, {}, 200);
    ceiling = await driveGet(bare.url, `/summary/${slug}`, {});
    reportGet("bare node:http, same summaryData() without session or proxy (ceiling)", ceiling);
  } finally {
    await stopBare(bare.child);
  }
  log(`[load] the summary JSON through next start reaches ${((100 * next.rps) / ceiling.rps).toFixed(1)}% of the bare ceiling (${next.rps.toFixed(0)} / ${ceiling.rps.toFixed(0)} requests/s)`);

  await runAfterWrite(file, slug);
  await runDashboardOnPostgres(file);
}

/** GET the summary through `next start` on `database`: a warm-up, then CONNECTIONS connections for SECONDS. */
async function summaryThroughNext(database: ServerDatabase, slug: string, where: string): Promise<Outcome> {
  const pathname = `/api/dashboard/${slug}/summary`;
  const server = await startServer(database);
  try {
    const cookie = await signInCookie(server.url, LEAD.email, LEAD.password);
    await driveGet(server.url, pathname, { cookie }, 200); // warm-up: the benchmark population is read once
    const next = await driveGet(server.url, pathname, { cookie });
    reportGet(`next start${where}, GET ${pathname} as a signed-in lead`, next);
    return next;
  } finally {
    await killServer(server);
  }
}

/**
 * The same dashboard and the second instance after a write, on PostgreSQL: BENCH_PG_URL names a
 * PostgreSQL copy of the bench database to use (it is changed: a lead, releases, submissions), else
 * the SQLite copy `file` is copied into a throwaway cluster first (copy-to-postgres; minutes).
 */
async function runDashboardOnPostgres(file: string): Promise<void> {
  let cluster: PostgresCluster | undefined;
  let url = process.env.BENCH_PG_URL;
  if (!url) {
    log(`Copying ${path.basename(file)} into PostgreSQL (copy-to-postgres)…`);
    const started = performance.now();
    ({ cluster, template: url } = await postgresCopies(file, []));
    log(`  copied in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  try {
    const db = openPostgresDb(url!);
    await prepareDatabase(db);
    const slug = await addLead(db).finally(() => closeDatabase(db));
    const database = { url: url! };
    await summaryThroughNext(database, slug, " on PostgreSQL");
    await runAfterWrite(database, slug);
  } finally {
    await cluster?.stop();
  }
}

// ── The second process right after a write on the first ─────────────────────────────────────────

const percentile = (ms: number[], p: number) => {
  const s = [...ms].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
};
const fmt = (ms: number[]) => `median ${percentile(ms, 0.5).toFixed(1)} ms, p95 ${percentile(ms, 0.95).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms (n=${ms.length})`;

/** One respondent through the survey API: start a draft in wave `code`, submit complete answers. */
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

/** GET the summary; its time in ms (body read), failing on anything but a 200 with the summary. */
async function timedSummary(url: string, slug: string, cookie: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(`${url}/api/dashboard/${slug}/summary`, { headers: { cookie } });
  const body = await res.text();
  const ms = performance.now() - t;
  if (res.status !== 200 || !body.includes('"participation"')) throw new Error(`summary of ${slug}: ${res.status} ${body.slice(0, 200)}`);
  return ms;
}

/**
 * Two processes A and B on the dashboard copy. The lead of `slug` also leads the second organisation,
 * whose wave is opened for the run. Each round: five responses to that wave through A's survey API,
 * then A's GET of that organisation's summary, which releases the wave (MIN_GROUP_SIZE 5: five more
 * responses than the last release make one due), so the benchmark population changes; then at once
 * B's first GET of `slug`'s summary, timed. B learns of the release from the change feed.
 */
async function runAfterWrite(database: ServerDatabase, slug: string): Promise<void> {
  const feed = openBenchDb(database);
  const writer = (await feed.sql.get<{ id: number; slug: string; wave: number; code: string }>(
    "select o.id, o.slug, w.id as wave, w.code from organisations o join waves w on w.org_id = o.id where o.slug <> ? order by o.id limit 1",
    [slug],
  ))!;
  await feed.sql.run("update waves set status = 'open' where id = ?", [writer.wave]);
  await addMembership(feed, (await feed.sql.value<number>("select id from users where email = ?", [LEAD.email]))!, writer.id);
  const seqOf = () => feed.sql.value<number>("select seq from agg_releases where wave_id = ?", [writer.wave]);
  const on = typeof database === "string" ? path.basename(BENCH_DB) : "PostgreSQL";

  const [a, b] = await Promise.all([startServer(database), startServer(database)]);
  try {
    const cookie = await signInCookie(a.url, LEAD.email, LEAD.password);
    for (let i = 0; i < 5; i++) {
      await timedSummary(a.url, slug, cookie); // the first reads the benchmark population (cold)
      await timedSummary(a.url, writer.slug, cookie);
      await timedSummary(b.url, slug, cookie);
    }
    const warmB: number[] = [];
    for (let i = 0; i < 20; i++) warmB.push(await timedSummary(b.url, slug, cookie));
    const afterWrite: number[] = [];
    const secondOnB: number[] = [];
    const releaseOnA: number[] = [];
    let released = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const before = await seqOf();
      const ok = await Promise.all(Array.from({ length: 5 }, () => respond(a.url, writer.code)));
      if (ok.includes(false)) throw new Error(`round ${round}: a submission through A was not acknowledged`);
      releaseOnA.push(await timedSummary(a.url, writer.slug, cookie)); // A releases the wave here
      afterWrite.push(await timedSummary(b.url, slug, cookie)); // B's first request after the release
      secondOnB.push(await timedSummary(b.url, slug, cookie));
      if ((await seqOf()) !== before) released++;
    }
    log(`[load] two processes A and B on the copy of ${on}; ${ROUNDS} rounds of 5 submissions to "${writer.slug}" through A, then A's GET of its summary (${released} of ${ROUNDS} rounds made a new release):`);
    log(`  A's GET of "${writer.slug}" that releases the wave: ${fmt(releaseOnA)}`);
    log(`  B's first GET /api/dashboard/${slug}/summary right after the release on A (budget 100 ms): ${fmt(afterWrite)}`);
    log(`  B's second GET right after that: ${fmt(secondOnB)}`);
    log(`  B warm, nothing changed (20 sequential GETs before the rounds): ${fmt(warmB)}`);
    if (released !== ROUNDS) log(`  NOTE: only ${released} of ${ROUNDS} rounds released; the others measured a write without a release`);
  } finally {
    await closeDatabase(feed);
    await Promise.all([killServer(a), killServer(b)]);
  }
}

if (process.argv[1]?.endsWith("load.ts")) {
  runLoad().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
