// `npm test`: every check and every test, installing Debian's Chromium and PostgreSQL server first when missing.
// The reliability suite's long load runs are in `npm run bench`; here it checks correctness.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const chromium = env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function run(title, cmd, args) {
  console.log(`\n── ${title} ──`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
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

// The PostgreSQL tests (tests/unit/pg) start a throwaway cluster from Debian's server binaries.
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

run("typecheck", "npx", ["tsc", "--noEmit"]);
run("lint", "npx", ["eslint", "."]);
run("unit tests (vitest)", "npx", ["vitest", "run"]);
run("production build", "npx", ["next", "build"]);
run("end-to-end and API tests (Playwright, Chromium, next start)", "npx", ["playwright", "test"]);
run("reliability: crash, hostile input, limits, backup (next start)", "npx", ["vitest", "run", "-c", "vitest.reliability.config.mts"]);
console.log("\nAll checks passed.");
