import { beforeAll, describe, expect, it } from "vitest";
import { insertOrganisation, insertSubmittedResponse, insertWave } from "../../db/factories";
import { findResponseByToken } from "../../db/queries/survey";
import { AppError } from "../../core/errors";
import { DRAFT_MAX_SAVES } from "../../lib/survey/limits";
import { purgeAbandonedDrafts } from "../../lib/survey/purge";
import { saveAnswers, startResponse, submitResponse } from "../../lib/survey/service";
import { completeAnswers } from "../../harness/answers";
import { createTestDb } from "../helpers/test-db";

/** Issue 16, finding 3: a draft accepts a bounded number of saves, and abandoned drafts are deleted. */
const db = createTestDb();
let waveId = 0;
const CODE = "limits-open";

beforeAll(async () => {
  const org = await insertOrganisation(db, { slug: "limits", name: "Limits", sector: "Retail", sizeBand: "small", departments: ["Sales", "IT"] });
  waveId = (await insertWave(db, { orgId: org.id, label: "w1", questionnaireVersion: 1, code: CODE })).id;
});

const rowOf = async (id: string) => (await db.sql.get("select * from responses where id = ?", [id]))!;
const setUpdatedAt = (id: string, at: Date) => db.sql.run("update responses set updated_at = ? where id = ?", [at.toISOString(), id]);
const DAY = 24 * 60 * 60 * 1000;

describe("saves per draft", () => {
  it(`the ${DRAFT_MAX_SAVES + 1}st save of one draft is refused with 409 and changes nothing; another draft still saves; the full draft can still be submitted`, async () => {
    expect(DRAFT_MAX_SAVES).toBe(200);
    const { token } = await startResponse(db, CODE, {}, "en");
    for (let i = 0; i < DRAFT_MAX_SAVES; i++) {
      await saveAnswers(db, CODE, token, { answers: { self_data: (i % 5) + 1, seniority: "staff" }, step: (i % 10) + 1 });
    }
    const id = (await findResponseByToken(db, token))!.id;
    const before = await rowOf(id);
    expect(before.writes).toBe(DRAFT_MAX_SAVES);

    let refused: unknown;
    try {
      await saveAnswers(db, CODE, token, { answers: { self_data: 2, seniority: "executive", department: "IT" }, step: 7, locale: "zh-Hans" });
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "draft_save_limit", status: 409 });
    expect((refused as AppError).message).toBe(
      `This draft has been saved ${DRAFT_MAX_SAVES} times, the most a draft accepts; nothing was saved. Submit it or start a new response`,
    );
    expect(await rowOf(id)).toEqual(before); // answers, step, locale, writes and updated_at untouched

    const other = await startResponse(db, CODE, {}, "en");
    expect(await saveAnswers(db, CODE, other.token, { answers: { self_data: 4 }, step: 2 })).toMatchObject({ step: 2, answers: { self_data: 4 } });
    expect((await findResponseByToken(db, other.token))!.writes).toBe(1);

    // The message says "submit it": the limit is on saves only.
    expect((await submitResponse(db, CODE, token, { answers: completeAnswers("Sales") })).outcome).toBe("submitted");
  });
});

describe("purge of abandoned drafts", () => {
  it("deletes drafts not saved for the retention days; keeps recent drafts, submitted and voided responses however old", async () => {
    const now = new Date();
    const draft = async (daysAgo: number) => {
      const { token } = await startResponse(db, CODE, {}, "en");
      const { id } = (await findResponseByToken(db, token))!;
      await setUpdatedAt(id, new Date(now.getTime() - daysAgo * DAY));
      return id;
    };
    const old: string[] = [];
    for (const days of [31, 400, 30.01]) old.push(await draft(days));
    const recent: string[] = [];
    for (const days of [29.99, 1, 0]) recent.push(await draft(days));
    const ancient = new Date(now.getTime() - 900 * DAY).toISOString();
    await insertSubmittedResponse(db, { id: "old-submitted", waveId, answers: completeAnswers("Sales"), submittedAt: ancient });
    await insertSubmittedResponse(db, { id: "old-voided", waveId, answers: completeAnswers("IT"), submittedAt: ancient }, { aggregate: false });
    await db.sql.run("update responses set status = 'voided', voided_at = ? where id = 'old-voided'", [ancient]);
    const others = (await db.sql.column<string>("select id from responses where id not in (" + old.map(() => "?").join(",") + ")", old)).sort();

    expect(await purgeAbandonedDrafts(db, 30, now)).toBe(3);
    const left = (await db.sql.column<string>("select id from responses")).sort();
    expect(left).toEqual(others);
    for (const id of [...recent, "old-submitted", "old-voided"]) expect(left).toContain(id);
    expect((await rowOf("old-voided")).status).toBe("voided");

    expect(await purgeAbandonedDrafts(db, 30, now)).toBe(0); // nothing left to delete
    expect(await purgeAbandonedDrafts(db, 1, now)).toBe(1); // the 29.99-day-old draft; "older than" is strict, so exactly 1 day stays
    await expect(purgeAbandonedDrafts(db, 0, now)).rejects.toThrow(/at least 1/);
  });
});
