import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { completeAnswers } from "../../harness/answers";
import { allChecks, checkItem } from "../../questions/check-bank";
import { checkSlots } from "../../questions";
import { query } from "./db";
import { SCREENSHOTS } from "./env";
import { SurveyPage } from "./survey-page";
import { signIn } from "./sign-in";

fs.mkdirSync(SCREENSHOTS, { recursive: true });

// Long enough to be unique to one explanation, short enough to survive any wrapping in markup.
const secrets = allChecks().flatMap((item) => Object.values(item.text).map((t) => t.explanation.slice(0, 40)));

test.describe("knowledge checks (questionnaire v2)", () => {
  test("a respondent takes the checks in Traditional Chinese, and no key or explanation reaches the browser before submission", async ({ browser }) => {
    const context = await browser.newContext({ locale: "zh-TW", extraHTTPHeaders: { "Accept-Language": "zh-TW,zh;q=0.9" } });
    const page = await context.newPage();
    // Every body the server sends while the survey is being taken: pages, scripts, styles, API answers.
    const bodies: { url: string; text: string }[] = [];
    let submitted = false;
    page.on("response", async (res) => {
      if (submitted) return;
      const body = await res.text().catch(() => "");
      bodies.push({ url: res.url(), text: body });
    });

    const survey = new SurveyPage(page, 2);
    const total = survey.q.steps.length;
    await survey.open("e2e-checks");
    await expect(page.getByText("共 37 題，約需 14 分鐘。")).toBeVisible();
    await page.getByRole("button", { name: "開始" }).click();
    const answers = completeAnswers("Engineering");
    const firstCheckStep = survey.q.steps.findIndex((s) => s.kind === "checks") + 1;
    await survey.answerThrough(1, firstCheckStep - 1, answers);

    // The checks drawn for this draft, read from the database: the test answers the first check of
    // each capability right and says "I don't know" to the second.
    const [row] = await query<Record<string, string>>(
      `select ${checkSlots(survey.q).map((s) => `${s}_item`).join(", ")} from responses r join waves w on w.id = r.wave_id where w.code = 'e2e-checks' and r.status = 'draft' order by r.created_at desc limit 1`,
    );
    const drawn = Object.fromEntries(checkSlots(survey.q).map((slot) => [slot, checkItem(row![`${slot}_item`]!)!]));
    for (const [slot, item] of Object.entries(drawn)) answers[slot] = slot.endsWith("_1") ? item.answer : "dont_know";

    await survey.expectStep(firstCheckStep);
    await expect(page.getByRole("heading", { name: "小測驗：資料處理" })).toBeVisible();
    await expect(page.getByText(drawn.check_data_1!.text["zh-Hant"].stem)).toBeVisible();
    await expect(page.getByText("我不知道").first()).toBeVisible();
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${SCREENSHOTS}/checks-step-zh-Hant-${width}.png`, fullPage: true });
    }
    await survey.answerThrough(firstCheckStep, total - 1, answers);
    await survey.answerStep(total, answers);

    // Before submitting: nothing the browser received holds an explanation or an answer key.
    const leaks = bodies.filter((b) => secrets.some((s) => b.text.includes(s)) || /"answer"\s*:\s*"[a-d]"/.test(b.text));
    expect(leaks.map((b) => b.url)).toEqual([]);
    expect(bodies.some((b) => b.url.includes("/api/survey/") && b.text.includes(drawn.check_data_1!.text["zh-Hant"].stem))).toBe(true);

    submitted = true;
    await page.getByTestId("submit").click();
    await page.getByRole("link", { name: "開啟我的報告" }).click();
    await page.waitForURL(/\/report\//);

    const report = page.getByTestId("checks-report");
    await expect(report.getByRole("heading", { name: "你的小測驗" })).toBeVisible();
    // completeAnswers rates data 4 ("能獨立完成"), one of two checks right.
    await expect(page.getByTestId("checks-data")).toContainText("你的自評是「能獨立完成」；2 題中你答對了 1 題。");
    await expect(page.getByTestId("checks-data")).toContainText(drawn.check_data_1!.text["zh-Hant"].explanation);
    await expect(page.getByTestId("checks-data")).toContainText(drawn.check_data_2!.text["zh-Hant"].explanation);
    await expect(page.getByTestId("checks-data")).toContainText("這題你答對了。");
    await expect(page.getByTestId("checks-data")).toContainText("我不知道");
    await expect(page.getByTestId("calibration-summary")).toContainText("每項能力只有兩題");
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${SCREENSHOTS}/checks-report-zh-Hant-${width}.png`, fullPage: true });
      // The whole report is long; the first capability's checks, at a readable size.
      await page.getByTestId("checks-data").screenshot({ path: `${SCREENSHOTS}/checks-report-data-zh-Hant-${width}.png` });
    }

    const [stored] = await query<{ n: number }>(
      "select count(*) as n from responses r join waves w on w.id = r.wave_id where w.code = 'e2e-checks' and r.status = 'submitted' and r.check_data_1 is not null and r.check_ai_2 = 'dont_know'",
    );
    expect(Number(stored!.n)).toBe(1);
    await context.close();
  });
});

test.describe("knowledge checks for admins", () => {
  test("an admin creates a wave with checks, reads the item analysis of the demo data, retires a check and downloads the CSV", async ({ page }) => {
    await signIn(page, "admin@demo.local", "demo-admin-pass");
    await page.goto("/admin/organisations/e2e-checks-co");
    await page.getByLabel("Wave label").fill("2027-checks");
    await page.getByLabel(/Self-assessment with knowledge checks, about 14 minutes/).check();
    await page.getByRole("button", { name: "Create wave" }).click();
    await expect(page.getByText("Wave created and open.")).toBeVisible();
    await expect(page.getByTestId("wave-table").getByRole("row", { name: /2027-checks/ })).toContainText("with knowledge checks");
    const link = await page.getByLabel("Survey link for 2027-checks").inputValue();
    const respondent = await page.context().newPage();
    await respondent.goto(link);
    await expect(respondent.getByText(/37 questions/)).toBeVisible();
    await respondent.close();

    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Knowledge checks" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Knowledge checks: item analysis");
    const items = page.getByTestId("item-table").locator("tbody tr");
    await expect(items).toHaveCount(48);
    // The demo benchmark's responses with checks: every check has figures, and only a few are flagged.
    await expect(page.getByTestId("item-table")).not.toContainText("too few responses");
    const flagged = await items.filter({ hasText: /low discrimination|too easy|too hard/ }).count();
    expect(flagged).toBeLessThanOrEqual(4);
    await expect(page.getByTestId("reliability-table").getByRole("row", { name: /All capabilities/ })).toContainText(/0\.\d\d/);
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${SCREENSHOTS}/admin-checks-${width}.png` });
      // The first rows of the item table, readable (the whole page is 48 rows long).
      await page.getByTestId("item-table").locator("tbody tr").first().screenshot({ path: `${SCREENSHOTS}/admin-checks-item-${width}.png` });
    }

    await page.getByRole("button", { name: "Retire check data-b2" }).click();
    await expect(page.getByTestId("item-data-b2")).toContainText("Retired");
    await page.getByRole("button", { name: "Restore check data-b2" }).click();
    await expect(page.getByTestId("item-data-b2")).toContainText("Drawn");

    const csv = await page.request.get("/api/admin/exports/item-analysis");
    expect(csv.status()).toBe(200);
    const lines = (await csv.text()).replace(/^\ufeff/, "").trim().split("\r\n");
    expect(lines).toHaveLength(49);
    expect(lines[0]).toMatch(/^item_id,capability,level,right_answer,retired,n,proportion_right,discrimination,/);

    await page.goto("/admin/exports");
    await expect(page.getByText("Knowledge check retired")).toBeVisible();
    await expect(page.getByText("Knowledge check restored")).toBeVisible();
    await expect(page.getByText("Item analysis CSV")).toBeVisible();
  });
});
