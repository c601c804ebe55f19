import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { insertOrganisation, insertWave } from "../../db/factories";
import { countResponses, findResponseByToken } from "../../db/queries/survey";
import { responses } from "../../db/schema";
import { AppError } from "../../core/errors";
import { adoptDraft, saveAnswers, startResponse, submitResponse } from "../../lib/survey/service";
import { completeAnswers } from "../../harness/answers";
import { createTestDb } from "../helpers/test-db";

const db = createTestDb();
let waveId = 0;

beforeAll(() => {
  const org = insertOrganisation(db, { slug: "acme", name: "Acme", sector: "Retail", sizeBand: "small", departments: ["Sales", "IT"] });
  waveId = insertWave(db, { orgId: org.id, label: "w1", questionnaireVersion: 1, code: "acme-open" }).id;
  insertWave(db, { orgId: org.id, label: "w0", questionnaireVersion: 1, code: "acme-closed", status: "closed" });
  insertWave(db, { orgId: org.id, label: "w2", questionnaireVersion: 1, code: "acme-later", opensAt: "2999-01-01T00:00:00Z" });
});

function expectAppError(fn: () => unknown, code: string): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe(code);
    return e as AppError;
  }
  throw new Error(`expected AppError ${code}`);
}

describe("survey service on a real database", () => {
  it("starts a draft and stores only the token's hash", () => {
    const { token, state } = startResponse(db, "acme-open", { locale: "zh-Hant" }, "en");
    expect(state).toMatchObject({ status: "draft", step: 0, locale: "zh-Hant", answers: {} });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const raw = db.$client.prepare("select * from responses where token_hash is not null").all() as Record<string, unknown>[];
    expect(JSON.stringify(raw)).not.toContain(token);
  });

  it("saves answers page by page and resumes them", () => {
    const { token } = startResponse(db, "acme-open", {}, "en");
    saveAnswers(db, "acme-open", token, { answers: { department: "IT", seniority: "staff" }, step: 2 });
    const state = saveAnswers(db, "acme-open", token, { answers: { self_data: 3, org_data: "partly" }, step: 3, locale: "zh-Hans" });
    expect(state).toMatchObject({ step: 3, locale: "zh-Hans", answers: { department: "IT", seniority: "staff", self_data: 3, org_data: "partly" } });
  });

  it("rejects invalid answers and stores nothing from that request", () => {
    const { token } = startResponse(db, "acme-open", {}, "en");
    saveAnswers(db, "acme-open", token, { answers: { self_data: 2 }, step: 1 });
    const error = expectAppError(
      () => saveAnswers(db, "acme-open", token, { answers: { self_data: 5, self_coding: 7 }, step: 2 }),
      "validation_failed",
    );
    expect(error.fields).toEqual({ "answers.self_coding": "must be a whole number from 1 to 5" });
    const row = findResponseByToken(db, token)!;
    expect(row.selfData).toBe(2);
    expect(row.step).toBe(1);
  });

  it("rejects unknown body fields and bad steps with their names", () => {
    const { token } = startResponse(db, "acme-open", {}, "en");
    const e1 = expectAppError(() => saveAnswers(db, "acme-open", token, { answers: {}, step: 1, extra: true }), "validation_failed");
    expect(e1.fields).toEqual({ extra: "is not an allowed field" });
    const e2 = expectAppError(() => saveAnswers(db, "acme-open", token, { answers: {}, step: 99 }), "validation_failed");
    expect(e2.fields).toEqual({ step: "must be a whole number from 0 to 10" });
    const e3 = expectAppError(() => startResponse(db, "acme-open", { locale: "fr" }, "en"), "validation_failed");
    expect(e3.fields?.locale).toContain("en, zh-Hans, zh-Hant");
  });

  it("refuses an incomplete submission, naming each missing item", () => {
    const { token } = startResponse(db, "acme-open", {}, "en");
    const answers = completeAnswers("Sales");
    delete answers.self_ai;
    delete answers.vision;
    const error = expectAppError(() => submitResponse(db, "acme-open", token, { answers }), "incomplete");
    expect(error.fields).toEqual({ "answers.self_ai": "is required", "answers.vision": "is required" });
    expect(findResponseByToken(db, token)!.status).toBe("draft");
  });

  it("submits exactly once: repeats change nothing and say so", () => {
    const before = countResponses(db, waveId);
    const { token } = startResponse(db, "acme-open", {}, "en");
    const first = submitResponse(db, "acme-open", token, { answers: completeAnswers("Sales") });
    expect(first.outcome).toBe("submitted");
    const reportToken = first.state.reportUrl!.replace("/report/", "");
    // A repeat holding the report token finds the response submitted and changes nothing.
    const again = submitResponse(db, "acme-open", reportToken, { answers: { ...completeAnswers("IT") } });
    expect(again.outcome).toBe("already_submitted");
    expect(countResponses(db, waveId)).toBe(before + 1);
    expect(findResponseByToken(db, reportToken)!.department).toBe("Sales");
    expectAppError(() => saveAnswers(db, "acme-open", reportToken, { answers: { self_data: 1 }, step: 3 }), "conflict");
    // The resume token opens nothing any more: no second submission, no answers.
    expectAppError(() => submitResponse(db, "acme-open", token, { answers: completeAnswers("IT") }), "unauthorized");
    expectAppError(() => saveAnswers(db, "acme-open", token, { answers: { self_data: 1 }, step: 3 }), "unauthorized");
    expect(countResponses(db, waveId)).toBe(before + 1);
  });

  it("gives the report a new secret at submission: the resume token stops opening the response", () => {
    const { token } = startResponse(db, "acme-open", {}, "en");
    const { state } = submitResponse(db, "acme-open", token, { answers: completeAnswers("IT") });
    expect(state).toMatchObject({ status: "submitted", resumeUrl: null });
    expect(state.reportUrl).toMatch(/^\/report\/[A-Za-z0-9_-]{43}$/);
    expect(state.reportUrl).not.toContain(token);
    expect(findResponseByToken(db, token)).toBeUndefined();
    expect(findResponseByToken(db, state.reportUrl!.slice("/report/".length))!.status).toBe("submitted");
  });

  it("adopting a resume link rotates its token: one winner, the old token dead, the answers kept", () => {
    const { token } = startResponse(db, "acme-open", {}, "en");
    saveAnswers(db, "acme-open", token, { answers: { seniority: "manager" }, step: 2 });
    const fresh = adoptDraft(db, "acme-open", token);
    expect(fresh).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fresh).not.toBe(token);
    // A second browser adopting the same link loses: the token no longer matches.
    expect(adoptDraft(db, "acme-open", token)).toBeUndefined();
    expect(findResponseByToken(db, token)).toBeUndefined();
    expectAppError(() => saveAnswers(db, "acme-open", token, { step: 1 }), "unauthorized");
    expect(findResponseByToken(db, fresh!)).toMatchObject({ status: "draft", step: 2, seniority: "manager" });
    // Only drafts of the link's own survey are adopted.
    expect(adoptDraft(db, "acme-closed", fresh!)).toBeUndefined();
    const { state } = submitResponse(db, "acme-open", fresh, { answers: completeAnswers("Sales") });
    expect(adoptDraft(db, "acme-open", state.reportUrl!.slice("/report/".length))).toBeUndefined();
    expect(adoptDraft(db, "acme-open", fresh!)).toBeUndefined();
  });

  it("keeps tokens to their own wave and refuses closed, future and unknown codes", () => {
    const { token } = startResponse(db, "acme-open", {}, "en");
    expectAppError(() => saveAnswers(db, "acme-open", "not-a-token", { step: 1 }), "unauthorized");
    expectAppError(() => saveAnswers(db, "acme-open", undefined, { step: 1 }), "unauthorized");
    expectAppError(() => startResponse(db, "acme-closed", {}, "en"), "survey_closed");
    expectAppError(() => startResponse(db, "acme-later", {}, "en"), "survey_closed");
    expectAppError(() => startResponse(db, "nope", {}, "en"), "not_found");
    expectAppError(() => startResponse(db, "../../etc", {}, "en"), "not_found");
    expect(findResponseByToken(db, token)!.status).toBe("draft");
  });

  it("enforces value ranges in the database itself", () => {
    expect(() =>
      db.$client
        .prepare("insert into responses (id, wave_id, status, locale, created_at, updated_at, self_data) values ('x', ?, 'draft', 'en', 'now', 'now', 9)")
        .run(waveId),
    ).toThrow(/CHECK constraint/);
    const n = db.select({ n: sql<number>`count(*)` }).from(responses).where(sql`id = 'x'`).get()!.n;
    expect(n).toBe(0);
  });
});
