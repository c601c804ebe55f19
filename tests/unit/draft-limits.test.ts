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

beforeAll(() => {
  const org = insertOrganisation(db, { slug: "limits", name: "Limits", sector: "Retail", sizeBand: "small", departments: ["Sales", "IT"] });
  waveId = insertWave(db, { orgId: org.id, label: "w1", questionnaireVersion: 1, code: CODE }).id;
});

const rowOf = (id: string) => db.$client.prepare("select * from responses where id = ?").get(id) as Record<string, unknown>;
const setUpdatedAt = (id: string, at: Date) => db.$client.prepare("update responses set updated_at = ? where id = ?").run(at.toISOString(), id);
const DAY = 24 * 60 * 60 * 1000;

describe("saves per draft", () => {
  it(`the ${DRAFT_MAX_SAVES + 1}st save of one draft is refused with 409 and changes nothing; another draft still saves; the full draft can still be submitted`, () => {
    expect(DRAFT_MAX_SAVES).toBe(200);
    const { token } = startResponse(db, CODE, {}, "en");
    for (let i = 0; i < DRAFT_MAX_SAVES; i++) {
      saveAnswers(db, CODE, token, { answers: { self_data: (i % 5) + 1, seniority: "staff" }, step: (i % 10) + 1 });
    }
    const id = findResponseByToken(db, token)!.id;
    const before = rowOf(id);
    expect(before.writes).toBe(DRAFT_MAX_SAVES);

    let refused: unknown;
    try {
      saveAnswers(db, CODE, token, { answers: { self_data: 2, seniority: "executive", department: "IT" }, step: 7, locale: "zh-Hans" });
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "draft_save_limit", status: 409 });
    expect((refused as AppError).message).toBe(
      `This draft has been saved ${DRAFT_MAX_SAVES} times, the most a draft accepts; nothing was saved. Submit it or start a new response`,
    );
    expect(rowOf(id)).toEqual(before); // answers, step, locale, writes and updated_at untouched

    const other = startResponse(db, CODE, {}, "en");
    expect(saveAnswers(db, CODE, other.token, { answers: { self_data: 4 }, step: 2 })).toMatchObject({ step: 2, answers: { self_data: 4 } });
    expect(findResponseByToken(db, other.token)!.writes).toBe(1);

    // The message says "submit it": the limit is on saves only.
    expect(submitResponse(db, CODE, token, { answers: completeAnswers("Sales") }).outcome).toBe("submitted");
  });
});

describe("purge of abandoned drafts", () => {
  it("deletes drafts not saved for the retention days; keeps recent drafts, submitted and voided responses however old", () => {
    const now = new Date();
    const draft = (daysAgo: number) => {
      const { token } = startResponse(db, CODE, {}, "en");
      const { id } = findResponseByToken(db, token)!;
      setUpdatedAt(id, new Date(now.getTime() - daysAgo * DAY));
      return id;
    };
    const old = [draft(31), draft(400), draft(30.01)];
    const recent = [draft(29.99), draft(1), draft(0)];
    const ancient = new Date(now.getTime() - 900 * DAY).toISOString();
    insertSubmittedResponse(db, { id: "old-submitted", waveId, answers: completeAnswers("Sales"), submittedAt: ancient });
    insertSubmittedResponse(db, { id: "old-voided", waveId, answers: completeAnswers("IT"), submittedAt: ancient }, { aggregate: false });
    db.$client.prepare("update responses set status = 'voided', voided_at = ? where id = 'old-voided'").run(ancient);
    const others = (db.$client.prepare("select id from responses where id not in (" + old.map(() => "?").join(",") + ")").pluck().all(...old) as string[]).sort();

    expect(purgeAbandonedDrafts(db, 30, now)).toBe(3);
    const left = (db.$client.prepare("select id from responses").pluck().all() as string[]).sort();
    expect(left).toEqual(others);
    for (const id of [...recent, "old-submitted", "old-voided"]) expect(left).toContain(id);
    expect(rowOf("old-voided").status).toBe("voided");

    expect(purgeAbandonedDrafts(db, 30, now)).toBe(0); // nothing left to delete
    expect(purgeAbandonedDrafts(db, 1, now)).toBe(1); // the 29.99-day-old draft; "older than" is strict, so exactly 1 day stays
    expect(() => purgeAbandonedDrafts(db, 0, now)).toThrow(/at least 1/);
  });
});
