import { getTableColumns } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { AGG_CAPABILITIES, COUNTERS, ORG_VALUES, REPRESENTATIVE, SENIORITY_GROUPS, SELF_REPORT_SOURCE_COLUMNS, SOURCE_COLUMNS } from "../../core/counters";
import { ABLE_LEVELS, ABLE_THRESHOLD, AGREE_THRESHOLD, INDEX_BANDS, indexBand, suggestionBandOfLevel } from "../../core/scoring";
import { answersToColumns, columnsToAnswers } from "../../db/item-columns";
import { aggWaves, responses, type ResponseRow } from "../../db/schema";
import { capabilityLevelBands } from "../../lib/benchmark/priority-ranking";
import { customerCounts, indexDistribution } from "../../lib/benchmark/figures";
import { getQuestionnaire } from "../../questions";
import { ORG_ANSWERS, ORG_ITEMS, SELF_LEVELS, SENIORITIES } from "../../questions/constants";
import structureV1 from "../../questions/v1/structure.json";
import { addResponse, emptyCounters } from "../../core/counters";
import { createSqliteTestDb } from "../helpers/test-db";

/** Each term has one home; everything else is derived from it, and these checks hold the copies that cannot be derived. */
describe("one home for each term", () => {
  const q = getQuestionnaire(1);

  it("the counted capabilities are the questionnaire's, in its order, and the responses table has their columns", () => {
    expect(AGG_CAPABILITIES).toEqual(structureV1.capabilities.map((c) => c.id));
    expect(REPRESENTATIVE).toEqual(structureV1.capabilities.filter((c) => c.representative).map((c) => c.id));
    // db/schema.ts spells the columns out (drizzle needs them typed): they must be exactly these.
    const columns = Object.values(getTableColumns(responses)).map((c) => c.name);
    expect(columns.filter((n) => n.startsWith("self_"))).toEqual(AGG_CAPABILITIES.map((c) => `self_${c}`));
    expect(columns.filter((n) => n.startsWith("org_") && n !== "org_id")).toEqual(AGG_CAPABILITIES.map((c) => `org_${c}`));
  });

  it("the organisation items are the questionnaire's, read by the counters and stored with 'don't know' as 0", () => {
    expect(structureV1.orgItems).toEqual([...ORG_ITEMS]);
    expect(SELF_REPORT_SOURCE_COLUMNS.slice(2 * AGG_CAPABILITIES.length, -1)).toEqual([...ORG_ITEMS]);
    expect(SOURCE_COLUMNS.slice(0, SELF_REPORT_SOURCE_COLUMNS.length)).toEqual([...SELF_REPORT_SOURCE_COLUMNS]);
    const answers = Object.fromEntries(ORG_ITEMS.map((item) => [item, "dont_know"]));
    const stored = answersToColumns(answers);
    expect(Object.values(stored)).toEqual(ORG_ITEMS.map(() => 0));
    expect(columnsToAnswers(stored as ResponseRow)).toEqual(answers);
  });

  it("the counters spell the organisation answers as ORG_ANSWERS with dont_know as dk, and the aggregate columns did not move", () => {
    expect(ORG_VALUES).toEqual(ORG_ANSWERS.map((a) => (a === "dont_know" ? "dk" : a)));
    expect(Object.values(getTableColumns(aggWaves)).map((c) => c.name)).toEqual(["wave_id", ...COUNTERS]);
    // The counter layout is stored: the migrated aggregate table has exactly these columns, in this order.
    const migrated = createSqliteTestDb().$client.prepare("select name from pragma_table_info('agg_waves') order by cid").pluck().all();
    expect(migrated).toEqual(["wave_id", ...COUNTERS]);
    expect(Object.values(SENIORITY_GROUPS).flat().sort()).toEqual([...SENIORITIES].sort());
  });

  it("'able' is ABLE_THRESHOLD everywhere: the scoring rule, the counters and the level bands", () => {
    expect(ABLE_LEVELS).toEqual(SELF_LEVELS.filter((l) => l >= ABLE_THRESHOLD));
    for (const level of SELF_LEVELS) {
      const v = emptyCounters();
      const values = SOURCE_COLUMNS.map((c) => (c.startsWith("self_") ? level : c === "seniority" ? "staff" : null));
      addResponse(v, values);
      const able = level >= ABLE_THRESHOLD ? 1 : 0;
      expect(v[COUNTERS.indexOf("staff_s_data_able")]).toBe(able);
      expect(capabilityLevelBands(v).data).toEqual({ start: suggestionBandOfLevel(level) === "start" ? 1 : 0, build: suggestionBandOfLevel(level) === "build" ? 1 : 0, able });
    }
  });

  it("'agree' is AGREE_THRESHOLD in the counters' splits and in F1's counts; 1–2 disagree; 0 (don't know) neither", () => {
    for (const answer of [0, 1, 2, 3, 4, 5]) {
      const v = emptyCounters();
      addResponse(v, SOURCE_COLUMNS.map((c) => (ORG_ITEMS.includes(c as never) ? answer : null)));
      const agree = answer >= AGREE_THRESHOLD ? 1 : 0;
      const disagree = answer === 1 || answer === 2 ? 1 : 0;
      expect(customerCounts(v)).toEqual({ agree, disagree, base: 1 });
      // F3 splits by vision: agreeing puts the respondent in its "yes" group.
      expect(v[COUNTERS.indexOf("f3_y_n")]).toBe(agree);
      expect(v[COUNTERS.indexOf("f3_y_agree")]).toBe(agree);
      expect(v[COUNTERS.indexOf("f3_n_dis")]).toBe(disagree);
    }
  });

  it("the index bands of a distribution are indexBand's", () => {
    const v = emptyCounters();
    for (const level of SELF_LEVELS) addResponse(v, SOURCE_COLUMNS.map((c) => (c.startsWith("self_") ? level : null)));
    const d = indexDistribution(v, 1);
    if (d.suppressed) throw new Error("a bare minimum of 1 shows the distribution");
    expect(Object.keys(d.bands)).toEqual([...INDEX_BANDS]);
    expect(d.bands).toEqual({ developing: 2, capable: 1, proficient: 2 }); // indices 0, 25 | 50 | 75, 100
    expect([0, 25, 50, 75, 100].map(indexBand)).toEqual(["developing", "developing", "capable", "proficient", "proficient"]);
  });

  it("the questionnaire object agrees with its structure file", () => {
    expect(q.capabilityIds).toEqual([...AGG_CAPABILITIES]);
  });
});
