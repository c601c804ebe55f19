import fs from "node:fs";
import Papa from "papaparse";
import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";
import { RESPONSE_CSV_COLUMNS } from "../../core/csv-columns";
import { completeAnswers } from "../../harness/answers";
import { columnsOf, countResponses, query } from "./db";
import { SurveyPage, TOTAL_STEPS } from "./survey-page";
import { SCREENSHOTS } from "./env";

fs.mkdirSync(SCREENSHOTS, { recursive: true });

const waveId = async () => (await query<{ id: number }>("select id from waves where code = 'e2e-invite'"))[0]!.id;

test.describe("invitations", () => {
  test("roster → personal links → one completes the survey → the link is spent and shows a clear page; no link to the response is stored", async ({ page, browser }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, "admin@demo.local", "demo-admin-pass");
    await page.goto("/admin/organisations/e2e-co");
    await page.getByRole("link", { name: "2026-Q3-invite" }).click();
    await page.waitForURL(new RegExp(`/admin/organisations/e2e-co/waves/${await waveId()}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("E2E Test Co — 2026-Q3-invite");

    // A bad roster: every problem is named by line and column, nothing is stored, the text stays.
    const bad = "email,department\nkim@example.com,Engineering\nnot-an-email,Sales\nlee@example.com,Marketing\n";
    await page.getByLabel("Roster (the file's contents, or paste it here)").fill(bad);
    await page.getByRole("button", { name: "Create personal links" }).click();
    await expect(page.getByTestId("roster-errors")).toContainText('line 3, column email: "not-an-email" is not a valid email address');
    await expect(page.getByTestId("roster-errors")).toContainText('line 4, column department: "Marketing" is not a department of this organisation; allowed: Engineering, Sales, Support (or empty)');
    await expect(page.getByLabel("Roster (the file's contents, or paste it here)")).toHaveValue(bad);
    expect(await query("select * from invitations i join waves w on w.id = i.wave_id where w.code = 'e2e-invite'")).toHaveLength(0);
    await page.screenshot({ path: `${SCREENSHOTS}/admin-invitations-errors-1280.png`, fullPage: true });

    // A good roster, uploaded as a file.
    await page.getByLabel("Roster CSV file").setInputFiles({
      name: "roster.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("\ufeffemail,department,locale\r\nkim@example.com,Engineering,en\r\nlee@example.com,Sales,zh-Hans\r\n"),
    });
    await expect(page.getByLabel("Roster (the file's contents, or paste it here)")).toHaveValue(/kim@example.com/);
    await page.getByRole("button", { name: "Create personal links" }).click();
    await expect(page.getByTestId("invite-result")).toContainText("2 personal links created.");
    const download = page.waitForEvent("download");
    await page.getByTestId("download-links").click();
    const file = await (await download).path();
    const csv = Papa.parse<{ email: string; department: string; locale: string; link: string }>(fs.readFileSync(file, "utf8").replace(/^\ufeff/, ""), { header: true, skipEmptyLines: true });
    expect(csv.meta.fields).toEqual(["email", "department", "locale", "link"]);
    expect(csv.data.map((r) => [r.email, r.department, r.locale])).toEqual([
      ["kim@example.com", "Engineering", "en"],
      ["lee@example.com", "Sales", "zh-Hans"],
    ]);
    for (const r of csv.data) expect(r.link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/i\/[A-Za-z0-9_-]{43}$/);
    await expect(page.getByTestId("invitation-table")).toContainText("kim@example.com");
    await expect(page.getByTestId("wave-stats")).toContainText("Invited2");
    await page.screenshot({ path: `${SCREENSHOTS}/admin-invitations-1280.png`, fullPage: true });

    // Kim opens the personal link in their own browser and completes the survey.
    const kim = await browser.newContext();
    const kimPage = await kim.newPage();
    const before = await countResponses("e2e-invite");
    await kimPage.goto(csv.data[0]!.link);
    await kimPage.waitForURL(/\/s\/e2e-invite$/);
    await kimPage.getByRole("button", { name: "Start" }).click();
    const survey = new SurveyPage(kimPage);
    await survey.expectStep(1);
    // The roster's department is already chosen (and could be changed).
    await expect(kimPage.locator("#in-department")).toHaveValue("Engineering");
    const answers = completeAnswers("Engineering");
    await survey.answerThrough(1, TOTAL_STEPS - 1, answers);
    await survey.answerStep(TOTAL_STEPS, answers);
    await kimPage.getByTestId("submit").click();
    await expect(kimPage.getByTestId("submitted")).toBeVisible();
    expect(await countResponses("e2e-invite")).toBe(before + 1);

    // The link is spent: opening it again, in any browser, says so clearly.
    await kimPage.goto(csv.data[0]!.link);
    await kimPage.waitForURL(/\/i\/used$/);
    await expect(kimPage.getByRole("heading", { level: 1 })).toHaveText("This invitation has already been used");
    await kimPage.screenshot({ path: `${SCREENSHOTS}/invitation-used-1280.png` });
    const other = await browser.newPage();
    await other.goto(csv.data[0]!.link);
    await expect(other.getByRole("heading", { level: 1 })).toHaveText("This invitation has already been used");
    await other.goto("/i/not-a-real-token");
    await expect(other.getByRole("heading", { level: 1 })).toHaveText("We could not find this invitation");
    await other.close();
    await kim.close();

    // What is stored: a completed flag without time; no column of the response refers to an invitation.
    expect(await query("select email, completed from invitations i join waves w on w.id = i.wave_id where w.code = 'e2e-invite' order by i.id")).toEqual([
      { email: "kim@example.com", completed: 1 },
      { email: "lee@example.com", completed: 0 },
    ]);
    const responseColumns = await columnsOf("responses");
    expect(responseColumns.some((c) => /invit/i.test(c))).toBe(false);
    const stored = await query<Record<string, unknown>>("select r.* from responses r join waves w on w.id = r.wave_id where w.code = 'e2e-invite' and r.status = 'submitted'");
    expect(JSON.stringify(stored)).not.toContain(csv.data[0]!.link.split("/i/")[1]!);
    expect(JSON.stringify(stored)).not.toContain("kim@example.com");

    // Reminders: a new link for Lee only.
    await page.reload();
    await expect(page.getByTestId("wave-stats")).toContainText("Invitations completed1 (50%)");
    await page.getByTestId("remind").click();
    await expect(page.getByTestId("invite-result")).toContainText("1 new link for people who have not completed.");
    await expect(page.getByTestId("link-table")).toContainText("lee@example.com");
    await expect(page.getByTestId("link-table")).not.toContainText("kim@example.com");
  });
});

test.describe("exports and the audit log", () => {
  test("an admin downloads a responses CSV and the audit log records it; a lead cannot export", async ({ page, browser }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, "admin@demo.local", "demo-admin-pass");
    await page.goto("/admin/exports");
    await page.getByLabel("Organisation").first().selectOption("northwind");
    const download = page.waitForEvent("download");
    await page.getByTestId("export-responses").click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^responses-northwind-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = fs.readFileSync(await file.path(), "utf8");
    expect(text.startsWith("\ufeff")).toBe(true);
    const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
    expect(parsed.data[0]).toEqual([...RESPONSE_CSV_COLUMNS]);
    const expected = (
      await query<{ n: number }>(
        "select count(*) n from responses r join waves w on w.id = r.wave_id join organisations o on o.id = w.org_id where o.slug = 'northwind' and r.status = 'submitted'",
      )
    )[0]!.n;
    expect(expected).toBeGreaterThan(100);
    expect(parsed.data.length - 1).toBe(expected);
    expect(new Set(parsed.data.slice(1).map((r) => r[1]))).toEqual(new Set(["northwind"]));

    await page.goto("/admin/exports");
    const first = page.getByTestId("audit-table").locator("tbody tr").first();
    await expect(first).toContainText("admin@demo.local");
    await expect(first).toContainText("Responses CSV");
    await expect(first).toContainText("northwind");
    await expect(first).toContainText(expected.toLocaleString("en"));
    await expect(first).toContainText("Completed");
    await page.screenshot({ path: `${SCREENSHOTS}/admin-exports-1280.png`, fullPage: true });
    const audit = (
      await query<{ user_email: string; action: string; scope: string; rows: number; status: string }>(
        "select user_email, action, scope, rows, status from audit_log order by id desc limit 1",
      )
    )[0];
    expect(audit).toEqual({ user_email: "admin@demo.local", action: "export_responses", scope: "northwind", rows: expected, status: "completed" });

    // A lead is refused the page and every export, and the refusal adds nothing to the log.
    const lead = await browser.newPage();
    await signIn(lead, "lead@demo.local", "demo-lead-pass");
    expect((await lead.goto("/admin/exports"))?.status()).toBe(404);
    for (const kind of ["responses", "aggregates?org=northwind", "benchmark"]) {
      const res = await lead.request.get(`/api/admin/exports/${kind}`);
      expect(res.status()).toBe(403);
      expect(await res.text()).not.toContain("response_id");
    }
    const entries = (await query<{ n: number }>("select count(*) n from audit_log"))[0]!.n;
    expect((await query<{ user_email: string }>("select user_email from audit_log order by id desc limit 1"))[0]!.user_email).toBe("admin@demo.local");
    expect(entries).toBeGreaterThan(0);
    await lead.close();
  });
});
