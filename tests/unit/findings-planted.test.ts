import { execFileSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PLANTED, plantReportFigures } from "../helpers/planted";
import { createSqliteTestDb } from "../helpers/test-db";

/** The published report's figures, planted in a generated population, come back from `findings`. */
describe("findings reproduce the published report's percentages", () => {
  // On SQLite only: the figures are computed by the same code from the same counters on either database, and 10,000 rows cost minutes on PostgreSQL row by row (aggregates.test.ts and the e2e suite cover PostgreSQL).
  const db = createSqliteTestDb();
  // The CLI's JSON (parsed, so of no declared type).
  let report: ReturnType<typeof JSON.parse>;
  let f: ReturnType<typeof JSON.parse>;
  beforeAll(async () => {
    await plantReportFigures(db);
    const file = db.name;
    const json = execFileSync(path.join("node_modules", ".bin", "tsx"), ["lib/cli/main.ts", "findings", "--json"], {
      env: { ...process.env, DATABASE_PATH: file },
      encoding: "utf8",
    });
    report = JSON.parse(json);
    f = report.findings;
  }, 180_000); // 10,000 rows and a CLI process, which ran at collection (no time limit) before
  const one = (x: number) => x.toFixed(1);

  it("covers the planted population", () => {
    expect(report.responses).toBe(PLANTED.n);
    expect(report.organisations).toBe(20);
  });

  it("F1: 44% say everyone understands the customers", () => {
    expect(one(f.f1.agree.pct)).toBe("44.0");
    expect(f.f1.agree.n).toBe(10_000);
  });

  it("F2: 83% where everyone can do all three, 18% elsewhere, 47% of them disagreeing", () => {
    expect(one(f.f2.yes.agree.pct)).toBe("83.0");
    expect(one(f.f2.no.agree.pct)).toBe("18.0");
    expect(one(f.f2.no.disagreePct)).toBe("47.0");
    expect(f.f2.yes.n).toBe(4_000);
    expect(f.f2.no.n).toBe(6_000);
    expect(one(f.f2.comparison.differencePoints)).toBe("65.0");
    expect(f.f2.comparison.test).toBe("chi_square");
    expect(f.f2.comparison.significant).toBe(true);
  });

  it("F3: 63% where leadership set a clear digital vision, 20% where not", () => {
    expect(one(f.f3.yes.agree.pct)).toBe("63.0");
    expect(one(f.f3.no.agree.pct)).toBe("20.0");
  });

  it("F4: 65% where L&D understands the skills needed, 18% where not", () => {
    expect(one(f.f4.yes.agree.pct)).toBe("65.0");
    expect(one(f.f4.no.agree.pct)).toBe("18.0");
  });

  it("F2's odds ratio, chi-square and phi match an independent computation", () => {
    // python3/scipy 1.x: t=[[3320,680],[1080,4920]]; stats.chi2_contingency(t, correction=False)
    //   → chi2 = 4268.4..., p ≈ 0; OR = (3320*4920)/(680*1080) = 22.2418...;
    //   phi = (3320*4920 - 680*1080)/sqrt(4000*6000*4400*5600) = 0.65333...
    const c = f.f2.comparison;
    expect(c.oddsRatio).toBeCloseTo((3320 * 4920) / (680 * 1080), 10);
    expect(c.phi).toBeCloseTo((3320 * 4920 - 680 * 1080) / Math.sqrt(4000 * 6000 * 4400 * 5600), 10);
    const expected = [[4000 * 4400, 4000 * 5600], [6000 * 4400, 6000 * 5600]].map((r) => r.map((x) => x / 10_000));
    const observed = [[3320, 680], [1080, 4920]];
    const chi2 = observed.flatMap((r, i) => r.map((o, j) => (o - expected[i]![j]!) ** 2 / expected[i]![j]!)).reduce((a, b) => a + b, 0);
    expect(c.chiSquare).toBeCloseTo(chi2, 6);
  });
});
