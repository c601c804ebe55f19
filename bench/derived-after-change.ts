/*
 * The benchmark's derived figures right after one organisation's change, on a copy of the
 * 1,000,000-response bench database (10,000 organisations):
 *
 *   npx tsx bench/derived-after-change.ts [copy.db]     (default: a copy of bench/data/bench-1m.db in /tmp)
 *
 * Each round adds five responses to one organisation's benchmark wave and releases it (a new
 * member of the benchmark population, written to the change feed), then times the state following
 * the feed (loadState) and derived() for the new generation, and, as the summary dashboard needs
 * them next, the capability links (benchmarkMemo). DERIVED_ROUNDS rounds (default 25). The database
 * given is changed: pass a copy.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { openDatabase } from "../db/client";
import { insertSubmittedResponse } from "../db/factories";
import { completeAnswers } from "../harness/answers";
import { benchmarkMemo, derived, loadState } from "../lib/benchmark/population";
import { capabilityLinks } from "../lib/benchmark/links";
import { currentRelease } from "../lib/disclosure/releases";

const MIN = 5;
const ROUNDS = Number(process.env.DERIVED_ROUNDS ?? 25);
const log = (s: string) => console.log(s);

function copyOfBenchDb(): string {
  const file = path.join(os.tmpdir(), "digiskills-derived", "bench.db");
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const source = new Database(path.resolve(process.env.BENCH_DB ?? "bench/data/bench-1m.db"), { readonly: true });
  source.prepare("vacuum into ?").run(file);
  source.close();
  return file;
}

const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, min ${s[0]!.toFixed(2)} ms, max ${s.at(-1)!.toFixed(2)} ms (n=${s.length})`;
};

/** Wall time, and the process's CPU time (the machine may be shared: CPU time is what the work itself costs). */
async function timed<T>(fn: () => Promise<T>, cpu?: number[]): Promise<[T, number]> {
  const t = performance.now();
  const c = process.cpuUsage();
  const r = await fn();
  const used = process.cpuUsage(c);
  cpu?.push((used.user + used.system) / 1000);
  return [r, performance.now() - t];
}

async function main(): Promise<void> {
  const file = process.argv[2] ?? copyOfBenchDb();
  const db = openDatabase(file);
  const [state, loadMs] = await timed(() => loadState(db, MIN));
  const [, firstDerivedMs] = await timed(() => derived(db, MIN));
  log(`${new Date().toISOString()} — ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(", ")}; ${state.members.size} organisations; load ${loadMs.toFixed(0)} ms, first derived() ${firstDerivedMs.toFixed(0)} ms`);

  const orgId = [...state.members.keys()][1]!;
  const waveId = state.members.get(orgId)!.waveId;
  const followMs: number[] = [];
  const derivedMs: number[] = [];
  const derivedCpuMs: number[] = [];
  const linksMs: number[] = [];
  const linksCpuMs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < MIN; i++) {
      // As bench/load.ts submits: one existing cell grows, so every round makes a release.
      await insertSubmittedResponse(db, { id: `derived-bench-${Date.now()}-${round}-${i}`, waveId, answers: completeAnswers("Sales"), submittedAt: new Date().toISOString() });
    }
    const generation = state.generation;
    await currentRelease(db, waveId, MIN);
    followMs.push((await timed(() => loadState(db, MIN)))[1]);
    if (state.generation === generation) throw new Error(`round ${round}: no new release of organisation ${orgId}`);
    derivedMs.push((await timed(() => derived(db, MIN), derivedCpuMs))[1]);
    linksMs.push((await timed(() => benchmarkMemo(db, MIN, "capability-links", (metrics, sorted) => capabilityLinks(metrics, MIN, sorted)), linksCpuMs))[1]);
  }
  log(`organisation ${orgId} released ${ROUNDS} times, each followed by:`);
  log(`  loadState (follow the feed, re-read one organisation): ${stats(followMs)}`);
  log(`  derived() for the new generation: ${stats(derivedMs)}`);
  log(`  the same, CPU time of the process: ${stats(derivedCpuMs)}`);
  log(`  capability links (benchmarkMemo): ${stats(linksMs)}`);
  log(`  the same, CPU time of the process: ${stats(linksCpuMs)}`);
  db.$client.close();
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
