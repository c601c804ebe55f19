import { expect, test, type Page, type Response } from "@playwright/test";
import { signIn } from "./sign-in";
import Papa from "papaparse";
import { completeAnswers } from "../../harness/answers";
import { query } from "./db";
import { BASE_URL, SCREENSHOTS } from "./env";

/** Page object for the L&D dashboards. */
class Dashboard {
  constructor(readonly page: Page) {}

  async signIn(email = "lead@demo.local", password = "demo-lead-pass") {
    await signIn(this.page, email, password);
  }

  async open(path: string) {
    const res = await this.page.goto(path);
    expect(res?.status(), path).toBe(200);
    await this.chartsDrawn();
  }

  /** Charts draw on the client: waits until Chart.js has drawn every chart of the view (app/dashboard/charts/setup.ts sets data-drawn). */
  async chartsDrawn() {
    for (const chart of await this.page.locator(".dash-chart").all()) await expect(chart).toHaveAttribute("data-drawn", "true");
  }

  figure(id: string) {
    return this.page.getByTestId(id);
  }

  async expectChart(id: string) {
    const chart = this.figure(id).locator(".dash-chart");
    await expect(chart).toHaveAttribute("data-drawn", "true");
    const canvas = chart.locator("canvas");
    await expect(canvas).toHaveCount(1);
    const box = await canvas.boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    expect(box!.height).toBeGreaterThan(100);
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: `${SCREENSHOTS}/${name}-1280.png`, fullPage: true });
  }
}

const submitted = async (code: string) =>
  (await query<{ n: number }>("select count(*) n from responses r join waves w on w.id = r.wave_id where w.code = ? and r.status = 'submitted'", code))[0]!.n;

test.describe("L&D dashboards", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test("summary: participation, index against the benchmark, findings with sentences, headline actions", async ({ page }) => {
    const d = new Dashboard(page);
    await d.signIn();
    await page.getByRole("link", { name: "Dashboards" }).click();
    await page.waitForURL(/\/dashboard\/northwind$/);
    await d.chartsDrawn();
    await expect(page.getByTestId("dash-org")).toHaveText("Northwind Trading");
    await expect(page.getByTestId("kpi-responses")).toHaveText(String(await submitted("demo")));
    await d.expectChart("participation");
    await d.expectChart("index");
    await d.expectChart("findings");
    await expect(page.getByTestId("index-table").locator("tbody tr")).toHaveCount(4);
    await expect(page.getByTestId("findings-table").locator("tbody tr")).toHaveCount(7);
    // The seeded demo: Northwind's customer understanding is level with the benchmark (F1, p ≈ 0.65); its F2–F4 splits are clear.
    await expect(page.getByTestId("sentence-f1")).toContainText(/The difference of [\d.]+ points is not statistically clear \(p = [\d.]+\): with these numbers it could be chance\./);
    for (const f of ["f2", "f3", "f4"]) await expect(page.getByTestId(`sentence-${f}`)).toContainText(/The difference of [\d.]+ points is statistically clear \(p [<=] [\d.]+\)\./);
    await expect(page.getByTestId("sentence-f2")).toContainText(/\(n = \d+\); elsewhere \d+% \(n = \d+\)/);
    await expect(page.getByTestId("headline-actions").locator("li")).toHaveCount(3);
    await expect(page.getByText("No invitations were sent for this wave")).toBeVisible();
    await d.screenshot("dashboard-summary");
  });

  test("analysis: coverage, the department heatmap with Legal suppressed, perception and seniority gaps, distribution, alpha, organisations", async ({ page }) => {
    const d = new Dashboard(page);
    await d.signIn();
    await d.open("/dashboard/northwind/analysis");
    for (const id of ["coverage", "perception", "seniority", "distribution", "scatter"]) await d.expectChart(id);
    await expect(page.getByTestId("coverage-table").locator("tbody tr")).toHaveCount(8);
    await expect(page.getByTestId("perception-table").locator("tbody tr")).toHaveCount(8);
    const legal = page.getByTestId("heatmap-row-Legal");
    await expect(legal).toContainText("Too few responses");
    await expect(legal).not.toContainText("%");
    await expect(page.getByTestId("heatmap-row-Sales").locator("td")).toHaveCount(8);
    await expect(page.getByTestId("heatmap-row-Sales")).toContainText("%");
    await expect(page.getByTestId("alpha")).toContainText("Cronbach's alpha");
    await expect(page.getByTestId("sentence-f5")).toContainText(/The difference of [\d.]+ points is statistically clear \(p [<=] [\d.]+\)\./);
    await expect(page.getByTestId("scatter")).toContainText(/Spearman's rho 0\.\d\d across \d+ organisations/);
    await d.screenshot("dashboard-analysis");
  });

  test("priorities and trends: ranking with learning suggestions, changes between waves with their tests", async ({ page }) => {
    const d = new Dashboard(page);
    await d.signIn();
    await d.open("/dashboard/northwind/priorities");
    await d.expectChart("ranking");
    await d.expectChart("trend-series");
    await d.expectChart("trend-coverage");
    await expect(page.getByTestId("priorities-table").locator("tbody tr")).toHaveCount(8);
    await expect(page.getByTestId("priority")).toHaveCount(8);
    await expect(page.getByTestId("priority").first().locator("ul li").first()).not.toBeEmpty();
    const changes = page.getByTestId("changes-table");
    await expect(changes.locator("tbody tr")).toHaveCount(14);
    await expect(changes).toContainText("Welch's t");
    await expect(changes).toContainText(/Not statistically clear/);
    await d.screenshot("dashboard-priorities");
  });

  test("the small Legal department is suppressed in the filter, the JSON and the CSV", async ({ page }) => {
    const d = new Dashboard(page);
    await d.signIn();
    await d.open("/dashboard/northwind");
    // The filter offers Legal only as a disabled choice.
    await expect(page.locator('select[name="department"] option[value="Legal"]')).toBeDisabled();
    await expect(page.locator('select[name="department"] option[value="Legal"]')).toHaveText("Legal (too few responses)");
    // Choosing a department applies it at once and clears the seniority level.
    await page.locator('select[name="seniority"]').selectOption("staff");
    await page.waitForURL(/seniority=staff/);
    await page.locator('select[name="department"]').selectOption("Sales");
    await page.waitForURL((url) => url.searchParams.get("department") === "Sales" && !url.searchParams.has("seniority"));
    await expect(page.getByTestId("group-note")).toContainText("Department: Sales");
    await d.expectChart("findings");

    // Asking for Legal directly shows why nothing is shown.
    await d.open("/dashboard/northwind/analysis?department=Legal");
    await expect(page.getByTestId("group-suppressed")).toContainText("Too few responses in Legal");
    await expect(page.locator("canvas")).toHaveCount(0);

    const analysis = await (await page.request.get("/api/dashboard/northwind/analysis")).json();
    const legal = analysis.heatmap.rows.find((r: { department: string }) => r.department === "Legal");
    expect(legal).toEqual({ department: "Legal", suppressed: true });
    const sales = analysis.heatmap.rows.find((r: { department: string }) => r.department === "Sales");
    expect(sales.suppressed).toBe(false);
    expect(Object.keys(sales.coverage)).toHaveLength(8);
    expect(analysis.meta.options.departments).toContainEqual({ name: "Legal", shown: false });

    const filtered = await page.request.get("/api/dashboard/northwind/summary?department=Legal");
    expect(filtered.status()).toBe(200);
    const summary = await filtered.json();
    expect(summary.meta.status).toBe("group_suppressed");
    expect(summary.findings).toBeNull();
    expect(summary.index).toBeNull();

    const csv = await page.request.get("/api/dashboard/northwind/csv");
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(csv.headers()["content-disposition"]).toMatch(/attachment; filename="northwind-2026-Q4-dashboard\.csv"/);
    const text = (await csv.body()).toString("utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<string[]>(text.slice(1).trim(), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(["organisation", "wave", "group", "table", "row", "column", "value", "status"]);
    const legalRows = rows.filter((r) => r[3] === "heatmap" && r[4] === "Legal");
    expect(legalRows).toEqual([["northwind", "2026-Q4", "all", "heatmap", "Legal", "", "", "too few responses"]]);
    expect(rows.filter((r) => r[3] === "heatmap" && r[4] === "Sales" && r[7] === "shown")).toHaveLength(8);
    expect(rows.some((r) => r[3] === "priorities" && r[5] === "rank")).toBe(true);
    expect(rows.some((r) => r[3] === "trends" && r[4] === "index" && r[5] === "p_value")).toBe(true);

    const legalCsv = Papa.parse<string[]>((await (await page.request.get("/api/dashboard/northwind/csv?department=Legal")).body()).toString("utf8").slice(1).trim()).data;
    expect(legalCsv.filter((r) => r[3] === "status")).toEqual([["northwind", "2026-Q4", "department:Legal", "status", "view", "status", "group_suppressed", "shown"]]);
    expect(legalCsv.some((r) => ["coverage", "findings", "heatmap", "index"].includes(r[3]!))).toBe(false);
  });

  test("bad filters: a clear 400 from the JSON, a notice and the default view on the page", async ({ page }) => {
    const d = new Dashboard(page);
    await d.signIn();
    const res = await page.request.get("/api/dashboard/northwind/summary?wave=2020-Q1&seniority=intern");
    expect(res.status()).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.fields.seniority).toMatch(/must be one of staff, manager, senior_leader, executive/);
    const both = await (await page.request.get("/api/dashboard/northwind/summary?department=Sales&seniority=staff")).json();
    expect(both.error.fields.seniority).toBe("choose a department or a seniority level, not both");
    const wave = await (await page.request.get("/api/dashboard/northwind/summary?wave=2020-Q1")).json();
    expect(wave.error.fields.wave).toBe("is not a wave of this organisation; allowed: 2026-Q4, 2026-Q4-checks, 2026-Q2");
    await d.open("/dashboard/northwind?wave=2020-Q1");
    await expect(page.getByTestId("filter-error")).toContainText("is not a wave of this organisation");
    await d.expectChart("findings");
  });

  test("switching the language changes the labels", async ({ page }) => {
    const d = new Dashboard(page);
    await d.signIn();
    await d.open("/dashboard/northwind/analysis");
    await expect(page.getByRole("heading", { name: "Coverage by department" })).toBeVisible();
    await page.getByLabel("Language").selectOption("zh-Hans");
    await expect(page.getByRole("heading", { name: "各部门的覆盖率" })).toBeVisible();
    await expect(page.getByRole("link", { name: "优先事项与趋势" })).toBeVisible();
    await expect(page.getByTestId("heatmap-table")).toContainText("数据处理");
    await expect(page.getByTestId("heatmap-row-Legal")).toContainText("回答过少");
    await d.chartsDrawn();
    await d.screenshot("dashboard-analysis-zh-Hans");
    // The other two views in Simplified Chinese: headings, chart data tables and sentences.
    await d.open("/dashboard/northwind");
    await expect(page.getByRole("heading", { name: "哪些因素与了解客户相关" })).toBeVisible();
    await expect(page.getByTestId("findings-table")).toContainText("人人都会三项技能");
    await expect(page.getByTestId("sentence-f2")).toContainText(/n = \d+/);
    await d.expectChart("findings");
    await d.screenshot("dashboard-summary-zh-Hans");
    await d.open("/dashboard/northwind/priorities");
    await expect(page.getByRole("heading", { name: "培训优先事项" })).toBeVisible();
    await expect(page.getByTestId("changes-table")).toContainText("不具统计显著性");
    await d.expectChart("ranking");
    await d.screenshot("dashboard-priorities-zh-Hans");
    await d.open("/dashboard/northwind/analysis");
    await page.getByLabel("语言").selectOption("zh-Hant");
    await expect(page.getByRole("heading", { name: "各部門的涵蓋率" })).toBeVisible();
    const json = await (await page.request.get("/api/dashboard/northwind/summary")).json();
    expect(json.meta.locale).toBe("zh-Hant");
    expect(json.findings.f2.sentences[0]).toMatch(/同意人人都了解顧客/);
    await page.getByLabel("語言").selectOption("en");
    await expect(page.getByRole("heading", { name: "Coverage by department" })).toBeVisible();
  });

  test("the print view carries the organisation, wave, date and sample sizes", async ({ page }) => {
    const d = new Dashboard(page);
    await d.signIn();
    await d.open("/dashboard/northwind");
    const header = page.getByTestId("print-header");
    await expect(header).toBeHidden();
    await page.emulateMedia({ media: "print" });
    await expect(header).toBeVisible();
    await expect(header).toContainText("Northwind Trading");
    await expect(header).toContainText("2026-Q4");
    await expect(header).toContainText(`Responses${await submitted("demo")}`);
    await expect(header).toContainText(/Benchmark\d+ organisations, [\d,]+ responses/);
    await expect(header).toContainText(new Date().getUTCFullYear().toString());
    await expect(page.locator(".dash-filters")).toBeHidden();
    await expect(page.locator(".dash-tabs")).toBeHidden();
    await expect(page.getByTestId("sentence-f2")).toContainText(/n = \d+/);
    await page.screenshot({ path: `${SCREENSHOTS}/dashboard-summary-print-1280.png`, fullPage: true });
    // The real "Save as PDF": the page laid out at A4 width (the charts follow), A4 pages, kept as an artifact.
    await page.setViewportSize({ width: 794, height: 1123 });
    // chart.js has redrawn each chart for its box (its own width, not the stylesheet's scaling).
    const overflowing = () =>
      page.locator("canvas").evaluateAll((els) => els.filter((c) => parseFloat((c as HTMLCanvasElement).style.width) > c.parentElement!.clientWidth + 1).length);
    await expect.poll(overflowing).toBe(0);
    const pdf = await page.pdf({ format: "A4", printBackground: true, path: `${SCREENSHOTS}/dashboard-summary-print.pdf` });
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
    expect(pdf.toString("latin1").match(/\/Type\s*\/Page\b/g)!.length).toBeGreaterThan(1);
  });

  test("chart.js is downloaded by the dashboards only, not by the survey, sign-in, account or admin pages", async ({ page }) => {
    const d = new Dashboard(page);
    // A chart.js method name that minification keeps.
    const scriptsWithChartJs = async (path: string, loaded: () => Promise<void>) => {
      const checks: Promise<string | null>[] = [];
      const onResponse = (res: Response) => {
        if (res.request().resourceType() !== "script") return;
        checks.push(res.body().then((body) => (body.includes("_getSortedDatasetMetas") ? res.url() : null), () => null));
      };
      page.on("response", onResponse);
      await page.goto(path);
      await loaded();
      page.off("response", onResponse);
      return (await Promise.all(checks)).filter((url) => url !== null);
    };
    // A page without charts has no drawn state to wait for: that nothing more loads is what is checked.
    const quiet = () => page.waitForLoadState("networkidle");
    for (const path of ["/s/demo", "/signin"]) expect(await scriptsWithChartJs(path, quiet), path).toEqual([]);
    await d.signIn("admin@demo.local", "demo-admin-pass");
    for (const path of ["/account", "/admin", "/admin/organisations/northwind", "/admin/exports", "/dashboard"]) {
      expect(await scriptsWithChartJs(path, quiet), path).toEqual([]);
    }
    for (const path of ["/dashboard/northwind", "/dashboard/northwind/analysis", "/dashboard/northwind/priorities"]) {
      expect((await scriptsWithChartJs(path, () => d.chartsDrawn())).length, path).toBeGreaterThan(0);
    }
  });

  test("too few responses: how many more are needed and the survey link to share, until the fifth response brings the figures", async ({ page, browser, playwright }) => {
    // An organisation of its own, made through the admin console under a slug unique to this run,
    // so the test can run again against the same server.
    const slug = `e2e-empty-${Date.now().toString(36)}-${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
    const admin = await browser.newPage();
    await signIn(admin, "admin@demo.local", "demo-admin-pass");
    await admin.goto("/admin/organisations/new");
    await admin.getByLabel("Name").fill("Quiet Harbour Ltd");
    await admin.getByLabel("Identifier (used in CSV files)").fill(slug);
    await admin.getByLabel("Sector").fill("Logistics");
    await admin.getByLabel("Size band").selectOption("small");
    await admin.getByLabel("Departments (one per line)").fill("Warehouse\nOffice");
    await admin.getByRole("button", { name: "Create organisation" }).click();
    await admin.waitForURL(new RegExp(`/admin/organisations/${slug}$`));
    await admin.getByLabel("Wave label").fill("2026-Q4");
    await admin.getByRole("button", { name: "Create wave" }).click();
    await expect(admin.getByText("Wave created and open.")).toBeVisible();
    const surveyLink = await admin.getByLabel("Survey link for 2026-Q4").inputValue();
    const code = new URL(surveyLink).pathname.replace(/^\/s\//, "");
    const leadEmail = `lead-${slug}@e2e.local`;
    await admin.getByLabel("Email", { exact: true }).fill(leadEmail);
    await admin.getByLabel("Name", { exact: true }).last().fill("Quiet Harbour Lead");
    await admin.getByRole("button", { name: "Add lead" }).click();
    await expect(admin.getByTestId("lead-message")).toContainText("Temporary password");
    const leadPassword = /Temporary password \(shown once\): (\S+)/.exec((await admin.getByTestId("lead-message").textContent()) ?? "")?.[1];
    expect(leadPassword).toBeTruthy();

    const d = new Dashboard(page);
    await d.signIn(leadEmail, leadPassword!);
    await page.goto("/dashboard");
    await page.waitForURL(new RegExp(`/dashboard/${slug}$`));
    expect(await submitted(code)).toBe(0);
    for (const view of ["", "/analysis", "/priorities"]) {
      await d.open(`/dashboard/${slug}${view}`);
      await expect(page.getByTestId("empty-state")).toContainText("Not enough responses yet");
      await expect(page.getByTestId("needed")).toContainText("0 of the 5 responses needed have come in, so 5 more are needed");
      await expect(page.getByTestId("survey-link")).toHaveValue(`${BASE_URL}/s/${code}`);
      await expect(page.locator("canvas")).toHaveCount(0);
      // Nothing to break down, print or tabulate yet.
      await expect(page.locator('select[name="department"]')).toHaveCount(0);
      await expect(page.getByTestId("csv-link")).toHaveCount(0);
    }
    await d.open(`/dashboard/${slug}`);
    await d.screenshot("dashboard-empty");
    for (const view of ["summary", "analysis", "priorities"]) {
      const json = await (await page.request.get(`/api/dashboard/${slug}/${view}`)).json();
      expect(json.meta, view).toMatchObject({ status: "too_few_responses", needed: 5, surveyPath: `/s/${code}` });
    }

    // The admin invites three people; one answers through a personal link, two through the open link.
    const waveId = (await query<{ id: number }>("select id from waves where code = ?", code))[0]!.id;
    const invited = await admin.request.post(`/api/admin/organisations/${slug}/waves/${waveId}/invitations`, {
      data: { roster: "email,department\nana@example.com,Warehouse\nbo@example.com,Office\ncy@example.com,\n" },
    });
    expect(invited.status()).toBe(201);
    const links: { link: string }[] = (await invited.json()).links;
    await admin.close();
    async function respond(viaLink?: string) {
      const respondent = await playwright.request.newContext({ baseURL: BASE_URL });
      if (viaLink) await respondent.get(new URL(viaLink).pathname);
      const { token } = await (await respondent.post(`/api/survey/${code}/start`, { data: {} })).json();
      const res = await respondent.post(`/api/survey/${code}/submit`, { data: { answers: completeAnswers("Warehouse") }, headers: { "x-resume-token": token } });
      expect(res.status()).toBe(200);
      await respondent.dispose();
    }
    await respond(links[0]!.link);
    await respond();
    await respond();
    await page.reload();
    await expect(page.getByTestId("needed")).toContainText("3 of the 5 responses needed have come in, so 2 more are needed");
    expect((await (await page.request.get(`/api/dashboard/${slug}/summary`)).json()).meta.needed).toBe(2);

    await respond();
    await respond();
    await d.open(`/dashboard/${slug}`);
    await expect(page.getByTestId("empty-state")).toHaveCount(0);
    await expect(page.getByTestId("kpi-responses")).toHaveText("5");
    await expect(page.getByTestId("kpis")).toContainText("1 of 3 invited people responded (33%)");
    await d.expectChart("findings");
    const summary = await (await page.request.get(`/api/dashboard/${slug}/summary`)).json();
    expect(summary.meta).toMatchObject({ status: "ok", needed: null });
    expect(summary.participation).toMatchObject({ responses: 5, invited: 3, invitedResponded: 1 });
  });
});
