import { beforeAll, describe, expect, it } from "vitest";
import { insertOrganisation, insertWave } from "../../db/factories";
import { countResponses, findResponseByToken } from "../../db/queries/survey";
import { AppError } from "../../core/errors";
import { adoptDraft, saveAnswers, startResponse, submitResponse } from "../../lib/survey/service";
import { completeAnswers } from "../../harness/answers";
import { createTestDb } from "../helpers/test-db";

const db = createTestDb();
let waveId = 0;

beforeAll(async () => {
  const org = await insertOrganisation(db, { slug: "acme", name: "Acme", sector: "Retail", sizeBand: "small", departments: ["Sales", "IT"] });
  waveId = (await insertWave(db, { orgId: org.id, label: "w1", questionnaireVersion: 1, code: "acme-open" })).id;
  await insertWave(db, { orgId: org.id, label: "w0", questionnaireVersion: 1, code: "acme-closed", status: "closed" });
  await insertWave(db, { orgId: org.id, label: "w2", questionnaireVersion: 1, code: "acme-later", opensAt: "2999-01-01T00:00:00Z" });
});

async function expectAppError(fn: () => Promise<unknown>, code: string): Promise<AppError> {
  try {
    await fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe(code);
    return e as AppError;
  }
  throw new Error(`expected AppError ${code}`);
}

describe("survey service on a real database", () => {
  it("starts a draft and stores only the token's hash", async () => {
    const { token, state } = await startResponse(db, "acme-open", { locale: "zh-Hant" }, "en");
    expect(state).toMatchObject({ status: "draft", step: 0, locale: "zh-Hant", answers: {} });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const raw = await db.sql.all("select * from responses where token_hash is not null");
    expect(JSON.stringify(raw)).not.toContain(token);
  });

  it("saves answers page by page and resumes them", async () => {
    const { token } = await startResponse(db, "acme-open", {}, "en");
    await saveAnswers(db, "acme-open", token, { answers: { department: "IT", seniority: "staff" }, step: 2 });
    const state = await saveAnswers(db, "acme-open", token, { answers: { self_data: 3, org_data: "partly" }, step: 3, locale: "zh-Hans" });
    expect(state).toMatchObject({ step: 3, locale: "zh-Hans", answers: { department: "IT", seniority: "staff", self_data: 3, org_data: "partly" } });
  });

  it("rejects invalid answers and stores nothing from that request", async () => {
    const { token } = await startResponse(db, "acme-open", {}, "en");
    await saveAnswers(db, "acme-open", token, { answers: { self_data: 2 }, step: 1 });
    const error = await expectAppError(
      () => saveAnswers(db, "acme-open", token, { answers: { self_data: 5, self_coding: 7 }, step: 2 }),
      "validation_failed",
    );
    expect(error.fields).toEqual({ "answers.self_coding": "must be a whole number from 1 to 5" });
    const row = (await findResponseByToken(db, token))!;
    expect(row.selfData).toBe(2);
    expect(row.step).toBe(1);
  });

  it("rejects unknown body fields and bad steps with their names", async () => {
    const { token } = await startResponse(db, "acme-open", {}, "en");
    const e1 = await expectAppError(() => saveAnswers(db, "acme-open", token, { answers: {}, step: 1, extra: true }), "validation_failed");
    expect(e1.fields).toEqual({ extra: "is not an allowed field" });
    const e2 = await expectAppError(() => saveAnswers(db, "acme-open", token, { answers: {}, step: 99 }), "validation_failed");
    expect(e2.fields).toEqual({ step: "must be a whole number from 0 to 10" });
    const e3 = await expectAppError(() => startResponse(db, "acme-open", { locale: "fr" }, "en"), "validation_failed");
    expect(e3.fields?.locale).toContain("en, zh-Hans, zh-Hant");
  });

  it("refuses an incomplete submission, naming each missing item", async () => {
    const { token } = await startResponse(db, "acme-open", {}, "en");
    const answers = completeAnswers("Sales");
    delete answers.self_ai;
    delete answers.vision;
    const error = await expectAppError(() => submitResponse(db, "acme-open", token, { answers }), "incomplete");
    expect(error.fields).toEqual({ "answers.self_ai": "is required", "answers.vision": "is required" });
    expect((await findResponseByToken(db, token))!.status).toBe("draft");
  });

  it("submits exactly once: repeats change nothing and say so", async () => {
    const before = await countResponses(db, waveId);
    const { token } = await startResponse(db, "acme-open", {}, "en");
    const first = await submitResponse(db, "acme-open", token, { answers: completeAnswers("Sales") });
    expect(first.outcome).toBe("submitted");
    const reportToken = first.state.reportUrl!.replace("/report/", "");
    // A repeat holding the report token finds the response submitted and changes nothing.
    const again = await submitResponse(db, "acme-open", reportToken, { answers: { ...completeAnswers("IT") } });
    expect(again.outcome).toBe("already_submitted");
    expect(await countResponses(db, waveId)).toBe(before + 1);
    expect((await findResponseByToken(db, reportToken))!.department).toBe("Sales");
    await expectAppError(() => saveAnswers(db, "acme-open", reportToken, { answers: { self_data: 1 }, step: 3 }), "conflict");
    // The resume token opens nothing any more: no second submission, no answers.
    await expectAppError(() => submitResponse(db, "acme-open", token, { answers: completeAnswers("IT") }), "unauthorized");
    await expectAppError(() => saveAnswers(db, "acme-open", token, { answers: { self_data: 1 }, step: 3 }), "unauthorized");
    expect(await countResponses(db, waveId)).toBe(before + 1);
  });

  it("gives the report a new secret at submission: the resume token stops opening the response", async () => {
    const { token } = await startResponse(db, "acme-open", {}, "en");
    const { state } = await submitResponse(db, "acme-open", token, { answers: completeAnswers("IT") });
    expect(state).toMatchObject({ status: "submitted", resumeUrl: null });
    expect(state.reportUrl).toMatch(/^\/report\/[A-Za-z0-9_-]{43}$/);
    expect(state.reportUrl).not.toContain(token);
    expect(await findResponseByToken(db, token)).toBeUndefined();
    expect((await findResponseByToken(db, state.reportUrl!.slice("/report/".length)))!.status).toBe("submitted");
  });

  it("adopting a resume link rotates its token: one winner, the old token dead, the answers kept", async () => {
    const { token } = await startResponse(db, "acme-open", {}, "en");
    await saveAnswers(db, "acme-open", token, { answers: { seniority: "manager" }, step: 2 });
    const fresh = await adoptDraft(db, "acme-open", token);
    expect(fresh).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fresh).not.toBe(token);
    // A second browser adopting the same link loses: the token no longer matches.
    expect(await adoptDraft(db, "acme-open", token)).toBeUndefined();
    expect(await findResponseByToken(db, token)).toBeUndefined();
    await expectAppError(() => saveAnswers(db, "acme-open", token, { step: 1 }), "unauthorized");
    expect(await findResponseByToken(db, fresh!)).toMatchObject({ status: "draft", step: 2, seniority: "manager" });
    // Only drafts of the link's own survey are adopted.
    expect(await adoptDraft(db, "acme-closed", fresh!)).toBeUndefined();
    const { state } = await submitResponse(db, "acme-open", fresh, { answers: completeAnswers("Sales") });
    expect(await adoptDraft(db, "acme-open", state.reportUrl!.slice("/report/".length))).toBeUndefined();
    expect(await adoptDraft(db, "acme-open", fresh!)).toBeUndefined();
  });

  it("keeps tokens to their own wave and refuses closed, future and unknown codes", async () => {
    const { token } = await startResponse(db, "acme-open", {}, "en");
    await expectAppError(() => saveAnswers(db, "acme-open", "not-a-token", { step: 1 }), "unauthorized");
    await expectAppError(() => saveAnswers(db, "acme-open", undefined, { step: 1 }), "unauthorized");
    await expectAppError(() => startResponse(db, "acme-closed", {}, "en"), "survey_closed");
    await expectAppError(() => startResponse(db, "acme-later", {}, "en"), "survey_closed");
    await expectAppError(() => startResponse(db, "nope", {}, "en"), "not_found");
    await expectAppError(() => startResponse(db, "../../etc", {}, "en"), "not_found");
    expect((await findResponseByToken(db, token))!.status).toBe("draft");
  });

  it("enforces value ranges in the database itself", async () => {
    await expect(
      db.sql.run("insert into responses (id, wave_id, status, locale, created_at, updated_at, self_data) values ('x', ?, 'draft', 'en', 'now', 'now', 9)", [waveId]),
    ).rejects.toThrow(/check constraint/i);
    const n = await db.sql.value("select count(*) from responses where id = 'x'");
    expect(n).toBe(0);
  });
});
