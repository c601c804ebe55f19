import { beforeAll, describe, expect, it } from "vitest";
import { createRng, generateAnswers } from "../../db/factories";
import { seedDemo } from "../../db/seed-demo";
import { validateAnswers } from "../../core/answers";
import { getQuestionnaire } from "../../questions";
import { createSqliteTestDb } from "../helpers/test-db";

const q = getQuestionnaire(1);

describe("demo seed", () => {
  // The demo generator is checked once, on SQLite: the end-to-end suite seeds the same demo on PostgreSQL.
  const db = createSqliteTestDb();
  let summary: Awaited<ReturnType<typeof seedDemo>>;
  beforeAll(async () => {
    summary = await seedDemo(db);
  }, 180_000); // ran at collection (no time limit) before
  const one = async <T extends object = { n: number }>(sqlText: string) => (await db.sql.get<T>(sqlText))!;

  it("builds the benchmark the issue asks for", async () => {
    expect(summary.responses).toBeGreaterThanOrEqual(6000);
    expect((await one("select count(*) n from organisations")).n).toBeGreaterThanOrEqual(60);
    expect((await one("select count(distinct sector) n from organisations")).n).toBeGreaterThanOrEqual(5);
    expect((await one("select count(distinct size_band) n from organisations")).n).toBe(4);
    expect((await one("select count(*) n from responses where status = 'submitted'")).n).toBe(summary.responses);
    expect((await one("select count(*) n from waves where code = 'demo' and status = 'open'")).n).toBe(1);
  });

  it("plants the report's direction: capability, vision and L&D go with customer understanding", async () => {
    // The average of a comparison (0 or 1) is a share on SQLite; PostgreSQL would need a cast.
    const split = (cond: string) =>
      one<{ yes: number; no: number }>(`select avg(case when ${cond} then (customer_understanding between 4 and 5) end) yes,
                  avg(case when not (${cond}) then (customer_understanding between 4 and 5) end) no from responses`);
    const allThree = await split("org_data = 'yes' and org_security = 'yes' and org_coding = 'yes'");
    expect(allThree.yes - allThree.no).toBeGreaterThan(0.3);
    const vision = await split("vision between 4 and 5");
    expect(vision.yes - vision.no).toBeGreaterThan(0.2);
    const ld = await split("ld_awareness between 4 and 5");
    expect(ld.yes - ld.no).toBeGreaterThan(0.2);
    const seniors = await one<{ senior: number; staff: number }>(`select avg(case when seniority in ('senior_leader','executive') then org_data = 'yes' end) senior,
                                avg(case when seniority in ('staff','manager') then org_data = 'yes' end) staff from responses`);
    expect(seniors.senior).toBeGreaterThan(seniors.staff);
  });

  it("refuses to seed a database that already has organisations", async () => {
    await expect(seedDemo(db)).rejects.toThrow(/already has organisations/);
  });

  it("is deterministic and generates only valid answers", () => {
    const a = createRng(7);
    const b = createRng(7);
    const org = { maturity: 0.2, departments: ["Sales", "IT"] };
    for (let i = 0; i < 200; i++) {
      const x = generateAnswers(a, q.capabilityIds, org);
      expect(generateAnswers(b, q.capabilityIds, org)).toEqual(x);
      expect(validateAnswers(q, org.departments, x).ok).toBe(true);
    }
  });
});
