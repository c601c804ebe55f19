import { beforeAll, describe, expect, it } from "vitest";
import { allChecks, checkItem, checksOf, MIN_CHECKS_PER_CAPABILITY } from "../../questions/check-bank";
import { checkSlots, estimatedMinutes, getQuestionnaire, LOCALES } from "../../questions";
import { CHECK_LEVELS, CHECK_OPTIONS } from "../../questions/constants";
import { calibrationNote, drawChecks, scoreChecks } from "../../core/checks";
import { validateAnswers } from "../../core/answers";
import { createRng, insertOrganisation, insertWave } from "../../db/factories";
import { findResponseByToken } from "../../db/queries/survey";
import { columnsToAssignment } from "../../db/item-columns";
import { saveAnswers, startResponse, submitResponse } from "../../lib/survey/service";
import { completeAnswers } from "../../harness/answers";
import { createTestDb } from "../helpers/test-db";

const v1 = getQuestionnaire(1);
const v2 = getQuestionnaire(2);

describe("the knowledge-check bank", () => {
  it("holds at least five checks per capability, at every level, each worded in every locale", () => {
    for (const id of v2.capabilityIds) {
      const items = checksOf(id);
      expect(items.length).toBeGreaterThanOrEqual(MIN_CHECKS_PER_CAPABILITY);
      for (const level of CHECK_LEVELS) expect(items.some((i) => i.level === level)).toBe(true);
    }
    expect(allChecks().length).toBeGreaterThanOrEqual(40);
    for (const item of allChecks()) {
      for (const locale of LOCALES) {
        const t = item.text[locale];
        expect(t.stem.length).toBeGreaterThan(20);
        for (const o of CHECK_OPTIONS) expect(t.options[o].length).toBeGreaterThan(0);
        expect(t.explanation.length).toBeGreaterThan(40);
      }
    }
  });

  it("spreads the right answers over a–d, so always guessing one letter scores about a quarter", () => {
    const counts = Object.fromEntries(CHECK_OPTIONS.map((o) => [o, allChecks().filter((i) => i.answer === o).length]));
    for (const o of CHECK_OPTIONS) expect(counts[o]).toBe(allChecks().length / 4);
  });

  it("uses each Chinese script's own regional terms and no English sentences in Chinese", () => {
    const hant = allChecks().map((i) => JSON.stringify(i.text["zh-Hant"])).join("");
    const hans = allChecks().map((i) => JSON.stringify(i.text["zh-Hans"])).join("");
    // Simplified forms must not appear in the Traditional texts, nor Traditional ones in the Simplified.
    for (const simplified of ["数据", "网络", "软件", "信息", "账号", "视频", "这", "们", "检查"]) expect(hant).not.toContain(simplified);
    for (const traditional of ["資料", "網路", "軟體", "資訊", "帳號", "這", "們", "檢查"]) expect(hans).not.toContain(traditional);
    for (const item of allChecks()) {
      for (const locale of ["zh-Hans", "zh-Hant"] as const) expect(item.text[locale].stem).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe("questionnaire v2", () => {
  it("is v1 followed by one checks step per capability, two slots each", () => {
    expect(v2.steps.slice(0, v1.steps.length)).toEqual(v1.steps);
    const checkSteps = v2.steps.slice(v1.steps.length);
    expect(checkSteps.map((s) => s.kind)).toEqual(Array(8).fill("checks"));
    expect(checkSlots(v2)).toHaveLength(16);
    expect(checkSlots(v2)[0]).toBe("check_data_1");
    expect(checkSlots(v1)).toEqual([]);
  });

  it("estimates its length with the checks' own time", () => {
    const checks = v2.checks!;
    const seconds = 21 * v2.secondsPerItem + 16 * checks.secondsPerCheck;
    expect(estimatedMinutes(v2, ["Sales"])).toEqual({ items: 37, minutes: Math.round(seconds / 60) });
    expect(estimatedMinutes(v2).minutes).toBeGreaterThan(estimatedMinutes(v1).minutes);
  });

  it("accepts a–d and dont_know for a check slot and names what is allowed otherwise", () => {
    expect(validateAnswers(v2, ["Sales"], { check_data_1: "b", check_ai_2: "dont_know" })).toEqual({ ok: true, answers: { check_data_1: "b", check_ai_2: "dont_know" } });
    const bad = validateAnswers(v2, ["Sales"], { check_data_1: "e" });
    expect(bad).toEqual({ ok: false, fields: { check_data_1: "must be one of: a, b, c, d, dont_know" } });
    // v1 has no check items.
    expect(validateAnswers(v1, ["Sales"], { check_data_1: "a" }).ok).toBe(false);
  });
});

describe("drawing checks", () => {
  it("draws two checks of two different levels per capability, easiest first, never a retired one", () => {
    const rng = createRng(7);
    const randomInt = (n: number) => Math.floor(rng() * n);
    const retired = new Set(["data-b1"]);
    for (let i = 0; i < 200; i++) {
      const a = drawChecks(v2, retired, randomInt);
      expect(Object.keys(a).sort()).toEqual([...checkSlots(v2)].sort());
      for (const id of v2.capabilityIds) {
        const first = checkItem(a[`check_${id}_1`]!)!;
        const second = checkItem(a[`check_${id}_2`]!)!;
        expect(first.capabilityId).toBe(id);
        expect(second.capabilityId).toBe(id);
        expect(first.level).not.toBe(second.level);
        expect(CHECK_LEVELS.indexOf(first.level)).toBeLessThan(CHECK_LEVELS.indexOf(second.level));
      }
      expect(Object.values(a)).not.toContain("data-b1");
    }
  });

  it("draws every check of a capability about equally often (each in a third of draws)", () => {
    const rng = createRng(11);
    const randomInt = (n: number) => Math.floor(rng() * n);
    const draws = 6000;
    const counts = new Map<string, number>();
    for (let i = 0; i < draws; i++) for (const item of Object.values(drawChecks(v2, new Set(), randomInt))) counts.set(item, (counts.get(item) ?? 0) + 1);
    // 6 checks, 2 per level, 2 drawn: each is drawn with probability 2/3 · 1/2 = 1/3. With n = 6000
    // the count's standard deviation is √(6000·1/3·2/3) ≈ 36.5; 5 s.d. is 183.
    for (const item of allChecks()) expect(Math.abs((counts.get(item.id) ?? 0) - draws / 3)).toBeLessThan(183);
  });

  it("still draws two checks when a whole level is retired", () => {
    const retired = new Set(checksOf("coding").filter((i) => i.level !== "basic").map((i) => i.id));
    const a = drawChecks(v2, retired, () => 0);
    expect(checkItem(a.check_coding_1!)!.level).toBe("basic");
    expect(checkItem(a.check_coding_2!)!.level).toBe("basic");
    expect(a.check_coding_1).not.toBe(a.check_coding_2);
  });
});

describe("scoring checks", () => {
  it("counts the right answers per capability; don't know and no answer are not right", () => {
    const a = drawChecks(v2, new Set(), () => 0);
    const data1 = checkItem(a.check_data_1!)!;
    const data2 = checkItem(a.check_data_2!)!;
    const wrong = CHECK_OPTIONS.find((o) => o !== data2.answer)!;
    const results = scoreChecks(v2, a, { check_data_1: data1.answer, check_data_2: wrong, check_security_1: "dont_know" });
    const data = results.find((r) => r.capabilityId === "data")!;
    expect(data).toMatchObject({ correct: 1, asked: 2 });
    expect(data.results.map((r) => r.correct)).toEqual([true, false]);
    expect(results.find((r) => r.capabilityId === "security")).toMatchObject({ correct: 0, asked: 2 });
  });

  it("reads a rating against the checks kindly, saying nothing from one middling result", () => {
    expect(calibrationNote(2, { correct: 2, asked: 2 })).toBe("underrating");
    expect(calibrationNote(3, { correct: 2, asked: 2 })).toBe("underrating");
    expect(calibrationNote(4, { correct: 2, asked: 2 })).toBe("fits");
    expect(calibrationNote(5, { correct: 0, asked: 2 })).toBe("worth_checking");
    expect(calibrationNote(4, { correct: 1, asked: 2 })).toBe("fits");
    expect(calibrationNote(1, { correct: 0, asked: 2 })).toBe("fits");
  });
});

describe("a v2 survey on a real database", () => {
  const db = createTestDb();
  beforeAll(async () => {
    const org = await insertOrganisation(db, { slug: "acme", name: "Acme", sector: "Retail", sizeBand: "small", departments: ["Sales", "IT"] });
    await insertWave(db, { orgId: org.id, label: "checks", questionnaireVersion: 2, code: "acme-checks" });
  });

  it("draws the checks at the start and sends their wording without the key or the explanation", async () => {
    const { token, state } = await startResponse(db, "acme-checks", { locale: "zh-Hant" }, "en");
    expect(Object.keys(state.checks).sort()).toEqual([...checkSlots(v2)].sort());
    const row = (await findResponseByToken(db, token))!;
    const assignment = columnsToAssignment(row);
    for (const [slot, check] of Object.entries(state.checks)) {
      const item = checkItem(assignment[slot]!)!;
      expect(check).toEqual({ item: item.id, stem: item.text["zh-Hant"].stem, options: item.text["zh-Hant"].options });
      expect(JSON.stringify(state)).not.toContain(item.text["zh-Hant"].explanation);
    }
    expect(JSON.stringify(state)).not.toMatch(/"answer"|explanation|correct/);
  });

  it("requires every check at submission, then keeps the answers with the drawn checks", async () => {
    const { token, state } = await startResponse(db, "acme-checks", {}, "en");
    await saveAnswers(db, "acme-checks", token, { answers: completeAnswers(), step: 10 });
    await expect(submitResponse(db, "acme-checks", token, {})).rejects.toMatchObject({ code: "incomplete" });
    const answers = Object.fromEntries(Object.keys(state.checks).map((slot) => [slot, checkItem(state.checks[slot]!.item)!.answer]));
    const done = await submitResponse(db, "acme-checks", token, { answers });
    expect(done.outcome).toBe("submitted");
    expect(done.state.checks).toEqual({});
    const row = (await findResponseByToken(db, done.state.reportUrl!.split("/").pop()!))!;
    const scored = scoreChecks(v2, columnsToAssignment(row), answers);
    expect(scored.every((r) => r.correct === 2 && r.asked === 2)).toBe(true);
  });
});
