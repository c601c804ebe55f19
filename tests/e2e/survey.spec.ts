import { createHash } from "node:crypto";
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { completeAnswers } from "../../harness/answers";
import { countResponses, execute, query } from "./db";
import { SCREENSHOTS } from "./env";
import { SurveyPage, TOTAL_STEPS } from "./survey-page";

const answers = completeAnswers("Engineering");
fs.mkdirSync(SCREENSHOTS, { recursive: true });

test.describe("respondent journey", () => {
  test("completes the whole survey in Traditional Chinese and sees the report", async ({ browser }, testInfo) => {
    const context = await browser.newContext({ locale: "zh-TW", extraHTTPHeaders: { "Accept-Language": "zh-TW,zh;q=0.9" } });
    const page = await context.newPage();
    const survey = new SurveyPage(page);
    const before = await countResponses("e2e-open");

    await survey.open("e2e-open");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hant");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("E2E Test Co 數位技能自我評估");
    await expect(page.getByText("共 21 題")).toBeVisible();
    const started = Date.now();
    await page.getByRole("button", { name: "開始" }).click();

    await survey.expectStep(1);
    await expect(page.getByText(`第 1 步，共 ${TOTAL_STEPS} 步`)).toBeVisible();
    await expect(page.getByRole("heading", { name: "關於您" })).toBeVisible();
    await survey.answerThrough(1, 1, answers);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${SCREENSHOTS}/capability-step-zh-Hant-1280.png`, fullPage: true });
    await survey.answerThrough(2, TOTAL_STEPS - 1, answers);
    await survey.answerStep(TOTAL_STEPS, answers);
    await page.getByTestId("submit").click();

    // The report link is shown once, to be saved; then it opens the report.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("謝謝！您的回答已送出");
    await expect(page.getByText("請立即保存這個連結")).toBeVisible();
    const seconds = (Date.now() - started) / 1000;
    testInfo.annotations.push({ type: "survey completion time (s)", description: seconds.toFixed(1) });
    console.log(`survey completed in real Chromium in ${seconds.toFixed(1)} s`);
    await page.getByRole("link", { name: "開啟我的報告" }).click();
    await page.waitForURL(/\/report\//);

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("您的數位技能報告");
    // (75+50+25+100+75+25+75+0)/8 = 53.125 → 53, band Capable
    await expect(page.getByTestId("index")).toContainText("53");
    await expect(page.getByTestId("band")).toHaveText("勝任");
    await expect(page.getByTestId("suggestion")).toHaveCount(3);
    await expect(page.getByTestId("suggestion").first()).toContainText("人工智慧");
    // The wave has fewer than 5 responses, so the organisation average is hidden with a reason.
    await expect(page.getByText(/至少 5 人送出後才會顯示組織平均/)).toBeVisible();
    await expect(page.getByTestId("profile-table")).toContainText("基準");
    await expect(page.locator("canvas")).toBeVisible();

    expect(await countResponses("e2e-open")).toBe(before + 1);
    const stored = (
      await query<{ locale: string; self_ai: number; department: string; ld_awareness: number }>(
        "select r.locale, r.self_ai, r.department, r.ld_awareness from responses r join waves w on w.id = r.wave_id where w.code = 'e2e-open' and r.status = 'submitted' order by r.submitted_at desc limit 1",
      )
    )[0];
    expect(stored).toEqual({ locale: "zh-Hant", self_ai: 1, department: "Engineering", ld_awareness: 0 });

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${SCREENSHOTS}/report-zh-Hant-1280.png`, fullPage: true });
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 375, height: 800 });
    await phone.goto(page.url());
    await expect(phone.locator("canvas")).toBeVisible();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await phone.screenshot({ path: `${SCREENSHOTS}/report-zh-Hant-375.png`, fullPage: true });
    await testInfo.attach("report", { path: `${SCREENSHOTS}/report-zh-Hant-1280.png`, contentType: "image/png" });
    await context.close();
  });

  test("names the unanswered questions and moves focus to the first one", async ({ page }) => {
    const survey = new SurveyPage(page);
    await survey.open("e2e-open");
    await page.getByRole("button", { name: "Start" }).click();
    await survey.answerStep(1, answers);
    await survey.next();
    await survey.expectStep(2);
    await page.locator('label[for="in-self_data-4"]').click();
    await survey.next();
    const summary = page.locator(".error-summary");
    await expect(summary).toHaveAttribute("role", "alert");
    await expect(summary).toContainText("Please answer: Everyone in my organisation can");
    await expect(page.locator("#q-org_data")).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#in-org_data-yes")).toBeFocused();
    await survey.expectStep(2);
  });

  test("leaves mid-way, reloads and resumes; the resume link works on another device", async ({ page, browser }) => {
    const survey = new SurveyPage(page);
    await survey.open("e2e-open");
    await page.getByRole("button", { name: "Start" }).click();
    await survey.answerThrough(1, 3, answers);

    await page.reload();
    await page.getByRole("button", { name: "Continue where you left off" }).click();
    await survey.expectStep(4);
    await page.getByRole("button", { name: /Back/ }).click();
    await survey.expectStep(3);
    await expect(page.locator("#in-self_security-3")).toBeChecked();
    await expect(page.locator("#in-org_security-partly")).toBeChecked();

    await page.getByText("Resume later").click();
    const resumeUrl = await page.getByTestId("resume-url").inputValue();
    expect(resumeUrl).toMatch(/\/s\/e2e-open\/resume\/[A-Za-z0-9_-]{43}$/);

    const other = await browser.newContext();
    const phone = await other.newPage();
    await phone.goto(resumeUrl);
    // The link asks before it moves the draft to this device.
    await phone.getByRole("button", { name: "Continue with this link" }).click();
    await phone.getByRole("button", { name: "Continue where you left off" }).click();
    const phoneSurvey = new SurveyPage(phone);
    await phoneSurvey.expectStep(3);
    await phone.getByRole("button", { name: /Back/ }).click();
    await expect(phone.locator("#in-self_data-4")).toBeChecked();
    await other.close();

    // The draft moved: its old link and the first browser's cookie no longer open it.
    await page.goto(resumeUrl);
    await expect(page.getByText("That resume link is not valid any more")).toBeVisible();
    await expect(page.getByRole("button", { name: "Start" })).toBeVisible();

    const bogus = await browser.newContext();
    const stranger = await bogus.newPage();
    await stranger.goto("/s/e2e-open/resume/not-a-real-token-at-all");
    await expect(stranger.getByText("That resume link is not valid any more")).toBeVisible();
    await bogus.close();
  });

  test("a double click and a replayed request submit only once", async ({ page }) => {
    const survey = new SurveyPage(page);
    const before = await countResponses("e2e-open");
    await survey.open("e2e-open");
    await page.getByRole("button", { name: "Start" }).click();
    await survey.answerThrough(1, TOTAL_STEPS - 1, answers);
    await survey.answerStep(TOTAL_STEPS, answers);

    const resumeToken = (await page.context().cookies()).find((c) => c.name === "ds_r_e2e-open")!.value;
    const submits: string[] = [];
    page.on("request", (r) => {
      if (r.url().endsWith("/submit")) submits.push(r.postData() ?? "");
    });
    await page.getByTestId("submit").dblclick();
    await expect(page.getByTestId("submitted")).toBeVisible();
    const reportToken = (await page.getByTestId("report-url").inputValue()).split("/report/")[1]!;
    // Replay the submission as a retry would, with the token the browser held: the resume token
    // was replaced at submission, so it submits nothing a second time.
    const replay = await page.request.post("/api/survey/e2e-open/submit", { data: JSON.parse(submits[0] ?? "{}"), headers: { "x-resume-token": resumeToken } });
    expect(replay.status()).toBe(401);
    // With the token that now opens the response, a repeat is recognised as already submitted.
    const repeat = await page.request.post("/api/survey/e2e-open/submit", { data: JSON.parse(submits[0] ?? "{}"), headers: { "x-resume-token": reportToken } });
    expect(repeat.status()).toBe(200);
    expect((await repeat.json()).alreadySubmitted).toBe(true);
    expect(await countResponses("e2e-open")).toBe(before + 1);

    // Opening the survey again in the same browser starts afresh (the next person at a shared
    // computer) and shows nothing of the submitted response.
    await survey.open("e2e-open");
    await expect(page.getByRole("button", { name: "Start" })).toBeVisible();
    await expect(page.getByRole("link", { name: /report/i })).toHaveCount(0);
  });

  test("a refused save says why: too many saves (try again in N s) or a draft at its save limit; the step stays", async ({ page }) => {
    const survey = new SurveyPage(page);
    await survey.open("e2e-open");
    await page.getByRole("button", { name: "Start" }).click();
    await survey.expectStep(1);
    const throttled = page.getByRole("alert").filter({ hasText: "too many saves" });
    // Spend the draft's 30 saves a minute with the browser's own cookie, until the server says 429.
    const drain = async () => {
      for (let i = 0; i < 60; i++) if ((await page.request.put("/api/survey/e2e-open/draft", { data: { step: 1 } })).status() === 429) return;
      throw new Error("no 429 after 60 saves");
    };
    // The bucket refills one save every 2 s: should one come back before the click, the page moves
    // on and the next step tries again.
    let step = 1;
    for (; step < TOTAL_STEPS; step++) {
      await survey.answerStep(step, answers);
      await drain();
      await survey.next();
      await expect(throttled.or(page.locator(`[role=progressbar][aria-valuenow="${step + 1}"]`))).toBeVisible();
      if (await throttled.isVisible()) break;
    }
    await expect(throttled).toHaveText(/^Could not save: too many saves in a short time\. Try again in \d+ s\.$/);
    await survey.expectStep(step);

    // A draft that has used its 200 saves: the page says so instead of "check your connection".
    const token = (await page.context().cookies()).find((c) => c.name === "ds_r_e2e-open")!.value;
    await execute("update responses set writes = 200 where token_hash = ?", createHash("sha256").update(token).digest("hex"));
    await expect(async () => {
      await survey.next();
      await expect(page.getByRole("alert").filter({ hasText: "Could not save" })).toHaveText(
        "Could not save: this draft has been saved the most times a draft accepts. Submit your answers, or start a new response from the survey link.",
        { timeout: 2_000 },
      );
    }).toPass();
    await survey.expectStep(step);
  });

  test("an unknown code and a closed survey get clear pages", async ({ page }) => {
    const unknown = await page.goto("/s/no-such-survey");
    expect(unknown?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "We could not find this survey" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Go to the home page" })).toBeVisible();

    await page.goto("/s/e2e-closed");
    await expect(page.getByRole("heading", { name: "This survey is closed" })).toBeVisible();
    await expect(page.getByText("E2E Test Co is no longer collecting answers")).toBeVisible();

    await page.goto("/report/not-a-token");
    await expect(page.getByRole("heading", { name: "We could not find this report" })).toBeVisible();
  });

  test("switching language keeps the answers and changes the labels", async ({ page }) => {
    const survey = new SurveyPage(page);
    await survey.open("e2e-open");
    await page.getByRole("button", { name: "Start" }).click();
    await survey.answerThrough(1, 1, answers);
    await page.locator('label[for="in-self_data-5"]').click();
    await page.getByLabel("Language").selectOption("zh-Hans");
    await expect(page.getByRole("heading", { name: "数据处理" })).toBeVisible();
    await expect(page.getByText("第 2 步，共 10 步")).toBeVisible();
    await expect(page.locator("#in-self_data-5")).toBeChecked();
    await page.getByLabel("语言").selectOption("en");
    await expect(page.getByText("Step 2 of 10")).toBeVisible();
  });

  test("the survey is usable on a 375 px phone and by keyboard", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const survey = new SurveyPage(page);
    await survey.open("e2e-open");
    await page.screenshot({ path: `${SCREENSHOTS}/welcome-375.png`, fullPage: true });
    await page.getByRole("button", { name: "Start" }).click();
    await survey.answerThrough(1, 1, answers);
    // No horizontal scrolling on a phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Keyboard: arrow keys move within a radio group, Enter submits the step.
    await page.locator("#in-self_data-1").focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await expect(page.locator("#in-self_data-3")).toBeChecked();
    await page.locator("#in-org_data-no").focus();
    await page.keyboard.press("Space");
    await expect(page.locator("#in-org_data-no")).toBeChecked();
    await page.screenshot({ path: `${SCREENSHOTS}/capability-step-375.png`, fullPage: true });
    await page.keyboard.press("Enter");
    await survey.expectStep(3);
    await context.close();
  });
});
