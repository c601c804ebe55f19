/*
 * Starts `next start` for the e2e suite on a fresh database: migrated by the real migrations, filled
 * with the demo benchmark plus small fixtures, removed and rebuilt on every run. The database is a
 * SQLite file, or with E2E_DATABASE=postgres a database on a throwaway PostgreSQL cluster, seeded by
 * the same code.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import { closeDatabase, openDatabase, openPostgresDb, prepareDatabase, type Db } from "../../db/client";
import { insertOrganisation, insertSubmittedResponse, insertWave } from "../../db/factories";
import { seedDemo } from "../../db/seed-demo";
import { addMembership, insertUser } from "../../db/queries/users";
import { hashPasswordSync } from "../../core/passwords";
import { completeAnswers } from "../../harness/answers";
import { startPostgres } from "../../harness/postgres";
import { recordCluster, stopRecordedCluster } from "./cluster";
import { BASE_URL, E2E_DATABASE, E2E_DATABASE_URL_FILE, E2E_DB, E2E_DIR, E2E_PORT, E2E_SERVER_PID_FILE } from "./env";

/** Fills a new, migrated database: the demo benchmark plus the e2e fixtures. */
async function seed(db: Db): Promise<void> {
  await seedDemo(db);
  const org = await insertOrganisation(db, {
    slug: "e2e-co",
    name: "E2E Test Co",
    sector: "Technology",
    sizeBand: "small",
    departments: ["Engineering", "Sales", "Support"],
  });
  await insertWave(db, { orgId: org.id, label: "2026-Q4", questionnaireVersion: 1, code: "e2e-open" });
  await insertWave(db, { orgId: org.id, label: "2026-Q2", questionnaireVersion: 1, code: "e2e-closed", status: "closed" });
  // Invitations get their own wave so their counts stay independent of the other tests.
  await insertWave(db, { orgId: org.id, label: "2026-Q3-invite", questionnaireVersion: 1, code: "e2e-invite" });
  // Knowledge checks (questionnaire v2) in a wave of their own organisation, so no other test's counts move.
  const checks = await insertOrganisation(db, { slug: "e2e-checks-co", name: "Checks Test Co", sector: "Technology", sizeBand: "small", departments: ["Engineering", "Sales"] });
  await insertWave(db, { orgId: checks.id, label: "2026-Q4-checks", questionnaireVersion: 2, code: "e2e-checks" });
  // An organisation nobody has answered for yet: the dashboards' empty state, filled up by its own test only.
  const quiet = await insertOrganisation(db, {
    slug: "e2e-empty",
    name: "Quiet Harbour Ltd",
    sector: "Logistics",
    sizeBand: "small",
    departments: ["Warehouse", "Office"],
  });
  await insertWave(db, { orgId: quiet.id, label: "2026-Q4", questionnaireVersion: 1, code: "e2e-empty" });
  await addMembership(db, (await insertUser(db, { email: "lead-empty@e2e.local", name: "lead-empty", role: "lead", passwordHash: hashPasswordSync("e2e-password-1") })).id, quiet.id);
  // An organisation that lists no departments: its survey asks none (issue 16, finding 7).
  const noDepartments = await insertOrganisation(db, { slug: "e2e-nodept", name: "Flat Structure Ltd", sector: "Retail", sizeBand: "small", departments: [] });
  await insertWave(db, { orgId: noDepartments.id, label: "2026-Q4", questionnaireVersion: 1, code: "e2e-nodept" });
  // An organisation that gets stuffed with fake responses and cleaned up by an admin (issue 16,
  // finding 3): 8 genuine responses from last week, each taking 6 minutes, released before the test.
  const stuffed = await insertOrganisation(db, { slug: "e2e-stuffed", name: "Stuffed Goods Ltd", sector: "Retail", sizeBand: "small", departments: ["Sales", "Ops"] });
  const stuffedWave = await insertWave(db, { orgId: stuffed.id, label: "2026-Q4", questionnaireVersion: 1, code: "e2e-stuffed" });
  for (let k = 0; k < 8; k++) {
    const at = new Date(Date.now() - 7 * 86_400_000 + k * 3_600_000).toISOString();
    await insertSubmittedResponse(db, { id: `e2e-stuffed-genuine-${k}`, waveId: stuffedWave.id, answers: { ...completeAnswers(k % 2 ? "Sales" : "Ops"), customer_understanding: 1 + (k % 5) }, submittedAt: at });
    await db.sql.run("update responses set created_at = ? where id = ?", [new Date(Date.parse(at) - 360_000).toISOString(), `e2e-stuffed-genuine-${k}`]);
  }
  await addMembership(db, (await insertUser(db, { email: "lead-stuffed@e2e.local", name: "lead-stuffed", role: "lead", passwordHash: hashPasswordSync("e2e-password-1") })).id, stuffed.id);
  // Accounts of their own for tests that lock or change them, so the demo accounts stay usable.
  for (const email of ["throttle@e2e.local", "changer@e2e.local", "lead-b@e2e.local"]) {
    const user = await insertUser(db, { email, name: email.split("@")[0]!, role: "lead", passwordHash: hashPasswordSync("e2e-password-1") });
    await addMembership(db, user.id, org.id);
  }
}

/** The app's environment naming the database. */
type Database = { env: Record<string, string> };

async function sqliteDatabase(): Promise<Database> {
  const db = openDatabase(E2E_DB);
  try {
    await seed(db);
  } finally {
    await closeDatabase(db);
  }
  return { env: { DATABASE_PATH: E2E_DB } };
}

async function postgresDatabase(): Promise<Database> {
  const cluster = await startPostgres({ database: "digiskills_e2e" });
  await recordCluster(cluster.url);
  const db = openPostgresDb(cluster.url);
  try {
    await prepareDatabase(db);
    await seed(db);
  } finally {
    await closeDatabase(db);
  }
  fs.writeFileSync(E2E_DATABASE_URL_FILE, cluster.url);
  return { env: { DATABASE_URL: cluster.url } };
}

/** Removes what a previous run left (a killed one may have left its cluster running) and builds the database again. */
async function freshDatabase(): Promise<Database> {
  stopRecordedCluster();
  fs.rmSync(E2E_DIR, { recursive: true, force: true });
  fs.mkdirSync(E2E_DIR, { recursive: true });
  return E2E_DATABASE === "postgres" ? postgresDatabase() : sqliteDatabase();
}

/** The environment without a database setting: the shell's DATABASE_URL must not turn the SQLite pass into PostgreSQL. */
function withoutDatabase(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const rest = { ...env };
  delete rest.DATABASE_URL;
  delete rest.DATABASE_PATH;
  return rest;
}

function startServer(database: Database): void {
  const server = spawn("npx", ["next", "start", "-p", String(E2E_PORT), "-H", "127.0.0.1"], {
    stdio: "inherit",
    env: {
      ...withoutDatabase(process.env),
      ...database.env,
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_URL: BASE_URL,
      PUBLIC_URL: BASE_URL,
      // Production refuses an http:// NEXTAUTH_URL unless told this is a local run (core/env.ts).
      ALLOW_INSECURE_NEXTAUTH_URL: "1",
      NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456789",
      // Every browser test comes from 127.0.0.1; the per-address limits are tested in tests/reliability.
      // Survey starts and submits keep their defaults (1,200 a minute per address, an office's burst).
      RATE_LIMIT_SIGNIN_PER_MIN: "1000",
    },
  });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
  // The cluster goes when the app has gone (the global teardown sends SIGTERM, or Ctrl-C does).
  server.on("exit", (code) => {
    try {
      stopRecordedCluster();
      fs.rmSync(E2E_SERVER_PID_FILE, { force: true });
    } finally {
      process.exit(code ?? 0);
    }
  });
  fs.writeFileSync(E2E_SERVER_PID_FILE, String(process.pid));
}

freshDatabase().then(startServer, (e: unknown) => {
  console.error(e);
  process.exit(1);
});
