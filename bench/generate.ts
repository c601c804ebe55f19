/*
 * Builds the benchmark database: 10,000 organisations × 100 submitted responses = 1,000,000, written
 * with raw prepared statements in large transactions (aggregates are rebuilt afterwards). SQLite only:
 * better-sqlite3's synchronous loop, the fast way to write a million rows.
 */
import fs from "node:fs";
import path from "node:path";
import { openDatabase, type SqliteDb } from "../db/client";
import { answersToColumns } from "../db/item-columns";
import { createRng, generateAnswers, orgMaturity, SECTORS, DEPARTMENTS } from "../db/factories";
import { SIZE_BANDS } from "../core/vocabulary";
import { getQuestionnaire } from "../questions";

export const BENCH_ORGS = 10_000;
export const BENCH_PER_ORG = 100;

const COLUMNS = [
  "id", "wave_id", "status", "locale", "step", "department", "seniority",
  "self_data", "self_security", "self_coding", "self_mobile", "self_social", "self_analytics", "self_cloud", "self_ai",
  "org_data", "org_security", "org_coding", "org_mobile", "org_social", "org_analytics", "org_cloud", "org_ai",
  "vision", "ld_awareness", "customer_understanding", "created_at", "updated_at", "submitted_at",
];

const PROPS: Record<string, string> = {
  self_data: "selfData", self_security: "selfSecurity", self_coding: "selfCoding", self_mobile: "selfMobile", self_social: "selfSocial",
  self_analytics: "selfAnalytics", self_cloud: "selfCloud", self_ai: "selfAi", org_data: "orgData", org_security: "orgSecurity",
  org_coding: "orgCoding", org_mobile: "orgMobile", org_social: "orgSocial", org_analytics: "orgAnalytics", org_cloud: "orgCloud",
  org_ai: "orgAi", vision: "vision", ld_awareness: "ldAwareness", customer_understanding: "customerUnderstanding", department: "department", seniority: "seniority",
};

export function generateBenchDatabase(file: string, log: (s: string) => void): SqliteDb {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  const db = openDatabase(file);
  const sqlite = db.$client;
  const q = getQuestionnaire(1);
  const rng = createRng(1_000_000);
  const insertOrg = sqlite.prepare("insert into organisations (slug, name, sector, size_band, departments, created_at) values (?, ?, ?, ?, ?, ?)");
  const insertWave = sqlite.prepare("insert into waves (org_id, label, questionnaire_version, code, status, opens_at, created_at) values (?, ?, 1, ?, 'closed', ?, ?)");
  const insertResponse = sqlite.prepare(`insert into responses (${COLUMNS.join(", ")}) values (${COLUMNS.map(() => "?").join(", ")})`);
  const started = performance.now();
  const batch = sqlite.transaction((from: number, to: number) => {
    for (let o = from; o < to; o++) {
      const sector = SECTORS[o % SECTORS.length]!;
      const sizeBand = SIZE_BANDS[Math.floor(o / SECTORS.length) % 4]!;
      const departments = DEPARTMENTS.slice(0, 4 + (o % 5));
      const orgId = Number(insertOrg.run(`org-${o}`, `Organisation ${o}`, sector, sizeBand, JSON.stringify(departments), "2026-01-01T00:00:00.000Z").lastInsertRowid);
      const waveId = Number(insertWave.run(orgId, "2026-Q2", `bench-${o}`, "2026-04-01T00:00:00.000Z", "2026-04-01T00:00:00.000Z").lastInsertRowid);
      const profile = { maturity: orgMaturity(rng, sector, sizeBand), departments };
      for (let i = 0; i < BENCH_PER_ORG; i++) {
        const cols = answersToColumns(generateAnswers(rng, q.capabilityIds, profile)) as Record<string, unknown>;
        const at = "2026-04-15T10:00:00.000Z";
        const values = COLUMNS.map((c) => {
          if (c === "id") return `b-${o}-${i}`;
          if (c === "wave_id") return waveId;
          if (c === "status") return "submitted";
          if (c === "locale") return "en";
          if (c === "step") return 0;
          if (c.endsWith("_at")) return at;
          return cols[PROPS[c]!] ?? null;
        });
        insertResponse.run(...values);
      }
    }
  });
  for (let o = 0; o < BENCH_ORGS; o += 500) {
    batch(o, Math.min(BENCH_ORGS, o + 500));
    log(`  generated ${((o + 500) * BENCH_PER_ORG).toLocaleString("en")} responses (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  return db;
}
