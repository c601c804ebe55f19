import { expect, test } from "@playwright/test";
import { completeAnswers } from "../../harness/answers";
import { countResponses } from "./db";
import { SurveyPage, TOTAL_STEPS } from "./survey-page";

/**
 * Issue 16, finding 7: an organisation that lists no departments does not ask for one, and the
 * answers API refuses a typed department (markup, formulas, the name of a one-person group).
 */
const CODE = "e2e-nodept";
const REFUSED = "is not asked: this organisation has no departments; leave it out";

test("the survey of an organisation without departments asks no department and can be completed", async ({ page }) => {
  const survey = new SurveyPage(page);
  const before = await countResponses(CODE);
  await survey.open(CODE);
  await expect(page.getByText("20 questions")).toBeVisible();
  await page.getByRole("button", { name: "Start" }).click();
  await survey.expectStep(1);
  await expect(page.getByRole("heading", { name: "About you" })).toBeVisible();
  await expect(page.locator("#in-department")).toHaveCount(0);
  await expect(page.locator('[name="department"], [id^="in-department"]')).toHaveCount(0);
  await expect(page.getByText("Department", { exact: false })).toHaveCount(0);
  await expect(page.locator('label[for="in-seniority-staff"]')).toBeVisible();

  const answers = completeAnswers();
  delete answers.department;
  await survey.answerThrough(1, TOTAL_STEPS - 1, answers);
  await survey.answerStep(TOTAL_STEPS, answers);
  await page.getByTestId("submit").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Thank you/);
  expect(await countResponses(CODE)).toBe(before + 1);
});

test("the answers API refuses any department for an organisation without departments, naming the field", async ({ request }) => {
  const start = await request.post(`/api/survey/${CODE}/start`, { data: { locale: "en" } });
  expect(start.status()).toBe(201);
  const token = (await start.json()).token as string;
  const headers = { "x-resume-token": token };

  for (const department of ["Solo Team of One", "<img src=x onerror=alert(1)>", "=HYPERLINK(\"http://x\")", "Sales"]) {
    const save = await request.put(`/api/survey/${CODE}/draft`, { headers, data: { answers: { department, seniority: "staff" }, step: 1 } });
    expect(save.status()).toBe(400);
    expect((await save.json()).error.fields).toEqual({ "answers.department": REFUSED });
  }
  const draft = await request.get(`/api/survey/${CODE}/draft`, { headers });
  expect((await draft.json()).answers).toEqual({});

  const before = await countResponses(CODE);
  const submit = await request.post(`/api/survey/${CODE}/submit`, { headers, data: { answers: completeAnswers("Solo Team of One") } });
  expect(submit.status()).toBe(400);
  expect((await submit.json()).error.fields).toEqual({ "answers.department": REFUSED });
  expect(await countResponses(CODE)).toBe(before);

  // Control: the same answers without a department are accepted.
  const answers = completeAnswers();
  delete answers.department;
  const ok = await request.post(`/api/survey/${CODE}/submit`, { headers, data: { answers } });
  expect(ok.status()).toBe(200);
  expect(await countResponses(CODE)).toBe(before + 1);
});
