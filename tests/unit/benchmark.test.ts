import { describe, expect, it } from "vitest";
import { createRng, generateAnswers, insertOrganisation, insertSubmittedResponse, insertWave } from "../../db/factories";
import { readWaveCounters } from "../../db/queries/aggregates";
import { findOrganisationBySlug } from "../../db/queries/organisations";
import { compareWith, orgLevelCorrelation, type OrgMetrics } from "../../lib/benchmark/compare";
import { addResponse, emptyCounters, SOURCE_COLUMNS } from "../../core/counters";
import { capabilityFigures, cronbachAlphaFromCounters, findings, histogramQuantile, indexDistribution, splitFinding } from "../../lib/benchmark/figures";
import { benchmarkReport, organisationReport } from "../../lib/benchmark/report";
import { suppressPartition } from "../../core/disclosure/groups";
import { releaseStatus } from "../../db/queries/releases";
import { cronbachAlpha, quantile, spearman } from "../../core/stats/index";
import { getQuestionnaire } from "../../questions";
import { createTestDb, openAgain } from "../helpers/test-db";

const q = getQuestionnaire(1);

/** Stored-encoding source values of generated answers, as the aggregates read them. */
function source(a: Record<string, unknown>): unknown[] {
  return SOURCE_COLUMNS.map((c) => {
    const v = a[c];
    if (v === undefined) return null;
    return v === "dont_know" && ["vision", "ld_awareness", "customer_understanding"].includes(c) ? 0 : v;
  });
}

describe("figures from counters equal the same figures on raw rows", () => {
  const rng = createRng(5);
  const people = Array.from({ length: 400 }, () => generateAnswers(rng, q.capabilityIds, { maturity: rng() - 0.5, departments: [] }));
  const v = emptyCounters();
  for (const p of people) addResponse(v, source(p));
  const selfRows = people.map((p) => q.capabilityIds.map((c) => p[`self_${c}`] as number));

  it("Cronbach's alpha from sufficient statistics equals alpha on the rows", () => {
    const a = cronbachAlphaFromCounters(v, 5);
    expect(a.suppressed).toBe(false);
    if (!a.suppressed) expect(a.alpha).toBeCloseTo(cronbachAlpha(selfRows), 10);
  });

  it("index distribution: mean, median and bands equal those of the individual indices", () => {
    const indices = selfRows.map((r) => (r.reduce((s, l) => s + (l - 1) * 25, 0) / 8));
    const d = indexDistribution(v, 5);
    expect(d.suppressed).toBe(false);
    if (d.suppressed) return;
    expect(d.n).toBe(400);
    expect(d.mean).toBeCloseTo(indices.reduce((a, b) => a + b, 0) / 400, 10);
    expect(d.median).toBeCloseTo(quantile(indices, 0.5), 10);
    expect(histogramQuantile(d.histogram, 0.9)).toBeCloseTo(quantile(indices, 0.9), 10);
    expect(d.bands.developing).toBe(indices.filter((x) => x < 50).length);
    expect(d.bands.proficient).toBe(indices.filter((x) => x >= 75).length);
  });

  it("coverage, perceived coverage and the gap per capability", () => {
    for (const c of capabilityFigures(v, 5)) {
      const able = people.filter((p) => (p[`self_${c.capability}`] as number) >= 4).length;
      const yes = people.filter((p) => p[`org_${c.capability}`] === "yes").length;
      expect(c.coverage.suppressed || c.coverage.pct).toBeCloseTo((able / 400) * 100, 10);
      expect(c.perceived.suppressed || c.perceived.pct).toBeCloseTo((yes / 400) * 100, 10);
      expect(c.perceptionGap.suppressed || c.perceptionGap.points).toBeCloseTo(((yes - able) / 400) * 100, 10);
    }
  });

  it("F1–F4 agree with counting the rows directly", () => {
    const f = findings(v, 5);
    const agree = (p: Record<string, unknown>) => typeof p.customer_understanding === "number" && p.customer_understanding >= 4;
    expect(f.f1.suppressed || f.f1.agree.count).toBe(people.filter(agree).length);
    const visionYes = people.filter((p) => typeof p.vision === "number" && p.vision >= 4);
    expect(f.f3.suppressed || f.f3.yes.n).toBe(visionYes.length);
    expect(f.f3.suppressed || f.f3.yes.agree.count).toBe(visionYes.filter(agree).length);
  });
});

describe("privacy rules", () => {
  it("suppress a split when either group is under the threshold, and every figure with it", () => {
    expect(splitFinding({ n: 4, agree: 3, dis: 0 }, { n: 100, agree: 20, dis: 40 }, 5)).toEqual({ suppressed: true });
    expect(splitFinding({ n: 100, agree: 3, dis: 0 }, { n: 4, agree: 2, dis: 1 }, 5)).toEqual({ suppressed: true });
    const shown = splitFinding({ n: 5, agree: 5, dis: 0 }, { n: 5, agree: 0, dis: 5 }, 5);
    expect(shown.suppressed).toBe(false);
    // 2×2 [[5,0],[0,5]]: expected counts 2.5 < 5 → Fisher; scipy.stats.fisher_exact([[5,0],[0,5]]) → p = 0.007936507936507936
    if (!shown.suppressed) {
      expect(shown.comparison.test).toBe("fisher");
      expect(shown.comparison.pValue).toBeCloseTo(0.007936507936507936, 12);
      expect(shown.comparison.oddsRatioCorrected).toBe(true);
      expect(shown.comparison.oddsRatio).toBeCloseTo((5.5 * 5.5) / (0.5 * 0.5), 10);
    }
  });

  it("hide the next smallest group when the hidden ones together are still under the threshold", () => {
    expect([...suppressPartition([{ key: "A", n: 40 }, { key: "B", n: 12 }, { key: "C", n: 2 }, { key: "D", n: 7 }], 5)].sort()).toEqual(["C", "D"]);
    expect([...suppressPartition([{ key: "A", n: 40 }, { key: "B", n: 3 }, { key: "C", n: 3 }], 5)].sort()).toEqual(["B", "C"]);
    expect([...suppressPartition([{ key: "A", n: 40 }, { key: "B", n: 9 }], 5)]).toEqual([]);
    expect([...suppressPartition([{ key: "A", n: 6 }, { key: "B", n: 1 }], 10)].sort()).toEqual(["A", "B"]);
  });

  it("need five other organisations for a comparison group", () => {
    expect(compareWith(50, [10, 20, 30, 40])).toEqual({ suppressed: true, organisations: 4 });
    const c = compareWith(35, [10, 20, 30, 40, 50]);
    // numpy.quantile([10,20,30,40,50],[0.5,0.75,0.9]) → [30, 40, 46]; scipy percentileofscore(..., 35, kind='mean') → 60
    expect(c).toEqual({ suppressed: false, organisations: 5, value: 35, median: 30, topQuartile: 40, topDecile: 46, percentileRank: 60 });
  });

  it("organisation-level Spearman uses only organisations with enough responses", () => {
    const m = (orgId: number, n: number, x: number, y: number): OrgMetrics => ({ orgId, sector: "s", sizeBand: "small", n, index: 0, coverage: {}, representativeCoverage: x, customerAgree: y });
    const population = [m(1, 10, 10, 20), m(2, 10, 20, 25), m(3, 10, 30, 22), m(4, 10, 40, 50), m(5, 10, 50, 45), m(6, 2, 90, 0)];
    const r = orgLevelCorrelation(population, 5, 2);
    expect(r.suppressed).toBe(false);
    if (r.suppressed) return;
    expect(r.organisations).toBe(5);
    const ref = spearman([10, 20, 30, 40, 50], [20, 25, 22, 50, 45]);
    expect(r.rho).toBeCloseTo(ref.rho, 12);
    expect(r.points.filter((p) => p.self)).toHaveLength(1);
    expect(orgLevelCorrelation(population.slice(0, 4), 5)).toEqual({ suppressed: true, organisations: 4 });
  });

  it("an organisation report never shows a group under the threshold, filtered or not", async () => {
    const db = createTestDb();
    const rng = createRng(9);
    for (let o = 0; o < 7; o++) {
      const org = await insertOrganisation(db, { slug: `org-${o}`, name: `Org ${o}`, sector: o < 6 ? "Retail" : "Technology", sizeBand: "small", departments: ["Big", "Tiny"] });
      const wave = await insertWave(db, { orgId: org.id, label: "w1", questionnaireVersion: 1, code: `org-${o}-w1` });
      const n = o === 6 ? 3 : 30;
      for (let i = 0; i < n; i++) {
        const answers = generateAnswers(rng, q.capabilityIds, { maturity: o / 5, departments: ["Big"] });
        if (i < 2) answers.department = "Tiny";
        await insertSubmittedResponse(db, { id: `r-${o}-${i}`, waveId: wave.id, answers, submittedAt: "2026-05-01T00:00:00Z" });
      }
    }
    const org0 = (await findOrganisationBySlug(db, "org-0"))!;
    const whole = await organisationReport(db, org0, 5);
    expect(whole.figures.responses).toBe(30);
    expect(whole.figures.findings.f1.suppressed).toBe(false);
    // Five other organisations with ≥ 5 responses (org-6 has 3): comparison shown for all and for the sector.
    expect(whole.comparison?.index.all.organisations).toBe(5);
    expect(whole.comparison?.index.all.suppressed).toBe(false);
    expect(whole.comparison?.index.sizeBand.suppressed).toBe(false);

    const tiny = await organisationReport(db, org0, 5, { filter: { department: "Tiny" } });
    expect(tiny.figures.responses).toBe(2);
    expect(tiny.figures.findings).toEqual({ f1: { suppressed: true }, f2: { suppressed: true }, f3: { suppressed: true }, f4: { suppressed: true }, f5: { suppressed: true } });
    expect(tiny.figures.capabilities.every((c) => c.coverage.suppressed && c.perceived.suppressed && c.perceptionGap.suppressed)).toBe(true);
    expect(tiny.figures.index).toEqual({ suppressed: true });
    expect(tiny.figures.alpha).toEqual({ suppressed: true });
    expect(tiny.comparison).toBeNull();
    expect(JSON.stringify(tiny.figures)).not.toMatch(/"pct"/);

    const small = await organisationReport(db, (await findOrganisationBySlug(db, "org-6"))!, 5);
    expect(small.figures.responses).toBe(3);
    expect(small.comparison).toBeNull();
    expect(JSON.stringify(small.figures.capabilities)).not.toMatch(/"pct"/);

    // A higher threshold (configurable upward) hides more.
    const strict = await organisationReport(db, org0, 31);
    expect(strict.figures.findings.f1).toEqual({ suppressed: true });

    // The benchmark holds released waves only: org-6 (3 responses) has never been released, so
    // its responses cannot move a pooled figure (docs/privacy.md).
    const b = await benchmarkReport(db, 5);
    expect(b.responses).toBe(6 * 30);
    expect(b.organisations).toBe(6);
    expect(b.distributions.index.organisations).toBe(6);
    const sector = await benchmarkReport(db, 5, { sector: "Technology" });
    expect(sector.responses).toBe(0);
    expect(sector.findings.f1).toEqual({ suppressed: true });
    expect(await counterN(db)).toBe(183);
  });
});

async function counterN(db: ReturnType<typeof createTestDb>): Promise<number> {
  let n = 0;
  for (const id of await db.sql.column<number>("select id from waves")) n += (await readWaveCounters(db, id))[0]!;
  return n;
}

describe("fast comparisons and the in-memory benchmark", () => {
  it("compareInSorted gives exactly what compareWith gives on the other organisations", async () => {
    const { compareInSorted } = await import("../../lib/benchmark/compare");
    const rng = createRng(11);
    for (let t = 0; t < 300; t++) {
      const values = Array.from({ length: 3 + Math.floor(rng() * 12) }, () => Math.floor(rng() * 8) * 12.5);
      const sorted = [...values].sort((a, b) => a - b);
      const value = Math.floor(rng() * 8) * 12.5;
      const excludeIndex = rng() < 0.5 ? Math.floor(rng() * values.length) : -1;
      const exclude = excludeIndex >= 0 ? values[excludeIndex] : undefined;
      const others = excludeIndex >= 0 ? values.filter((_, i) => i !== excludeIndex) : values;
      const a = compareInSorted(value, sorted, exclude);
      const b = compareWith(value, others);
      expect(a.suppressed).toBe(b.suppressed);
      if (!a.suppressed && !b.suppressed) {
        for (const k of ["organisations", "median", "topQuartile", "topDecile", "percentileRank"] as const) expect(a[k]).toBeCloseTo(b[k], 10);
      }
    }
  });

  async function listOrganisationsReleased(db: ReturnType<typeof createTestDb>) {
    const out: { live: number; released: number }[] = [];
    for (const w of await db.sql.column<number>("select id from waves")) {
      const s = await releaseStatus(db, w);
      out.push({ live: s.live, released: s.released ?? 0 });
    }
    return out;
  }

  it("follows submissions exactly: the cached benchmark equals a fresh read after each one", async () => {
    const { closeDatabase } = await import("../../db/client");
    const { startResponse, submitResponse } = await import("../../lib/survey/service");
    const db = createTestDb();
    const rng = createRng(12);
    for (let o = 0; o < 6; o++) {
      const org = await insertOrganisation(db, { slug: `c-${o}`, name: `C ${o}`, sector: "Retail", sizeBand: "medium", departments: [] });
      const wave = await insertWave(db, { orgId: org.id, label: "w", questionnaireVersion: 1, code: `c-${o}` });
      for (let i = 0; i < 8; i++) await insertSubmittedResponse(db, { id: `c-${o}-${i}`, waveId: wave.id, answers: generateAnswers(rng, q.capabilityIds, { maturity: o / 3, departments: [] }), submittedAt: "2026-05-01T00:00:00Z" });
    }
    const org = (await findOrganisationBySlug(db, "c-2"))!;
    await organisationReport(db, org, 5); // warm the cache
    for (let k = 0; k < 12; k++) {
      const code = `c-${Math.floor(rng() * 6)}`;
      const { token } = await startResponse(db, code, {}, "en");
      const answers = generateAnswers(rng, q.capabilityIds, { maturity: 1, departments: [] });
      await submitResponse(db, code, token, { answers });
      const cached = JSON.stringify(await organisationReport(db, org, 5));
      const fresh = openAgain(db);
      expect(JSON.stringify(await organisationReport(fresh, (await findOrganisationBySlug(fresh, "c-2"))!, 5))).toBe(cached);
      await closeDatabase(fresh);
    }
    // Figures move in releases: each organisation's benchmark wave lags its live responses by fewer than 5.
    const released = await listOrganisationsReleased(db);
    expect((await organisationReport(db, org, 5)).benchmark.responses).toBe(released.reduce((a, r) => a + r.released, 0));
    expect(released.reduce((a, r) => a + r.live, 0)).toBe(6 * 8 + 12);
    for (const r of released) expect(r.live - r.released).toBeLessThan(5);
  });
});
