import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";
import { completeAnswers } from "../../harness/answers";

/**
 * Security headers on every kind of response, and a strict CSP that the real pages live with: each
 * page is opened in Chromium and must log no CSP violation (a blocked script would break it quietly).
 */

test("pages, API answers and static files carry the security headers; the CSP has a fresh nonce and no unsafe-eval", async ({ request }) => {
  const page1 = await request.get("/s/demo");
  const page2 = await request.get("/s/demo");
  const api = await request.get("/api/health");
  const html = await page1.text();
  const script = html.match(/src="(\/_next\/static\/[^"]+\.js)"/)![1]!;
  const asset = await request.get(script);
  for (const res of [page1, api, asset]) {
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    expect(res.headers()["referrer-policy"]).toBe("same-origin");
    expect(res.headers()["x-frame-options"]).toBe("DENY");
  }
  const csp = page1.headers()["content-security-policy"]!;
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
  // API answers (JSON, CSV) are never documents: they may load nothing and carry no nonce.
  expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  expect(/'nonce-([^']+)'/.exec(page2.headers()["content-security-policy"]!)![1]).not.toBe(nonce);
  // Every inline script of the page carries this request's nonce.
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]!);
  expect(inline.length).toBeGreaterThan(0);
  for (const attrs of inline) expect(attrs).toContain(`nonce="${nonce}"`);
});

test("no page breaks under the CSP: survey, report, sign-in, account and admin log no violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(`${page.url()}: ${msg.text()}`);
  });
  await page.goto("/");
  await page.goto("/s/demo");
  await page.getByRole("button", { name: "Start" }).click();
  await expect(page.getByRole("progressbar")).toBeVisible(); // hydrated and talking to the API
  // A personal report with its chart.
  const started = await page.request.post("/api/survey/e2e-open/start", { data: {} });
  const { token } = await started.json();
  const submitted = await page.request.post("/api/survey/e2e-open/submit", { data: { answers: completeAnswers("Sales") }, headers: { "x-resume-token": token } });
  expect(submitted.status()).toBe(200);
  await page.goto((await submitted.json()).reportUrl);
  await expect(page.locator("canvas")).toBeVisible();
  await signIn(page, "admin@demo.local", "demo-admin-pass");
  for (const path of ["/account", "/admin", "/admin/organisations/northwind", "/admin/exports"]) {
    await page.goto(path);
    await expect(page.locator("h1").first()).toBeVisible();
  }
  expect(violations).toEqual([]);
});

test("the dashboards draw their chart.js charts under the CSP with no violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(`${page.url()}: ${msg.text()}`);
  });
  page.on("pageerror", (error) => violations.push(`${page.url()}: ${error.message}`));
  await signIn(page, "lead@demo.local", "demo-lead-pass");
  for (const path of ["/dashboard/northwind", "/dashboard/northwind/analysis", "/dashboard/northwind/priorities", "/dashboard/northwind?department=Sales"]) {
    await page.goto(path);
    for (const chart of await page.locator(".dash-chart").all()) await expect(chart, path).toHaveAttribute("data-drawn", "true");
    const canvases = page.locator("canvas");
    expect(await canvases.count(), path).toBeGreaterThan(0);
    // Each canvas was drawn on: some pixel is not transparent.
    const drawn = await canvases.evaluateAll((els) =>
      els.map((c) => {
        const canvas = c as HTMLCanvasElement;
        const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
        return false;
      }),
    );
    expect(drawn, path).not.toContain(false);
  }
  // The filters work through client-side navigation under the same policy.
  await page.goto("/dashboard/northwind");
  await page.locator('select[name="department"]').selectOption("Sales");
  await page.waitForURL(/department=Sales/);
  await expect(page.getByTestId("group-note")).toBeVisible();
  expect(violations).toEqual([]);
});

test("the session cookie is HttpOnly and SameSite=Lax; the survey cookies too", async ({ page, context }) => {
  await signIn(page, "lead@demo.local", "demo-lead-pass");
  await page.goto("/s/demo");
  await page.getByRole("button", { name: "Start" }).click();
  await expect(page.getByRole("progressbar")).toBeVisible();
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"))!;
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  const resume = cookies.find((c) => c.name === "ds_r_demo")!;
  expect(resume).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});

test("cross-site writes are refused before they reach a handler", async ({ request }) => {
  const res = await request.post("/api/survey/demo/start", { data: {}, headers: { Origin: "https://evil.example.com" } });
  expect(res.status()).toBe(403);
  expect((await res.json()).error.code).toBe("forbidden");
  const same = await request.post("/api/survey/demo/start", { data: {}, headers: { Origin: new URL(res.url()).origin } });
  expect(same.status()).toBe(201);
});
