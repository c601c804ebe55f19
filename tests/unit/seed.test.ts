import { describe, expect, it } from "vitest";
import { createRng, generateAnswers } from "../../db/factories";
import { seedDemo } from "../../db/seed-demo";
import { validateAnswers } from "../../core/answers";
import { getQuestionnaire } from "../../questions";
import { createTestDb } from "../helpers/test-db";

const q = getQuestionnaire(1);

describe("demo seed", () => {
  const db = createTestDb();
  const summary = seedDemo(db);
  const one = <T = { n: number }>(sqlText: string) => db.$client.prepare(sqlText).get() as T;

  it("builds the benchmark the issue asks for", () => {
    expect(summary.responses).toBeGreaterThanOrEqual(6000);
    expect(one("select count(*) n from organisations").n).toBeGreaterThanOrEqual(60);
    expect(one("select count(distinct sector) n from organisations").n).toBeGreaterThanOrEqual(5);
    expect(one("select count(distinct size_band) n from organisations").n).toBe(4);
    expect(one("select count(*) n from responses where status = 'submitted'").n).toBe(summary.responses);
    expect(one("select count(*) n from waves where code = 'demo' and status = 'open'").n).toBe(1);
  });

  it("plants the report's direction: capability, vision and L&D go with customer understanding", () => {
    const split = (cond: string) =>
      one<{ yes: number; no: number }>(`select avg(case when ${cond} then (customer_understanding between 4 and 5) end) yes,
                  avg(case when not (${cond}) then (customer_understanding between 4 and 5) end) no from responses`);
    const allThree = split("org_data = 'yes' and org_security = 'yes' and org_coding = 'yes'");
    expect(allThree.yes - allThree.no).toBeGreaterThan(0.3);
    const vision = split("vision between 4 and 5");
    expect(vision.yes - vision.no).toBeGreaterThan(0.2);
    const ld = split("ld_awareness between 4 and 5");
    expect(ld.yes - ld.no).toBeGreaterThan(0.2);
    const seniors = one<{ senior: number; staff: number }>(`select avg(case when seniority in ('senior_leader','executive') then org_data = 'yes' end) senior,
                                avg(case when seniority in ('staff','manager') then org_data = 'yes' end) staff from responses`);
    expect(seniors.senior).toBeGreaterThan(seniors.staff);
  });

  it("refuses to seed a database that already has organisations", () => {
    expect(() => seedDemo(db)).toThrow(/already has organisations/);
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
