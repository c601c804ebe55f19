// `npm test`: every check and every test, on SQLite and on PostgreSQL (docs/decisions/017-tests-on-both-databases.md),
// installing Debian's Chromium and PostgreSQL server first when missing.
// The reliability suite's long load runs are in `npm run bench`; here it checks correctness.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const chromium = env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function run(title, cmd, args, extraEnv = {}) {
  console.log(`\n── ${title} ──`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  if (r.status !== 0) {
    console.error(`\n✗ ${title} failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status || 1);
  }
  console.log(`✓ ${title} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

if (!fs.existsSync(chromium)) {
  if (process.getuid?.() !== 0) {
    console.error(`Chromium is missing at ${chromium}. Install it with: sudo apt-get install -y chromium`);
    process.exit(1);
  }
  run("install Chromium (apt)", "bash", [
    "-c",
    "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null",
  ]);
}

// Every suite runs again on PostgreSQL, in throwaway clusters started from Debian's server binaries.
const hasPostgres = fs.existsSync("/usr/lib/postgresql") && fs.readdirSync("/usr/lib/postgresql").some((v) => fs.existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
if (!hasPostgres && !env.PG_BIN) {
  if (process.getuid?.() !== 0) {
    console.error("PostgreSQL server binaries are missing (initdb, pg_ctl). Install them with: sudo apt-get install -y postgresql");
    process.exit(1);
  }
  run("install PostgreSQL (apt)", "bash", [
    "-c",
    "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null",
  ]);
}

/**
 * Runs jobs side by side, each writing to its own log, and prints each log whole when it ends, so
 * two suites can share the machine's cores without interleaving their output.
 */
async function together(jobs) {
  const logs = fs.mkdtempSync(path.join(os.tmpdir(), "digiskills-test-logs-"));
  const started = Date.now();
  const results = await Promise.all(
    jobs.map(
      (job, i) =>
        new Promise((resolve) => {
          const file = path.join(logs, `${i}.log`);
          const out = fs.openSync(file, "w");
          const child = spawn(job.cmd, job.args, { stdio: ["ignore", out, out], env: { ...env, ...job.env } });
          child.on("exit", (code, signal) => {
            fs.closeSync(out);
            console.log(`\n── ${job.title} ──\n${fs.readFileSync(file, "utf8")}`);
            const seconds = ((Date.now() - started) / 1000).toFixed(0);
            console.log(code === 0 ? `✓ ${job.title} (${seconds} s)` : `✗ ${job.title} failed (exit ${code ?? signal}).`);
            resolve(code === 0);
          });
        }),
    ),
  );
  fs.rmSync(logs, { recursive: true, force: true });
  if (results.includes(false)) process.exit(1);
}

// tsc and eslint each use one core.
await together([
  { title: "typecheck", cmd: "npx", args: ["tsc", "--noEmit"] },
  { title: "lint", cmd: "npx", args: ["eslint", "."] },
]);
// Every unit test on SQLite, and every one that takes its database from createTestDb again on PostgreSQL (vitest.config.mts).
run("unit tests (vitest), SQLite and PostgreSQL", "npx", ["vitest", "run"]);
run("production build", "npx", ["next", "build"]);
// The two end-to-end passes leave a core idle each (the browser waits for the server and back): run them side by side.
await together([
  { title: "end-to-end and API tests on SQLite (Playwright, Chromium, next start)", cmd: "npx", args: ["playwright", "test"] },
  {
    title: "end-to-end and API tests on PostgreSQL (Playwright, Chromium, next start)",
    cmd: "npx",
    args: ["playwright", "test"],
    // Its own port, directory and output folder by default (tests/e2e/env.ts).
    env: { E2E_DATABASE: "postgres" },
  },
]);
// The same for the two reliability passes: the PostgreSQL one mostly waits for its server, the
// SQLite one for the SQLite file and the CSV fuzz; side by side they take about the longer one's time
// and a third, one after the other the sum (docs/decisions/017-tests-on-both-databases.md).
await together([
  { title: "reliability on SQLite: crash, hostile input, limits, backup (next start)", cmd: "npx", args: ["vitest", "run", "-c", "vitest.reliability.config.mts"] },
  {
    title: "reliability on PostgreSQL: crash, hostile input, limits, instances (next start)",
    cmd: "npx",
    args: ["vitest", "run", "-c", "vitest.reliability.config.mts"],
    env: { RELIABILITY_DATABASE: "postgres" },
  },
]);
console.log("\nAll checks passed.");
