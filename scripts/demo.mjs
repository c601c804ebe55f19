// First README command's second half: migrate, seed an empty database, build when sources changed,
// then serve the production build and print where to go.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const port = process.env.PORT ?? "3000";
const env = {
  ...process.env,
  DATABASE_PATH: process.env.DATABASE_PATH ?? "data/digiskills.db",
  DEMO: "1",
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  // A local demo over plain http: production settings would refuse an http:// NEXTAUTH_URL.
  ALLOW_INSECURE_NEXTAUTH_URL: process.env.ALLOW_INSECURE_NEXTAUTH_URL ?? "1",
  NEXT_TELEMETRY_DISABLED: "1",
};

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) {
    console.error(`\n${cmd} ${args.join(" ")} failed (exit ${r.status}).`);
    process.exit(r.status ?? 1);
  }
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function needsBuild() {
  const stamp = ".next/BUILD_ID";
  if (!fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  const sources = ["app", "lib", "db", "questions", "public"].filter((d) => fs.existsSync(d));
  const files = ["next.config.ts", "package.json", "instrumentation.ts"].filter((f) => fs.existsSync(f));
  return Math.max(...sources.map(newestMtime), ...files.map((f) => fs.statSync(f).mtimeMs)) > built;
}

run("npx", ["tsx", "db/seed.ts"]);
if (needsBuild()) run("npx", ["next", "build"]);

const server = spawn("npx", ["next", "start", "-p", port], { stdio: ["ignore", "pipe", "inherit"], env });
server.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  if (String(chunk).includes("Ready")) {
    const base = `http://localhost:${port}`;
    console.log(`
  Digiskills Benchmark is running on ${base}
  Demo survey:    ${base}/s/demo
  With checks:    ${base}/s/demo-checks  (self-assessment with knowledge checks)
  Sign in:        ${base}/signin
                  admin@demo.local / demo-admin-pass  (administrator)
                  lead@demo.local  / demo-lead-pass   (L&D lead of Northwind Trading)
  Database:       ${env.DATABASE_PATH}
  Stop with Ctrl+C.
`);
  }
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
