import { beforeAll, describe, expect, it } from "vitest";
import { analyseItems, itemFlags } from "../../core/item-analysis";
import { checkItem } from "../../questions/check-bank";
import { CHECK_OPTIONS } from "../../questions/constants";
import { drawChecks } from "../../core/checks";
import { getQuestionnaire } from "../../questions";
import { createRng, generateAnswers, generateCheckAnswers, insertOrganisation, insertSubmittedResponse, insertWave } from "../../db/factories";
import { itemAnalysis, itemAnalysisCsv } from "../../lib/admin/item-analysis";
import { retiredCheckIds, setCheckRetired } from "../../db/queries/checks";
import { createTestDb } from "../helpers/test-db";
import { expectRelClose } from "./stats/expect-rel-close";

/*
 * Reference: a 30 × 4 matrix of 0/1 scores simulated and analysed with numpy 2 / scipy 1.17:
 *   rng = np.random.default_rng(3); theta = rng.normal(size=30); b = [-0.5, 0.3, -0.2, 0.8]
 *   X = (rng.random((30, 4)) < 1/(1+exp(-1.6(theta−b)))).astype(int)
 *   point-biserial: scipy.stats.pointbiserialr(x, total − x) on the rows that had the item;
 *   KR-20: k/(k−1)·(1 − Σ p(1−p) / total.var()) (population variance).
 * Slot 1 holds data-b1 in rows 0–14 and data-b2 in rows 15–29; slots 2–4 hold one check each.
 */
const X = [
  [1, 1, 1, 0], [0, 0, 0, 0], [1, 1, 0, 0], [0, 0, 0, 0], [0, 1, 0, 0], [1, 1, 0, 0], [0, 0, 0, 0], [0, 1, 1, 0], [0, 0, 0, 0], [1, 1, 1, 1],
  [1, 0, 0, 0], [1, 0, 1, 0], [1, 0, 1, 0], [0, 0, 0, 0], [1, 0, 0, 0], [0, 0, 0, 0], [1, 1, 1, 1], [1, 1, 1, 0], [1, 1, 1, 1], [1, 0, 1, 0],
  [0, 0, 1, 0], [1, 1, 1, 0], [1, 0, 0, 0], [0, 0, 0, 0], [1, 0, 1, 0], [1, 0, 1, 1], [1, 1, 1, 1], [1, 0, 1, 0], [1, 1, 0, 0], [1, 1, 1, 1],
];
const SLOTS = ["check_data_1", "check_data_2", "check_security_1", "check_security_2"];

function rows() {
  return X.map((scores, k) => {
    const items = [k < 15 ? "data-b1" : "data-b2", "data-i1", "security-b1", "security-a1"];
    const answers = scores.map((right, i) => {
      const key = checkItem(items[i]!)!.answer;
      if (right) return key;
      return k % 2 === 0 ? "dont_know" : CHECK_OPTIONS.find((o) => o !== key)!;
    });
    return { items, answers };
  });
}

describe("item analysis of the knowledge checks", () => {
  it("equals numpy/scipy: proportion right, corrected point-biserial, KR-20 per capability and overall", () => {
    const a = analyseItems(SLOTS, rows());
    expect(a.complete).toBe(30);
    const expected: [string, number, number, number][] = [
      ["data-b1", 15, 0.5333333333333333, 0.38213262831394],
      ["data-b2", 15, 0.8, 0.5518254055364691],
      ["data-i1", 30, 0.43333333333333335, 0.42228151548662224],
      ["security-b1", 30, 0.5333333333333333, 0.5280185855761553],
      ["security-a1", 30, 0.2, 0.5405137321843837],
    ];
    for (const [id, n, p, rpb] of expected) {
      const f = a.items.get(id)!;
      expect(f.n).toBe(n);
      expectRelClose(f.proportionRight, p, 1e-12);
      expectRelClose(f.discrimination, rpb, 1e-9);
    }
    expectRelClose(a.reliability.get("data")!.kr20, 0.4991087344028522, 1e-9);
    expectRelClose(a.reliability.get("security")!.kr20, 0.6268656716417909, 1e-9);
    expectRelClose(a.reliability.get("overall")!.kr20, 0.7090009891196836, 1e-9);
  });

  it("counts each answer's share, \"I don't know\" included", () => {
    const f = analyseItems(SLOTS, rows()).items.get("security-a1")!;
    const wrongRows = X.map((s, k) => ({ right: s[3], k })).filter((r) => !r.right);
    const dontKnow = wrongRows.filter((r) => r.k % 2 === 0).length;
    expect(f.dontKnowRate).toBeCloseTo(dontKnow / 30, 12);
    expect(f.options.d).toBeCloseTo(6 / 30, 12); // security-a1's key is d, right 6 times
    expect(CHECK_OPTIONS.reduce((s, o) => s + f.options[o], f.options.dont_know)).toBeCloseTo(1, 12);
  });

  it("flags weak discrimination and checks nearly everyone or nearly nobody gets right", () => {
    expect(itemFlags({ proportionRight: 0.5, discrimination: 0.35 })).toEqual([]);
    expect(itemFlags({ proportionRight: 0.5, discrimination: 0.19 })).toEqual(["low_discrimination"]);
    expect(itemFlags({ proportionRight: 0.96, discrimination: 0.3 })).toEqual(["too_easy"]);
    expect(itemFlags({ proportionRight: 0.1, discrimination: 0.1 })).toEqual(["low_discrimination", "too_hard"]);
  });
});

describe("item analysis on a real database", () => {
  const db = createTestDb();
  const v2 = getQuestionnaire(2);
  beforeAll(async () => {
    const org = await insertOrganisation(db, { slug: "acme", name: "Acme", sector: "Retail", sizeBand: "small", departments: ["Sales"] });
    const wave = await insertWave(db, { orgId: org.id, label: "checks", questionnaireVersion: 2, code: "acme-checks" });
    const rng = createRng(5);
    for (let k = 0; k < 60; k++) {
      const answers = generateAnswers(rng, v2.capabilityIds, { maturity: 0, departments: ["Sales"] });
      const checks = drawChecks(v2, new Set(), (n) => Math.floor(rng() * n));
      await insertSubmittedResponse(db, { id: `r${k}`, waveId: wave.id, answers: { ...answers, ...generateCheckAnswers(rng, answers, checks) }, checks, submittedAt: "2026-12-01T10:00:00.000Z" });
    }
  });

  it("shows a check's figures only when enough people answered it, and the CSV says the same", async () => {
    const a = await itemAnalysis(db, 5);
    expect(a.respondents).toBe(60);
    expect(a.rows).toHaveLength(48);
    for (const row of a.rows) expect(row.figures.suppressed).toBe(row.n < 5);
    // 60 respondents, each check drawn for about a third of them: all shown at 5, none at 100.
    expect(a.rows.every((r) => !r.figures.suppressed)).toBe(true);
    expect((await itemAnalysis(db, 100)).rows.every((r) => r.figures.suppressed)).toBe(true);

    const { csv, rows } = await itemAnalysisCsv(db, 100);
    expect(rows).toBe(48);
    const lines = csv.replace(/^\ufeff/, "").trim().split("\r\n");
    expect(lines[0]).toBe(
      "item_id,capability,level,right_answer,retired,n,proportion_right,discrimination,dont_know_rate,chose_a,chose_b,chose_c,chose_d,chose_dont_know,flags,capability_kr20,overall_kr20,note",
    );
    expect(lines[1]).toMatch(/^data-b1,data,basic,c,no,\d+,,,,,,,,,,,,too few responses$/);
  });

  it("retires and restores a check with an audit entry, and a retired check is no longer drawn", async () => {
    const actor = { id: 1, email: "admin@example.com" };
    await db.sql.run("insert into users (id, email, name, password_hash, role) values (1, 'admin@example.com', 'A', 'x', 'admin')");
    expect(await setCheckRetired(db, actor, "data-b1", true)).toBe(true);
    expect(await setCheckRetired(db, actor, "data-b1", true)).toBe(false);
    const retired = await retiredCheckIds(db);
    expect([...retired]).toEqual(["data-b1"]);
    for (let i = 0; i < 50; i++) expect(Object.values(drawChecks(v2, retired, (n) => i % n))).not.toContain("data-b1");
    expect((await itemAnalysis(db, 5)).rows.find((r) => r.item.id === "data-b1")!.retired).toBe(true);
    expect(await setCheckRetired(db, actor, "data-b1", false)).toBe(true);
    const audit = await db.sql.all<{ action: string; scope: string }>("select action, scope from audit_log order by id");
    expect(audit).toEqual([
      { action: "check_retired", scope: "data-b1" },
      { action: "check_restored", scope: "data-b1" },
    ]);
  });
});
