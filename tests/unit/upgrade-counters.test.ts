import { describe, expect, it } from "vitest";
import { createRng, generateAnswers, insertOrganisation, insertSubmittedResponse, insertWave, uuidFrom } from "../../db/factories";
import { rebuildIfCountersMissing } from "../../db/queries/aggregates";
import { getQuestionnaire } from "../../questions";
import { createTestDb } from "../helpers/test-db";

const JOINT = Array.from({ length: 27 }, (_, k) => `cuj_${k}`);

describe("aggregates stored before a version added counters", () => {
  it("are rebuilt once at start-up, to what the responses give, and left alone when complete", async () => {
    const db = createTestDb();
    const org = await insertOrganisation(db, { slug: "old", name: "Old", sector: "Retail", sizeBand: "small", departments: ["Sales"] });
    const wave = await insertWave(db, { orgId: org.id, label: "w", questionnaireVersion: 1, code: "old-w" });
    const rng = createRng(3);
    for (let i = 0; i < 30; i++) {
      const answers = generateAnswers(rng, getQuestionnaire(1).capabilityIds, { maturity: 0, departments: ["Sales"] });
      await insertSubmittedResponse(db, { id: uuidFrom(rng), waveId: wave.id, answers, submittedAt: "2026-05-01T00:00:00Z" });
    }
    const complete = await db.sql.all("select * from agg_waves");
    expect(await rebuildIfCountersMissing(db)).toBe(false);
    // A database aggregated before the joint classes existed: the migration added them as 0.
    await db.sql.run(`update agg_waves set ${JOINT.map((c) => `${c} = 0`).join(", ")}`);
    expect(await rebuildIfCountersMissing(db)).toBe(true);
    expect(await db.sql.all("select * from agg_waves")).toEqual(complete);
    expect(await rebuildIfCountersMissing(db)).toBe(false);
  });
});
