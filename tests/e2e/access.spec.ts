import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { query } from "./db";
import { BASE_URL } from "./env";

/**
 * Who may open what: every page and route handler for anonymous visitors, a respondent holding a
 * survey draft, the lead of Northwind (A), the lead of E2E Test Co (B) and an admin. Sign-in goes
 * through next-auth's standard endpoints, as a script would.
 */
type Who = "anonymous" | "respondent" | "leadA" | "leadB" | "admin";

async function signedIn(email: string, password: string): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL: BASE_URL });
  const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
  const res = await ctx.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" }, maxRedirects: 0 });
  expect([200, 302]).toContain(res.status());
  const session = await (await ctx.get("/api/auth/session")).json();
  expect(session.user.email).toBe(email);
  return ctx;
}

const contexts = {} as Record<Who, APIRequestContext>;

test.beforeAll(async () => {
  contexts.anonymous = await playwrightRequest.newContext({ baseURL: BASE_URL });
  contexts.respondent = await playwrightRequest.newContext({ baseURL: BASE_URL });
  expect((await contexts.respondent.post("/api/survey/demo/start", { data: {} })).status()).toBe(201);
  contexts.leadA = await signedIn("lead@demo.local", "demo-lead-pass");
  contexts.leadB = await signedIn("lead-b@e2e.local", "e2e-password-1");
  contexts.admin = await signedIn("admin@demo.local", "demo-admin-pass");
});

test.afterAll(async () => {
  for (const ctx of Object.values(contexts)) await ctx.dispose();
});

// 307 = redirected to /signin (convenience for pages) unless `redirect` names another target; the check itself is on the server.
const MATRIX: { path: string; method?: "GET" | "PUT"; expect: Record<Who, number>; redirect?: Partial<Record<Who, RegExp>> }[] = [
  { path: "/api/health", expect: { anonymous: 200, respondent: 200, leadA: 200, leadB: 200, admin: 200 } },
  { path: "/", expect: { anonymous: 200, respondent: 200, leadA: 200, leadB: 200, admin: 200 } },
  { path: "/s/demo", expect: { anonymous: 200, respondent: 200, leadA: 200, leadB: 200, admin: 200 } },
  { path: "/s/no-such-code", expect: { anonymous: 404, respondent: 404, leadA: 404, leadB: 404, admin: 404 } },
  { path: "/api/survey/demo/draft", expect: { anonymous: 401, respondent: 200, leadA: 401, leadB: 401, admin: 401 } },
  { path: "/report/not-a-token", expect: { anonymous: 200, respondent: 200, leadA: 200, leadB: 200, admin: 200 } },
  { path: "/signin", expect: { anonymous: 200, respondent: 200, leadA: 200, leadB: 200, admin: 200 } },
  { path: "/account", expect: { anonymous: 307, respondent: 307, leadA: 200, leadB: 200, admin: 200 } },
  { path: "/account/password", expect: { anonymous: 307, respondent: 307, leadA: 200, leadB: 200, admin: 200 } },
  { path: "/admin", expect: { anonymous: 307, respondent: 307, leadA: 404, leadB: 404, admin: 200 } },
  { path: "/admin/organisations/new", expect: { anonymous: 307, respondent: 307, leadA: 404, leadB: 404, admin: 200 } },
  { path: "/admin/organisations/northwind", expect: { anonymous: 307, respondent: 307, leadA: 404, leadB: 404, admin: 200 } },
  { path: "/admin/organisations/e2e-co", expect: { anonymous: 307, respondent: 307, leadA: 404, leadB: 404, admin: 200 } },
  { path: "/admin/organisations/does-not-exist", expect: { anonymous: 307, respondent: 307, leadA: 404, leadB: 404, admin: 404 } },
  // Dashboards: a lead with one organisation goes straight to it; another organisation's pages and data answer like a missing one.
  {
    path: "/dashboard",
    expect: { anonymous: 307, respondent: 307, leadA: 307, leadB: 307, admin: 200 },
    redirect: { leadA: /^\/dashboard\/northwind$/, leadB: /^\/dashboard\/e2e-co$/ },
  },
  ...["", "/analysis", "/priorities"].flatMap((view) => [
    { path: `/dashboard/northwind${view}`, expect: { anonymous: 307, respondent: 307, leadA: 200, leadB: 404, admin: 200 } },
    { path: `/dashboard/northwind${view}?department=Legal`, expect: { anonymous: 307, respondent: 307, leadA: 200, leadB: 404, admin: 200 } },
    { path: `/dashboard/e2e-co${view}`, expect: { anonymous: 307, respondent: 307, leadA: 404, leadB: 200, admin: 200 } },
    { path: `/dashboard/does-not-exist${view}`, expect: { anonymous: 307, respondent: 307, leadA: 404, leadB: 404, admin: 404 } },
  ]),
  ...["summary", "analysis", "priorities", "csv"].flatMap((what) => [
    { path: `/api/dashboard/northwind/${what}`, expect: { anonymous: 401, respondent: 401, leadA: 200, leadB: 404, admin: 200 } },
    { path: `/api/dashboard/northwind/${what}?wave=2026-Q2&department=Sales`, expect: { anonymous: 401, respondent: 401, leadA: 200, leadB: 404, admin: 200 } },
    { path: `/api/dashboard/e2e-co/${what}`, expect: { anonymous: 401, respondent: 401, leadA: 404, leadB: 200, admin: 200 } },
    { path: `/api/dashboard/does-not-exist/${what}`, expect: { anonymous: 401, respondent: 401, leadA: 404, leadB: 404, admin: 404 } },
  ]),
  { path: "/admin/organisations/northwind/waves/:northwindWave", expect: { anonymous: 307, respondent: 307, leadA: 404, leadB: 404, admin: 200 } },
  { path: "/admin/organisations/e2e-co/waves/:northwindWave", expect: { anonymous: 307, respondent: 307, leadA: 404, leadB: 404, admin: 404 } },
  { path: "/admin/organisations/northwind/waves/999999", expect: { anonymous: 307, respondent: 307, leadA: 404, leadB: 404, admin: 404 } },
  { path: "/admin/exports", expect: { anonymous: 307, respondent: 307, leadA: 404, leadB: 404, admin: 200 } },
  { path: "/api/admin/exports/responses?org=northwind", expect: { anonymous: 401, respondent: 401, leadA: 403, leadB: 403, admin: 200 } },
  { path: "/api/admin/exports/responses?org=e2e-co", expect: { anonymous: 401, respondent: 401, leadA: 403, leadB: 403, admin: 200 } },
  { path: "/api/admin/exports/aggregates?org=northwind", expect: { anonymous: 401, respondent: 401, leadA: 403, leadB: 403, admin: 200 } },
  { path: "/api/admin/exports/aggregates", expect: { anonymous: 401, respondent: 401, leadA: 403, leadB: 403, admin: 200 } },
  { path: "/api/admin/exports/benchmark", expect: { anonymous: 401, respondent: 401, leadA: 403, leadB: 403, admin: 200 } },
  { path: "/api/admin/exports/responses?org=does-not-exist", expect: { anonymous: 401, respondent: 401, leadA: 403, leadB: 403, admin: 400 } },
  { path: "/api/admin/exports/everything", expect: { anonymous: 401, respondent: 401, leadA: 403, leadB: 403, admin: 404 } },
  { path: "/i/not-a-real-token", expect: { anonymous: 303, respondent: 303, leadA: 303, leadB: 303, admin: 303 } },
  { path: "/i/used", expect: { anonymous: 200, respondent: 200, leadA: 200, leadB: 200, admin: 200 } },
  { path: "/i/unknown", expect: { anonymous: 200, respondent: 200, leadA: 200, leadB: 200, admin: 200 } },
];

/** Writes: who may create invitation links and reminders (admins only; a lead's request changes nothing). */
const WRITES: { path: string; data: unknown; expect: Record<Who, number> }[] = [
  { path: "/api/admin/organisations/northwind/waves/:northwindWave/invitations", data: { roster: "email\nnobody@example.com\n", bogus: 1 }, expect: { anonymous: 401, respondent: 401, leadA: 403, leadB: 403, admin: 400 } },
  { path: "/api/admin/organisations/northwind/waves/:northwindWave/reminders", data: {}, expect: { anonymous: 401, respondent: 401, leadA: 403, leadB: 403, admin: 409 } },
  { path: "/api/admin/organisations/e2e-co/waves/:northwindWave/invitations", data: { roster: "email\nnobody@example.com\n" }, expect: { anonymous: 401, respondent: 401, leadA: 403, leadB: 403, admin: 404 } },
];

let northwindWave = 0;
const resolve = (path: string) => path.replace(":northwindWave", String(northwindWave));
test.beforeAll(async () => {
  northwindWave = (await query<{ id: number }>("select id from waves where code = 'demo'"))[0]!.id;
});

for (const row of MATRIX) {
  test(`GET ${row.path}`, async () => {
    for (const who of Object.keys(row.expect) as Who[]) {
      const res = await contexts[who].get(resolve(row.path), { maxRedirects: 0 });
      expect(res.status(), `${who} → ${row.path}`).toBe(row.expect[who]);
      if (res.status() === 307) expect(res.headers().location, `${who} → ${row.path}`).toMatch(row.redirect?.[who] ?? /^\/signin\?callbackUrl=/);
      if ([307, 401, 403, 404].includes(res.status())) {
        // A refusal carries nothing of what was refused (Next streams pages in parallel with layouts).
        const body = await res.text();
        for (const secret of ["Northwind Trading", "E2E Test Co", "@demo.local", "@e2e.local", "response_id"]) expect(body, `${who} → ${row.path}`).not.toContain(secret);
      }
    }
  });
}

for (const row of WRITES) {
  test(`POST ${row.path}`, async () => {
    const before = (await query<{ n: number }>("select (select count(*) from invitations) + (select count(*) from invitation_links) n"))[0]!.n;
    for (const who of Object.keys(row.expect) as Who[]) {
      const res = await contexts[who].post(resolve(row.path), { data: row.data, maxRedirects: 0 });
      expect(res.status(), `${who} → POST ${row.path}`).toBe(row.expect[who]);
      const body = await res.text();
      if (who !== "admin") for (const secret of ["Northwind Trading", "E2E Test Co", "@demo.local", "/i/"]) expect(body, `${who} → POST ${row.path}`).not.toContain(secret);
    }
    expect((await query<{ n: number }>("select (select count(*) from invitations) + (select count(*) from invitation_links) n"))[0]!.n).toBe(before);
  });
}

test("a cross-site write is refused even for an admin", async () => {
  const res = await contexts.admin.post(resolve("/api/admin/organisations/northwind/waves/:northwindWave/invitations"), {
    data: { roster: "email\ncsrf@example.com\n" },
    headers: { Origin: "https://evil.example.com" },
  });
  expect(res.status()).toBe(403);
  expect(await query("select * from invitations where email = 'csrf@example.com'")).toHaveLength(0);
});

test("a lead never receives another organisation's name or figures", async () => {
  const a = await (await contexts.leadA.get("/account")).text();
  expect(a).toContain("Northwind Trading");
  expect(a).not.toContain("E2E Test Co");
  const b = await (await contexts.leadB.get("/account")).text();
  expect(b).toContain("E2E Test Co");
  expect(b).not.toContain("Northwind Trading");
  // The admin page of another organisation answers exactly like one that does not exist.
  const other = await contexts.leadB.get("/admin/organisations/northwind");
  const missing = await contexts.leadB.get("/admin/organisations/does-not-exist");
  expect(other.status()).toBe(missing.status());
  expect(await other.text()).not.toContain("Northwind");
});

test("a lead's dashboards, JSON and CSV carry their own organisation only", async () => {
  for (const path of ["/dashboard/e2e-co", "/dashboard/e2e-co/analysis", "/dashboard/e2e-co/priorities", "/api/dashboard/e2e-co/summary", "/api/dashboard/e2e-co/analysis", "/api/dashboard/e2e-co/priorities", "/api/dashboard/e2e-co/csv"]) {
    const body = await (await contexts.leadB.get(path)).text();
    expect(body, path).toContain(path.startsWith("/api/dashboard/e2e-co/csv") ? "e2e-co" : "E2E Test Co");
    for (const other of ["Northwind", "northwind", "demo-spring"]) expect(body, path).not.toContain(other);
  }
  for (const path of ["/dashboard/northwind", "/dashboard/northwind/analysis", "/api/dashboard/northwind/summary", "/api/dashboard/northwind/csv"]) {
    const body = await (await contexts.leadA.get(path)).text();
    expect(body, path).not.toContain("E2E Test Co");
    expect(body, path).not.toContain("e2e-open");
  }
  // Another organisation's dashboard data answers exactly like one that does not exist.
  const other = await contexts.leadB.get("/api/dashboard/northwind/summary?department=Legal");
  const missing = await contexts.leadB.get("/api/dashboard/does-not-exist/summary?department=Legal");
  expect(other.status()).toBe(404);
  expect(await other.json()).toEqual(await missing.json());
});
