import { describe, expect, it } from "vitest";
import { createRng, generateAnswers, insertOrganisation, insertSubmittedResponse, insertWave, pick, uuidFrom } from "../../db/factories";
import { rebuildAggregates, readWaveCounters } from "../../db/queries/aggregates";
import { COUNTERS, counter } from "../../core/counters";
import type { Answers } from "../../core/answers";
import { saveAnswers, startResponse, submitResponse } from "../../lib/survey/service";
import { checkSlots, getQuestionnaire } from "../../questions";
import { checkItem } from "../../questions/check-bank";
import { drawChecks } from "../../core/checks";
import { columnsToAssignment } from "../../db/item-columns";
import { findResponseByToken } from "../../db/queries/survey";
import { generateCheckAnswers } from "../../db/factories";
import { createTestDb } from "../helpers/test-db";

const q = getQuestionnaire(1);
const v2 = getQuestionnaire(2);

/*
 * An independent counting rule for the property test: every counter written out from its meaning
 * (core/counters.ts, decisions 003 and 004) and counted straight from the answers as given, with no
 * code shared with addResponse, so a miscount there cannot hide behind a rebuild that uses it too.
 */
const CAPABILITIES = ["data", "security", "coding", "mobile", "social", "analytics", "cloud", "ai"];
const REPRESENTATIVE_THREE = ["data", "security", "coding"];
const ORG_ANSWER_OF_SUFFIX = { yes: "yes", partly: "partly", no: "no", dk: "dont_know" };
const AGREEMENT_ITEM_OF_PREFIX = { vision: "vision", ld: "ld_awareness", cu: "customer_understanding" };
const SENIORITY_GROUP_LEVELS = { senior: ["senior_leader", "executive"], staff: ["staff", "manager"] };

function countersByDefinition(given: Answers[]): Record<string, number> {
  const expected: Record<string, number> = {};
  const count = (name: string, holds: (a: Answers) => boolean) => (expected[name] = given.filter(holds).length);
  const sum = (name: string, of: (a: Answers) => number) => (expected[name] = given.reduce((total, a) => total + of(a), 0));
  const self = (a: Answers, c: string) => a[`self_${c}`];
  // Agreement: 4 "agree" or 5 "strongly agree"; disagreement: 1 or 2; 3 and "don't know" are neither.
  const agrees = (v: unknown) => v === 4 || v === 5;
  const disagrees = (v: unknown) => v === 1 || v === 2;

  count("n", () => true);
  for (const c of CAPABILITIES) {
    for (let level = 1; level <= 5; level++) count(`s_${c}_${level}`, (a) => self(a, c) === level);
    for (const [suffix, answer] of Object.entries(ORG_ANSWER_OF_SUFFIX)) count(`o_${c}_${suffix}`, (a) => a[`org_${c}`] === answer);
  }
  for (const [prefix, item] of Object.entries(AGREEMENT_ITEM_OF_PREFIX)) {
    for (let level = 1; level <= 5; level++) count(`${prefix}_${level}`, (a) => a[item] === level);
    count(`${prefix}_dk`, (a) => a[item] === "dont_know");
  }
  // The index histogram and alpha's sums are over respondents who rated all eight capabilities.
  const ratedAll = (a: Answers) => CAPABILITIES.every((c) => typeof self(a, c) === "number");
  const indexOf = (a: Answers) => CAPABILITIES.reduce((total, c) => total + (self(a, c) as number), 0);
  for (let total = 8; total <= 40; total++) count(`idx_${total}`, (a) => ratedAll(a) && indexOf(a) === total);
  for (const c of CAPABILITIES) {
    sum(`a_sum_${c}`, (a) => (ratedAll(a) ? (self(a, c) as number) : 0));
    sum(`a_sq_${c}`, (a) => (ratedAll(a) ? (self(a, c) as number) ** 2 : 0));
  }
  const answeredThree = (a: Answers) => REPRESENTATIVE_THREE.every((c) => a[`org_${c}`] !== undefined);
  const yesToThree = (a: Answers) => REPRESENTATIVE_THREE.every((c) => a[`org_${c}`] === "yes");
  count("all3_n", answeredThree);
  count("all3_yes", (a) => answeredThree(a) && yesToThree(a));
  // F2–F4: among those who answered customer understanding and the split item(s), "y" is the group
  // that says yes to all three (F2) or agrees (F3 vision, F4 L&D awareness); "n" is everyone else.
  const splits = {
    f2: { answered: answeredThree, inY: yesToThree },
    f3: { answered: (a: Answers) => a.vision !== undefined, inY: (a: Answers) => agrees(a.vision) },
    f4: { answered: (a: Answers) => a.ld_awareness !== undefined, inY: (a: Answers) => agrees(a.ld_awareness) },
  };
  for (const [f, split] of Object.entries(splits)) {
    for (const g of ["y", "n"]) {
      const inGroup = (a: Answers) => a.customer_understanding !== undefined && split.answered(a) && split.inY(a) === (g === "y");
      count(`${f}_${g}_n`, inGroup);
      count(`${f}_${g}_agree`, (a) => inGroup(a) && agrees(a.customer_understanding));
      count(`${f}_${g}_dis`, (a) => inGroup(a) && disagrees(a.customer_understanding));
    }
  }
  // F5: senior leaders + executives against staff + managers; "able" is a self rating of 4 or 5.
  for (const [group, levels] of Object.entries(SENIORITY_GROUP_LEVELS)) {
    const member = (a: Answers) => levels.includes(a.seniority as string);
    count(`${group}_n`, member);
    count(`${group}_all3_n`, (a) => member(a) && answeredThree(a));
    count(`${group}_all3_yes`, (a) => member(a) && answeredThree(a) && yesToThree(a));
    for (const c of CAPABILITIES) {
      count(`${group}_o_${c}_n`, (a) => member(a) && a[`org_${c}`] !== undefined);
      count(`${group}_o_${c}_yes`, (a) => member(a) && a[`org_${c}`] === "yes");
      count(`${group}_s_${c}_n`, (a) => member(a) && self(a, c) !== undefined);
      count(`${group}_s_${c}_able`, (a) => member(a) && (self(a, c) as number) >= 4);
    }
  }
  // The joint classes of customer-understanding answerers: their places in F2, F3, F4 (0 out of the
  // split, 1 its "yes" group, 2 its "no" group), coded 9·F2 + 3·F3 + F4.
  const placeOf = (a: Answers, split: { answered: (a: Answers) => boolean; inY: (a: Answers) => boolean }) => (!split.answered(a) ? 0 : split.inY(a) ? 1 : 2);
  for (let k = 0; k < 27; k++) {
    count(`cuj_${k}`, (a) => a.customer_understanding !== undefined && 9 * placeOf(a, splits.f2) + 3 * placeOf(a, splits.f3) + placeOf(a, splits.f4) === k);
  }
  // Knowledge checks: a capability's checks count when both slots have a check drawn ("…_item", kept
  // beside the answers here) and answered, and the capability is rated; "right" = the bank's key.
  const rightOn = (a: Answers, c: string): number | undefined => {
    let right = 0;
    for (const n of [1, 2]) {
      const item = a[`check_${c}_${n}_item`];
      const answer = a[`check_${c}_${n}`];
      if (typeof item !== "string" || answer === undefined) return undefined;
      if (answer === checkItem(item)!.answer) right++;
    }
    return typeof self(a, c) === "number" ? right : undefined;
  };
  for (const c of CAPABILITIES) {
    for (let level = 1; level <= 5; level++) for (const k of [0, 1, 2]) count(`k_${c}_${level}_${k}`, (a) => self(a, c) === level && rightOn(a, c) === k);
  }
  // F2 on measured skills: among those who answered customer understanding and have counted checks on
  // all three representative capabilities, "y" rates all three able (f2s), and also got all their checks right (f2v).
  const checkedThree = (a: Answers) => a.customer_understanding !== undefined && REPRESENTATIVE_THREE.every((c) => rightOn(a, c) !== undefined);
  const ableThree = (a: Answers) => REPRESENTATIVE_THREE.every((c) => (self(a, c) as number) >= 4);
  const verifiedThree = (a: Answers) => ableThree(a) && REPRESENTATIVE_THREE.every((c) => rightOn(a, c) === 2);
  for (const [f, inY] of [["f2s", ableThree], ["f2v", verifiedThree]] as const) {
    for (const g of ["y", "n"]) {
      const inGroup = (a: Answers) => checkedThree(a) && inY(a) === (g === "y");
      count(`${f}_${g}_n`, inGroup);
      count(`${f}_${g}_agree`, (a) => inGroup(a) && agrees(a.customer_understanding));
      count(`${f}_${g}_dis`, (a) => inGroup(a) && disagrees(a.customer_understanding));
    }
  }
  return expected;
}

function allCounters(v: ArrayLike<number>): Record<string, number> {
  return Object.fromEntries(COUNTERS.map((name) => [name, counter(v, name)]));
}

async function dump(db: ReturnType<typeof createTestDb>): Promise<{ waves: unknown[]; cells: unknown[] }> {
  return {
    waves: await db.sql.all("select * from agg_waves order by wave_id"),
    cells: await db.sql.all("select * from agg_wave_cells where n <> 0 order by wave_id, department, seniority"),
  };
}

describe("aggregates", () => {
  it("count exactly what a hand-made response contributes", async () => {
    const db = createTestDb();
    const org = await insertOrganisation(db, { slug: "one", name: "One", sector: "Retail", sizeBand: "small", departments: ["A"] });
    const wave = await insertWave(db, { orgId: org.id, label: "w", questionnaireVersion: 1, code: "one-w" });
    await insertSubmittedResponse(db, {
      id: "r1",
      waveId: wave.id,
      submittedAt: "2026-01-01T00:00:00Z",
      answers: {
        department: "A", seniority: "staff",
        self_data: 4, self_security: 3, self_coding: 2, self_mobile: 5, self_social: 4, self_analytics: 2, self_cloud: 4, self_ai: 1,
        org_data: "yes", org_security: "yes", org_coding: "yes", org_mobile: "no", org_social: "partly", org_analytics: "dont_know", org_cloud: "yes", org_ai: "no",
        vision: 5, ld_awareness: "dont_know", customer_understanding: 2,
      },
    });
    const v = await readWaveCounters(db, wave.id);
    const nonZero = Object.fromEntries(COUNTERS.filter((c) => counter(v, c) !== 0).map((c) => [c, counter(v, c)]));
    expect(nonZero).toEqual({
      n: 1,
      s_data_4: 1, s_security_3: 1, s_coding_2: 1, s_mobile_5: 1, s_social_4: 1, s_analytics_2: 1, s_cloud_4: 1, s_ai_1: 1,
      o_data_yes: 1, o_security_yes: 1, o_coding_yes: 1, o_mobile_no: 1, o_social_partly: 1, o_analytics_dk: 1, o_cloud_yes: 1, o_ai_no: 1,
      vision_5: 1, ld_dk: 1, cu_2: 1,
      idx_25: 1, // 4+3+2+5+4+2+4+1
      a_sum_data: 4, a_sq_data: 16, a_sum_security: 3, a_sq_security: 9, a_sum_coding: 2, a_sq_coding: 4, a_sum_mobile: 5, a_sq_mobile: 25,
      a_sum_social: 4, a_sq_social: 16, a_sum_analytics: 2, a_sq_analytics: 4, a_sum_cloud: 4, a_sq_cloud: 16, a_sum_ai: 1, a_sq_ai: 1,
      // customer understanding 2 = disagree; all three yes → F2 "y"; vision 5 → F3 "y"; ld don't know → F4 "n"
      f2_y_n: 1, f2_y_dis: 1, f3_y_n: 1, f3_y_dis: 1, f4_n_n: 1, f4_n_dis: 1,
      cuj_14: 1, // joint class 9·1 (F2 yes) + 3·1 (F3 yes) + 2 (F4 no)
      all3_yes: 1, all3_n: 1,
      // F5 group counters: a staff member
      staff_n: 1, staff_all3_yes: 1, staff_all3_n: 1,
      ...Object.fromEntries(["data", "security", "coding", "mobile", "social", "analytics", "cloud", "ai"].flatMap((c) => [[`staff_o_${c}_n`, 1], [`staff_s_${c}_n`, 1]])),
      staff_o_data_yes: 1, staff_o_security_yes: 1, staff_o_coding_yes: 1, staff_o_cloud_yes: 1,
      staff_s_data_able: 1, staff_s_mobile_able: 1, staff_s_social_able: 1, staff_s_cloud_able: 1,
    });
    expect(counter(await readWaveCounters(db, wave.id, { department: "A", seniority: "staff" }), "n")).toBe(1);
    expect(counter(await readWaveCounters(db, wave.id, { department: "B" }), "n")).toBe(0);
  });

  it("after random submissions, imports and skipped items equal the counters by definition and a full rebuild (property test)", async () => {
    for (let trial = 0; trial < 5; trial++) {
      const db = createTestDb();
      const rng = createRng(1000 + trial);
      const waves: { id: number; code: string; departments: string[]; version: number }[] = [];
      for (let o = 0; o < 3; o++) {
        const departments = ["Sales", "IT", "HR"].slice(0, 1 + o);
        const org = await insertOrganisation(db, { slug: `o${o}`, name: `O${o}`, sector: "Retail", sizeBand: "small", departments });
        for (let w = 0; w < 2; w++) {
          const code = `o${o}-w${w}`;
          // The second wave of each organisation has knowledge checks.
          const version = w === 1 ? 2 : 1;
          waves.push({ id: (await insertWave(db, { orgId: org.id, label: `w${w}`, questionnaireVersion: version, code })).id, code, departments, version });
        }
      }
      const total = 40 + Math.floor(rng() * 40);
      const givenByWave = new Map<number, Answers[]>(waves.map((w) => [w.id, []]));
      for (let i = 0; i < total; i++) {
        const wave = pick(rng, waves);
        const answers = generateAnswers(rng, q.capabilityIds, { maturity: rng() * 2 - 1, departments: wave.departments });
        const checks = wave.version === 2 ? drawChecks(v2, new Set(), (n) => Math.floor(rng() * n)) : {};
        Object.assign(answers, generateCheckAnswers(rng, answers, checks));
        // Imported rows may skip items: drop some at random.
        for (const key of Object.keys(answers)) if (rng() < 0.08) delete answers[key];
        const withDrawn = (drawn: Record<string, string>) => ({ ...answers, ...Object.fromEntries(Object.entries(drawn).map(([slot, item]) => [`${slot}_item`, item])) });
        if (rng() < 0.5 && answers.seniority && (answers.department || wave.departments.length === 0)) {
          const complete = q.itemIds.every((id) => answers[id] !== undefined);
          if (complete) {
            const { token } = await startResponse(db, wave.code, {}, "en");
            // The service draws its own checks: answer those, each with a random option.
            const drawn = columnsToAssignment((await findResponseByToken(db, token))!);
            for (const slot of checkSlots(v2)) delete answers[slot];
            if (wave.version === 2) for (const slot of checkSlots(v2)) answers[slot] = pick(rng, ["a", "b", "c", "d", "dont_know"]);
            givenByWave.get(wave.id)!.push(withDrawn(drawn));
            await saveAnswers(db, wave.code, token, { answers: { seniority: answers.seniority }, step: 1 });
            await submitResponse(db, wave.code, token, { answers });
            continue;
          }
        }
        givenByWave.get(wave.id)!.push(withDrawn(checks));
        await insertSubmittedResponse(db, { id: uuidFrom(rng), waveId: wave.id, answers, checks, submittedAt: "2026-05-01T00:00:00Z" });
      }
      // Drafts never count.
      await startResponse(db, waves[0]!.code, {}, "en");
      for (const wave of waves) {
        const given = givenByWave.get(wave.id)!;
        const expected = countersByDefinition(given);
        expect(Object.keys(expected).sort()).toEqual([...COUNTERS].sort());
        expect(allCounters(await readWaveCounters(db, wave.id)), wave.code).toEqual(expected);
        for (const department of wave.departments) {
          const inDepartment = given.filter((a) => a.department === department);
          expect(allCounters(await readWaveCounters(db, wave.id, { department })), `${wave.code} ${department}`).toEqual(countersByDefinition(inDepartment));
        }
      }
      const incremental = await dump(db);
      expect(await rebuildAggregates(db)).toBe(total);
      expect(await dump(db)).toEqual(incremental);
      const n = (await db.sql.get<{ n: number }>("select sum(n) n from agg_waves"))!.n;
      expect(n).toBe(total);
    }
  });
});
