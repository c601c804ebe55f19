/*
 * Issue 16, finding 3: 40 scripted responses are sent through the public link; an admin sees the
 * burst on the wave page, reviews it, voids it (audited) and the lead's figures lose it again.
 */
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { completeAnswers } from "../../harness/answers";
import { query } from "./db";
import { signIn } from "./sign-in";
import { SCREENSHOTS } from "./env";

const CODE = "e2e-stuffed";

async function stuff(request: APIRequestContext, n: number) {
  for (let k = 0; k < n; k++) {
    const start = await request.post(`/api/survey/${CODE}/start`, { data: { locale: "en" } });
    expect(start.status()).toBe(201);
    const { token } = (await start.json()) as { token: string };
    const submit = await request.post(`/api/survey/${CODE}/submit`, {
      headers: { "x-resume-token": token },
      data: { answers: { ...completeAnswers("Sales"), customer_understanding: 5 } },
    });
    expect(submit.status()).toBe(200);
  }
}

async function releasedResponses(page: Page): Promise<number> {
  const res = await page.request.get(`/api/dashboard/${CODE}/summary`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { meta: { release: { responses: number } } }).meta.release.responses;
}

test("an admin finds a burst of scripted responses, voids it with a reason, and the figures lose it", async ({ page, browser, request }) => {
  const lead = await browser.newPage();
  await signIn(lead, "lead-stuffed@e2e.local", "e2e-password-1");
  expect(await releasedResponses(lead)).toBe(8);

  await stuff(request, 40);
  // 40 new responses are a new release: the lead's figures now count the fakes.
  expect(await releasedResponses(lead)).toBe(48);

  await signIn(page, "admin@demo.local", "demo-admin-pass");
  const waveId = (await query<{ id: number }>("select id from waves where code = ?", CODE))[0]!.id;
  await page.goto(`/admin/organisations/${CODE}/waves/${waveId}`);
  await expect(page.getByTestId("submission-stats")).toContainText("48");
  const bursts = page.getByTestId("burst-table");
  await expect(bursts).toBeVisible();
  // The scripted responses were sent the moment they were started: all of them are fast.
  const rows = await bursts.locator("tbody tr").all();
  let inBursts = 0;
  for (const row of rows) inBursts += Number((await row.locator("td.num").first().innerText()).replace(/\D/g, ""));
  expect(inBursts).toBe(40);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SCREENSHOTS}/admin-wave-bursts-1280.png`, fullPage: true });

  // "Review" fills the window (one burst: adjacent minutes are merged).
  expect(rows).toHaveLength(1);
  await rows[0]!.getByRole("link", { name: "Review" }).click();
  await expect(page.getByLabel("From (UTC)")).not.toHaveValue("");
  await expect(page.getByLabel("Only responses submitted within 30 seconds of starting")).toBeChecked();

  // The reason is required, and a bad field keeps what was typed.
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.locator("#err-void-reason")).toContainText("Say why");
  await page.getByLabel("Reason (kept in the audit log)").fill("Scripted burst through the public link");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("void-preview")).toHaveText("40 submitted responses are in this window.");
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: `${SCREENSHOTS}/admin-wave-void-preview-375.png`, fullPage: true });

  await page.getByRole("button", { name: "Void these 40 responses" }).click();
  await expect(page.getByTestId("void-notice")).toHaveText("40 responses voided. The figures were released again without them.");
  await expect(page.getByTestId("void-history")).toContainText("Scripted burst through the public link");
  await expect(page.getByTestId("no-bursts")).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/admin-wave-voided-375.png`, fullPage: true });

  const stored = await query<{ status: string; n: number }>(
    "select r.status, count(*) n from responses r join waves w on w.id = r.wave_id where w.code = ? group by r.status order by r.status",
    CODE,
  );
  expect(stored).toEqual([
    { status: "submitted", n: 8 },
    { status: "voided", n: 40 },
  ]);
  expect(await releasedResponses(lead)).toBe(8);

  // The audit log lists the void with who, how many and why.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/admin/exports");
  const entry = page.getByTestId("audit-table").locator("tbody tr", { hasText: "e2e-stuffed/2026-Q4" });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText("Responses voided");
  await expect(entry).toContainText("admin@demo.local");
  await expect(entry).toContainText("reason: Scripted burst through the public link");
  await lead.close();
});
