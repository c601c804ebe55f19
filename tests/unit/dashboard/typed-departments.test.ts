/*
 * Issue 16, finding 7: a department name typed by (or imported for) a single person never reaches a
 * viewer. An organisation without a department list, with imported responses naming a one-person
 * department, shows that name nowhere in the Summary, Analysis or Priorities JSON nor in the
 * dashboard CSV. Positive control: a big enough imported department is named.
 */
import { describe, expect, it } from "vitest";
import { createRng, generateAnswers, insertOrganisation, insertSubmittedResponse, insertWave } from "../../../db/factories";
import { analysisData } from "../../../lib/dashboard/analysis";
import { dashboardCsvRows } from "../../../lib/dashboard/csv";
import { prioritiesData } from "../../../lib/dashboard/priorities-view";
import { resolveScope } from "../../../lib/dashboard/scope";
import { summaryData } from "../../../lib/dashboard/summary";
import type { Answers } from "../../../core/answers";
import { getQuestionnaire } from "../../../questions";
import { createTestDb } from "../../helpers/test-db";

const MIN = 5;
const q = getQuestionnaire(1);
const SOLO = "Solo Team of One";

describe("departments named by imported responses, organisation without a list (issue 16, finding 7)", () => {
  it("the name of a one-person department appears in no dashboard JSON nor CSV for a lead", async () => {
    const db = createTestDb();
    const org = await insertOrganisation(db, { slug: "nolist", name: "No List", sector: "Retail", sizeBand: "medium", departments: [] });
    const waveId = (await insertWave(db, { orgId: org.id, label: "w1", questionnaireVersion: 1, code: "nolist-w1" })).id;
    const rng = createRng(7);
    const people: Answers[] = [
      ...Array.from({ length: 12 }, () => ({ ...generateAnswers(rng, q.capabilityIds, { maturity: 0, departments: [] }), department: "Warehouse", seniority: "staff" })),
      ...Array.from({ length: 10 }, () => ({ ...generateAnswers(rng, q.capabilityIds, { maturity: 0, departments: [] }), department: "Shop", seniority: "staff" })),
      ...Array.from({ length: 9 }, () => ({ ...generateAnswers(rng, q.capabilityIds, { maturity: 0, departments: [] }), department: "Office", seniority: "staff" })),
      { ...generateAnswers(rng, q.capabilityIds, { maturity: 0, departments: [] }), department: SOLO, seniority: "staff" },
    ];
    for (const [i, answers] of people.entries()) await insertSubmittedResponse(db, { id: `nolist-${i}`, waveId, answers, submittedAt: "2026-05-01T00:00:00Z" });

    for (const query of [{}, { department: "Warehouse" }]) {
      const scope = await resolveScope(db, org, query, MIN);
      const summary = await summaryData(db, scope, "en");
      const analysis = await analysisData(db, scope, "en");
      const priorities = await prioritiesData(db, scope, "en");
      const json = JSON.stringify({ summary, analysis, priorities });
      expect(json).not.toContain(SOLO);
      expect(json).not.toContain("Solo");
      const csv = JSON.stringify(dashboardCsvRows(summary, analysis, priorities));
      expect(csv).not.toContain("Solo");
      // Control: the twelve-person imported department is named and shown.
      expect(summary.meta.options.departments).toContainEqual({ name: "Warehouse", shown: true });
      expect(csv).toContain("Warehouse");
    }
    // Asking for the hidden name is refused without listing it.
    await expect(resolveScope(db, org, { department: SOLO }, MIN)).rejects.toThrow();
    try {
      await resolveScope(db, org, { department: SOLO }, MIN);
    } catch (e) {
      expect(JSON.stringify((e as { details?: unknown }).details ?? e)).not.toContain("allowed: Solo");
    }
  });
});
