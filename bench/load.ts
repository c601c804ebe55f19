/*
 * npm run bench -- load: submissions under load against `next start` (needs `next build`) on
 * loopback with synchronous=FULL, next to the same inserts through a bare node:http + better-sqlite3
 * server (bench/bare-server.ts) as the ceiling. 50 concurrent respondents for 30 s by default
 * (LOAD_CONNECTIONS, LOAD_SECONDS). Then every acknowledged submission is looked up: stored exactly
 * once. Then GET /api/dashboard/{slug}/summary as a signed-in lead on a copy of the 1,000,000-response
 * bench database, next to the same summaryData() behind the bare server. Prints figures; record them
 * in docs/benchmarks.md. LOAD_PARTS=dashboard runs only the dashboard part.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { openDatabase, transaction } from "../db/client";
import { createDraft, saveDraft } from "../db/queries/survey";
import { addMembership, insertUser } from "../db/queries/users";
import { seedDemo } from "../db/seed-demo";
import { hashPasswordSync } from "../core/passwords";
import { hashToken } from "../core/tokens";
import { DRAFT_MAX_SAVES } from "../lib/survey/limits";
import { completeAnswers } from "../harness/answers";
import { freePort, killServer, signInCookie, startServer } from "../harness/app-server";
import { generateBenchDatabase } from "./generate";

const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const DRAFTS = Number(process.env.LOAD_DRAFTS ?? 250_000);
const log = (s: string) => console.log(s);

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
    }
  });
  db.$client.close();
  return tokens;
}

type Outcome = { rps: number; p50: number; p99: number; errors: number; timeouts: number; non2xx: number; bad: number; acknowledged: string[]; total: number };

/** autocannon's figures; `bad` counts 2xx answers that were not what the run expects. */
function outcomeOf(result: autocannon.Result, acknowledged: string[], bad = 0): Outcome {
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    bad,
    acknowledged,
    total: result.requests.total,
  };
}

/** Submits one draft per request until SECONDS have passed (or, for a warm-up, `amount` requests). */
async function drive(url: string, tokens: string[], amount?: number): Promise<Outcome> {
  let next = 0;
  const acknowledged: string[] = [];
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    ...(amount ? { amount } : { duration: SECONDS }),
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
  });
  if (next > tokens.length) throw new Error("ran out of drafts; raise LOAD_DRAFTS");
  return outcomeOf(result, acknowledged);
}

/** Every acknowledged token is one submitted row; returns how many rows were submitted in all. */
function verify(file: string, acknowledged: string[], base: number): { stored: number; missing: number } {
  const db = openDatabase(file);
  // One read transaction: the server may still be finishing requests autocannon gave up waiting for,
  // and two separate reads would see different snapshots.
  const { submitted, n } = db.$client.transaction(() => ({
    submitted: db.$client.prepare("select token_hash from responses where status = 'submitted'").pluck().all() as (string | null)[],
    n: db.$client.prepare("select coalesce(sum(n), 0) from agg_waves").pluck().get() as number,
  }))();
  const withToken = submitted.filter((t): t is string => t !== null);
  const set = new Set(withToken);
  if (set.size !== withToken.length) throw new Error("a token hash appears twice");
  const missing = acknowledged.filter((t) => !set.has(hashToken(t))).length;
  if (n !== submitted.length) throw new Error(`aggregates count ${n} but ${submitted.length} responses are submitted`);
  db.$client.close();
  return { stored: submitted.length - base, missing };
}

function report(name: string, o: Outcome, v: { stored: number; missing: number }) {
  log(
    `[load] ${name}: ${o.rps.toFixed(0)} submissions/s, p50 ${o.p50} ms, p99 ${o.p99} ms, ${o.errors} errors (${o.timeouts} timeouts), ${o.non2xx} non-2xx; ` +
      `${o.acknowledged.length} acknowledged, ${v.stored} stored, ${v.missing} acknowledged but missing`,
  );
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
  log(`Load — ${new Date().toISOString()} — ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}; ${CONNECTIONS} connections × ${SECONDS} s`);
  if (!fs.existsSync(path.resolve(".next/BUILD_ID"))) {
    log("No production build: running next build…");
    execFileSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], { stdio: "inherit" });
  }
  const dir = path.join(os.tmpdir(), "digiskills-load");
  if (process.env.LOAD_PARTS === "dashboard") return runDashboardLoad(dir);
  const nextFile = path.join(dir, "next", "app.db");
  const bareFile = path.join(dir, "bare", "app.db");
  const prepared = await prepare(nextFile);
  // A fresh directory: a -wal file left from an earlier run next to the copy would corrupt it.
  fs.rmSync(path.dirname(bareFile), { recursive: true, force: true });
  fs.mkdirSync(path.dirname(bareFile), { recursive: true });
  fs.copyFileSync(nextFile, bareFile);
  log(`Prepared ${prepared.length.toLocaleString("en")} complete drafts in each of two copies of the demo database`);

  // Next.js: the whole product (proxy, rate limiter off, route handler, zod, submit transaction).
  let tokens = [...prepared];
  const server = await startServer(nextFile, { RATE_LIMIT_SUBMIT_PER_MIN: "0" });
  let next: Outcome;
  try {
    await drive(server.url, tokens.splice(0, 2000), 2000); // warm-up, not counted
    const warm = verify(nextFile, [], 0).stored;
    next = await drive(server.url, tokens);
    await killServer(server, "SIGTERM");
    report("next start, POST /api/survey/demo/submit", next, verify(nextFile, next.acknowledged, warm));
  } finally {
    await killServer(server);
  }

  tokens = [...prepared];
  const bare = await startBare(bareFile);
  let bareOut: Outcome;
  try {
    await drive(bare.url, tokens.splice(0, 2000), 2000);
    const warm = verify(bareFile, [], 0).stored;
    bareOut = await drive(bare.url, tokens);
    await stopBare(bare.child);
    report("bare node:http + better-sqlite3 (ceiling)", bareOut, verify(bareFile, bareOut.acknowledged, warm));
  } finally {
    await stopBare(bare.child);
  }
  log(`[load] next start reaches ${((100 * next.rps) / bareOut.rps).toFixed(1)}% of the bare ceiling (${next.rps.toFixed(0)} / ${bareOut.rps.toFixed(0)} submissions/s)`);

  await runDashboardLoad(dir);
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
  const org = db.$client.prepare("select id, slug from organisations order by id limit 1").get() as { id: number; slug: string };
  const user = await insertUser(db, { email: LEAD.email, name: "Load lead", role: "lead", passwordHash: hashPasswordSync(LEAD.password) });
  await addMembership(db, user.id, org.id);
  db.$client.close();
  return org.slug;
}

/** GET `path` with 50 connections for SECONDS; every answer must be a 200 with the summary's JSON. */
async function driveGet(url: string, pathname: string, headers: Record<string, string>, amount?: number): Promise<Outcome> {
  let bad = 0;
  const result = await autocannon({
    url: url + pathname,
    connections: CONNECTIONS,
    headers,
    ...(amount ? { amount } : { duration: SECONDS }),
    requests: [{ method: "GET", onResponse: (status, body) => void (status === 200 && body.includes('"participation"') ? 0 : bad++) }],
  });
  return outcomeOf(result, [], bad);
}

function reportGet(name: string, o: Outcome) {
  log(`[load] ${name}: ${o.rps.toFixed(0)} requests/s, p50 ${o.p50} ms, p99 ${o.p99} ms, ${o.non2xx} non-2xx, ${o.errors} connection errors (${o.timeouts} timeouts), ${o.bad} answers without the summary (${o.total} requests)`);
}

export async function runDashboardLoad(dir: string): Promise<void> {
  const file = path.join(dir, "dashboard", "app.db");
  const slug = await prepareDashboard(file);
  log(`Prepared a copy of ${path.basename(BENCH_DB)} with a lead of "${slug}"`);
  const pathname = `/api/dashboard/${slug}/summary`;

  const server = await startServer(file);
  let next: Outcome;
  try {
    const cookie = await signInCookie(server.url, LEAD.email, LEAD.password);
    await driveGet(server.url, pathname, { cookie }, 200); // warm-up: the benchmark population is read once
    next = await driveGet(server.url, pathname, { cookie });
    reportGet(`next start, GET ${pathname} as a signed-in lead`, next);
  } finally {
    await killServer(server);
  }

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
