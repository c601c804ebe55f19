import fs from "node:fs";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { completeAnswers } from "../../harness/answers";
import { SurveyPage, TOTAL_STEPS } from "./survey-page";
import { SCREENSHOTS } from "./env";

/**
 * Issue 16, findings 1 and 6. A resume link must never silently replace the draft a browser has,
 * adopting it renews its token, a submitted response's report has its own secret, and a shared
 * computer keeps no trace of the previous respondent.
 */

fs.mkdirSync(SCREENSHOTS, { recursive: true });
// Submissions go to the demo survey: survey.spec.ts counts e2e-open's responses (its organisation
// average must stay hidden under five).

async function resumeCookie(context: BrowserContext, code: string): Promise<string | undefined> {
  return (await context.cookies()).find((c) => c.name === `ds_r_${code}`)?.value;
}

async function shoot(page: Page, name: string) {
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at ${width} px`).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-${width}.png`, fullPage: true });
  }
}

test("a resume link sent by an attacker: the colleague is asked, not switched; confirming rotates the token and the attacker's token is dead", async ({ browser }) => {
  const attacker = await browser.newContext();
  const colleague = await browser.newContext();
  const answers = completeAnswers("Sales");

  // 1. The attacker starts a draft and keeps its token T.
  const started = await attacker.request.post("/api/survey/demo/start", { data: {} });
  expect(started.status()).toBe(201);
  const T = (await started.json()).token as string;
  const attackerDraft = () => attacker.request.get("/api/survey/demo/draft", { headers: { "x-resume-token": T } });
  expect((await attackerDraft()).status()).toBe(200);

  // The colleague has a survey of their own in progress.
  const page = await colleague.newPage();
  const survey = new SurveyPage(page);
  await survey.open("demo");
  await page.getByRole("button", { name: "Start" }).click();
  await survey.answerThrough(1, 1, answers);
  const own = await resumeCookie(colleague, "demo");
  expect(own).toBeTruthy();

  // 2-3. The colleague opens the attacker's link: a question, not a switch.
  const opened = await page.goto(`/s/demo/resume/${T}`);
  expect(opened?.status()).toBe(200);
  expect(opened?.headers()["set-cookie"]).toBeUndefined();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Continue the survey saved in this link?");
  await expect(page.getByTestId("resume-current")).toContainText("This browser already has a survey in progress for Northwind");
  await expect(page.getByText("Continue only with a link you saved yourself")).toBeVisible();
  expect(await resumeCookie(colleague, "demo")).toBe(own);
  await shoot(page, "resume-confirm-existing-draft");

  // Another site cannot post the confirmation for them.
  const forged = await colleague.request.post(`/s/demo/resume/${T}/adopt`, { headers: { Origin: "https://evil.example.com" }, maxRedirects: 0 });
  expect(forged.status()).toBe(403);
  expect(await resumeCookie(colleague, "demo")).toBe(own);
  expect((await attackerDraft()).status()).toBe(200);

  // Keeping their own survey changes nothing: it continues where they left off.
  await page.getByRole("link", { name: "Keep my survey in progress" }).click();
  await page.getByRole("button", { name: "Continue where you left off" }).click();
  await survey.expectStep(2);
  expect(await resumeCookie(colleague, "demo")).toBe(own);

  // If the colleague confirms anyway, the draft moves to this browser under a new token.
  await page.goto(`/s/demo/resume/${T}`);
  await page.getByRole("button", { name: "Continue with this link" }).click();
  await page.waitForURL(/\/s\/demo$/);
  const adopted = await resumeCookie(colleague, "demo");
  expect(adopted).toBeTruthy();
  expect(adopted).not.toBe(T);
  expect(adopted).not.toBe(own);

  // The attacker's token T is dead: no draft, no answers, and the link itself says so.
  const dead = await attackerDraft();
  expect(dead.status()).toBe(401);
  expect(await dead.text()).not.toContain("seniority");
  const attackerPage = await attacker.newPage();
  await attackerPage.goto(`/s/demo/resume/${T}`);
  await expect(attackerPage.getByText("That resume link is not valid any more")).toBeVisible();
  // A second adoption of the same link loses.
  const late = await attacker.request.post(`/s/demo/resume/${T}/adopt`, { maxRedirects: 0 });
  expect(late.status()).toBe(303);
  expect(late.headers()["location"]).toBe("/s/demo?resume=invalid");

  // 4. The colleague answers and submits.
  await page.getByRole("button", { name: "Continue where you left off" }).click();
  await survey.answerThrough(1, TOTAL_STEPS - 1, answers);
  await survey.answerStep(TOTAL_STEPS, answers);
  await page.getByTestId("submit").click();
  await expect(page.getByTestId("submitted")).toBeVisible();
  const reportUrl = await page.getByTestId("report-url").inputValue();
  expect(reportUrl).toMatch(/\/report\/[A-Za-z0-9_-]{43}$/);
  expect(reportUrl).not.toContain(T);
  expect(reportUrl).not.toContain(adopted!);

  // 5. Neither T nor the adopted resume token opens the answers or the report.
  for (const token of [T, adopted!]) {
    const draft = await attacker.request.get("/api/survey/demo/draft", { headers: { "x-resume-token": token } });
    expect(draft.status()).toBe(401);
    expect(await draft.text()).not.toContain("manager");
    await attackerPage.goto(`/report/${token}`);
    await expect(attackerPage.getByRole("heading", { name: "We could not find this report" })).toBeVisible();
    await expect(attackerPage.getByTestId("index")).toHaveCount(0);
  }
  // Only the link handed to the submitting browser opens the report.
  await page.goto(reportUrl);
  await expect(page.getByTestId("index")).toContainText("53");

  await attacker.close();
  await colleague.close();
});

test("a resume link in a browser with no draft still asks, and a link alone never sets a cookie", async ({ browser }) => {
  const owner = await browser.newContext();
  const token = (await (await owner.request.post("/api/survey/e2e-open/start", { data: {} })).json()).token as string;
  const other = await browser.newContext();
  const page = await other.newPage();
  const opened = await page.goto(`/s/e2e-open/resume/${token}`);
  expect(opened?.headers()["set-cookie"]).toBeUndefined();
  expect(await resumeCookie(other, "e2e-open")).toBeUndefined();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Continue the survey saved in this link?");
  await expect(page.getByTestId("resume-current")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Go to the survey instead" })).toBeVisible();
  await shoot(page, "resume-confirm");

  // The same page in Simplified and Traditional Chinese.
  for (const [locale, title] of [
    ["zh-Hans", "要继续此链接中保存的问卷吗？"],
    ["zh-Hant", "要繼續此連結中保存的問卷嗎？"],
  ] as const) {
    await other.addCookies([{ name: "ds_locale", value: locale, url: page.url() }]);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await shoot(page, `resume-confirm-${locale}`);
  }
  await other.clearCookies();
  await page.reload();
  await page.getByRole("button", { name: "Continue with this link" }).click();
  await page.waitForURL(/\/s\/e2e-open$/);
  await expect(page.getByRole("button", { name: "Continue where you left off" })).toBeVisible();
  expect(await resumeCookie(other, "e2e-open")).not.toBe(token);
  // The owner's own copy of the link is now the one that stopped working.
  expect((await owner.request.get("/api/survey/e2e-open/draft")).status()).toBe(401);
  await owner.close();
  await other.close();
});

test("a shared computer: after submitting, the cookie is gone, the report link is shown once, and the next person sees nothing of it", async ({ browser }) => {
  const kiosk = await browser.newContext();
  const page = await kiosk.newPage();
  const survey = new SurveyPage(page);
  const answers = completeAnswers("Sales");
  await survey.open("demo");
  await page.getByRole("button", { name: "Start" }).click();
  await survey.answerThrough(1, TOTAL_STEPS - 1, answers);
  await survey.answerStep(TOTAL_STEPS, answers);
  const cookie = (await kiosk.cookies()).find((c) => c.name === "ds_r_demo")!;
  // A draft's cookie lasts a week, not 90 days.
  const week = 7 * 24 * 3600;
  expect(cookie.expires).toBeGreaterThan(Date.now() / 1000 + week - 120);
  expect(cookie.expires).toBeLessThan(Date.now() / 1000 + week + 120);
  const resumeToken = cookie.value;

  await page.getByTestId("submit").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you: your answers are submitted");
  await expect(page.getByText("Save this link now. It is the only way to open your report again")).toBeVisible();
  const reportUrl = await page.getByTestId("report-url").inputValue();
  expect(reportUrl).toMatch(/\/report\/[A-Za-z0-9_-]{43}$/);
  await shoot(page, "submitted-save-link");
  expect(await resumeCookie(kiosk, "demo")).toBeUndefined();

  // The next person at this browser: a fresh start, no report link, nothing from the draft API.
  await survey.open("demo");
  await expect(page.getByRole("button", { name: "Start" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Continue where you left off" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /report/i })).toHaveCount(0);
  expect(await page.content()).not.toContain("/report/");
  const draft = await kiosk.request.get("/api/survey/demo/draft");
  expect(draft.status()).toBe(401);
  const body = await draft.text();
  expect(body).not.toContain("Sales");
  expect(body).not.toContain("manager");
  // The previous person's resume token opens nothing either; their saved report link does.
  expect((await kiosk.request.get("/api/survey/demo/draft", { headers: { "x-resume-token": resumeToken } })).status()).toBe(401);
  await page.goto(`/report/${resumeToken}`);
  await expect(page.getByRole("heading", { name: "We could not find this report" })).toBeVisible();
  await page.goto(reportUrl);
  await expect(page.getByTestId("index")).toBeVisible();
  await kiosk.close();
});

test("the report link is shown once in Chinese too", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-CN", extraHTTPHeaders: { "Accept-Language": "zh-CN,zh;q=0.9" } });
  const page = await context.newPage();
  const survey = new SurveyPage(page);
  const answers = completeAnswers("Sales");
  await survey.open("demo");
  await page.getByRole("button", { name: "开始" }).click();
  await survey.answerThrough(1, TOTAL_STEPS - 1, answers);
  await survey.answerStep(TOTAL_STEPS, answers);
  await page.getByTestId("submit").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("谢谢！您的回答已提交");
  await expect(page.getByText("请立即保存这个链接")).toBeVisible();
  await shoot(page, "submitted-save-link-zh-Hans");
  await context.close();
});
