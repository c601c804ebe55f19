import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, createFixtureDb, sendUntilLimited, withFixtureDb } from "./fixture";
import { createDraft } from "../../db/queries/survey";
import { hashToken } from "../../core/tokens";
import { killServer, signInCookie, startServer, tempDir, type AppServer } from "../../harness/app-server";

/** Rate limits with the default settings: 429 with Retry-After, other addresses and drafts unaffected. */
const dir = tempDir("limits");
const { database, waveId } = await createFixtureDb(dir);
// Drafts the server must purge at start (not saved for more than DRAFT_RETENTION_DAYS, 30) or keep.
const { abandonedDraft, recentDraft } = await withFixtureDb(database, async (db) => {
  const abandoned = (await createDraft(db, waveId, "en")).id;
  const recent = (await createDraft(db, waveId, "en")).id;
  await db.sql.run("update responses set updated_at = ? where id = ?", [new Date(Date.now() - 31 * 24 * 60 * 60 * 1000).toISOString(), abandoned]);
  return { abandonedDraft: abandoned, recentDraft: recent };
});
let server: AppServer;
beforeAll(async () => {
  // The test plays the reverse proxy on loopback, so its X-Forwarded-For names the client
  // (tests/reliability/client-address.test.ts covers the default, where nobody is trusted).
  server = await startServer(database, { TRUSTED_PROXIES: "127.0.0.1,::1" });
});
afterAll(async () => {
  await killServer(server, "SIGTERM");
  fs.rmSync(dir, { recursive: true, force: true });
});

const start = (ip: string) => fetch(`${server.url}/api/survey/rel-open/start`, { method: "POST", headers: { "x-forwarded-for": ip }, body: "{}" });

describe("rate limits per client address", () => {
  it("survey starts: 1,200 a minute per address (an office's burst), then 429 with Retry-After; another address is not affected", async () => {
    // A bucket of 1,200 that refills at 20 a second: count what gets through until the first 429.
    const began = Date.now();
    const { accepted, limited } = await sendUntilLimited(() => start("198.51.100.7"), 201, { max: 3000 });
    const refilled = Math.ceil(((Date.now() - began) / 1000) * 20);
    expect(accepted).toBeGreaterThanOrEqual(1200);
    expect(accepted).toBeLessThanOrEqual(1200 + refilled);
    expect(limited?.status).toBe(429);
    if (!limited) return;
    const retry = Number(limited.headers.get("retry-after"));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    expect(await limited.json()).toEqual({ error: { code: "rate_limited", message: `Too many requests from your network; try again in ${retry} seconds` } });
    expect((await start("198.51.100.8")).status).toBe(201);
  });

  it("survey submits: 1,200 a minute per address, then 429; another address is not affected", async () => {
    // Submits without a token reach the handler (401) but count for the address all the same.
    const submit = (ip: string) => fetch(`${server.url}/api/survey/rel-open/submit`, { method: "POST", headers: { "x-forwarded-for": ip }, body: "{}" });
    const began = Date.now();
    const { accepted, limited } = await sendUntilLimited(() => submit("198.51.100.17"), 401, { max: 3000 });
    expect(accepted).toBeGreaterThanOrEqual(1200);
    expect(accepted).toBeLessThanOrEqual(1200 + Math.ceil(((Date.now() - began) / 1000) * 20));
    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await submit("198.51.100.18")).status).toBe(401);
  });

  it("survey submits: 10 a minute per draft token, from any address, then 429 with Retry-After; another token is not affected", async () => {
    const submit = (token: string, ip: string) =>
      fetch(`${server.url}/api/survey/rel-open/submit`, { method: "POST", headers: { "x-forwarded-for": ip, "x-resume-token": token, "content-type": "application/json" }, body: "{}" });
    const token = "unknown-draft-token-for-the-submit-limit";
    // A bucket of 10 that refills at one every 6 s.
    const began = Date.now();
    let accepted = 0;
    let limited: Response | undefined;
    while (accepted < 30) {
      const res = await submit(token, `198.51.100.${40 + (accepted % 5)}`);
      if (res.status === 429) {
        limited = res;
        break;
      }
      expect(res.status).toBe(401);
      accepted++;
    }
    expect(accepted).toBeGreaterThanOrEqual(10);
    expect(accepted).toBeLessThanOrEqual(10 + Math.ceil((Date.now() - began) / 6000));
    expect(limited?.status).toBe(429);
    if (!limited) return;
    const retry = Number(limited.headers.get("retry-after"));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(6);
    expect(await limited.json()).toEqual({ error: { code: "rate_limited", message: `Too many submissions of this draft (at most 10 a minute); try again in ${retry} seconds` } });
    expect((await submit(token, "198.51.100.49")).status).toBe(429);
    expect((await submit("another-unknown-draft-token", "198.51.100.40")).status).toBe(401);
  });

  it("sign-in: 20 attempts a minute per address, then 429 with Retry-After (before any password check)", async () => {
    const attempt = () =>
      fetch(`${server.url}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "203.0.113.9" },
        body: new URLSearchParams({ email: "nobody@rel.local", password: "wrong-password", csrfToken: "x", json: "true" }),
      });
    for (let i = 0; i < 20; i++) expect((await attempt()).status).not.toBe(429);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // next-auth's client reads `url`; the sign-in page turns it into "wait N seconds".
    expect((await limited.json()).url).toMatch(/\/signin\?error=throttled:\d+$/);
  });
});

describe("saves per draft", () => {
  const startDraft = async (ip: string) => {
    const res = await start(ip);
    expect(res.status).toBe(201);
    return ((await res.json()) as { token: string }).token;
  };
  const save = (headers: Record<string, string>, step = 1) =>
    fetch(`${server.url}/api/survey/rel-open/draft`, {
      method: "PUT",
      headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.30", ...headers },
      body: JSON.stringify({ answers: { self_data: (step % 5) + 1 }, step }),
    });

  it("30 saves a minute per resume token, then 429 with Retry-After (header or cookie alike); another token still saves", async () => {
    const token = await startDraft("198.51.100.31");
    const other = await startDraft("198.51.100.32");
    // A bucket of 30 that refills at one every 2 s: the first 30 always pass.
    const began = Date.now();
    for (let i = 0; i < 30; i++) expect((await save({ "x-resume-token": token }, (i % 10) + 1)).status).toBe(200);
    let accepted = 30;
    let limited: Response | undefined;
    while (accepted < 60) {
      const res = await save({ "x-resume-token": token });
      if (res.status === 429) {
        limited = res;
        break;
      }
      expect(res.status).toBe(200);
      accepted++;
    }
    expect(accepted).toBeLessThanOrEqual(30 + Math.ceil((Date.now() - began) / 2000));
    expect(limited?.status).toBe(429);
    if (!limited) return;
    const retry = Number(limited.headers.get("retry-after"));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    expect(await limited.json()).toEqual({ error: { code: "rate_limited", message: `Too many saves of this draft (at most 30 a minute); try again in ${retry} seconds` } });
    // The same draft through its cookie shares the bucket; from another address too.
    expect((await save({ cookie: `ds_r_rel-open=${token}`, "x-forwarded-for": "198.51.100.99" })).status).toBe(429);
    // Another respondent behind the same address is not affected.
    const saved = await save({ "x-resume-token": other }, 3);
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ status: "draft", step: 3, answers: { self_data: 4 } });
    // Without a token there is no draft to limit: the handler's 401.
    expect((await save({})).status).toBe(401);
  });

  it("a draft with 200 saves answers 409 draft_save_limit and keeps its answers", async () => {
    const token = await startDraft("198.51.100.33");
    expect((await save({ "x-resume-token": token }, 2)).status).toBe(200);
    await withFixtureDb(database, async (db) => {
      // 200 saves at 30 a minute take seven minutes; set the counter instead.
      await db.sql.run("update responses set writes = 200 where token_hash = ?", [hashToken(token)]);
      const refused = await save({ "x-resume-token": token }, 5);
      expect(refused.status).toBe(409);
      expect(await refused.json()).toEqual({
        error: { code: "draft_save_limit", message: "This draft has been saved 200 times, the most a draft accepts; nothing was saved. Submit it or start a new response" },
      });
      expect(await db.sql.get("select step, self_data, writes from responses where token_hash = ?", [hashToken(token)])).toEqual({ step: 2, self_data: 3, writes: 200 });
    });
  });

  it("the server purged the draft abandoned for 31 days at start and kept the recent one", async () => {
    const ids = await withFixtureDb(database, (db) => db.sql.column("select id from responses where id in (?, ?)", [abandonedDraft, recentDraft]));
    expect(ids).toEqual([recentDraft]);
  });
});

describe("API writes compare the full origin", () => {
  it("another scheme, credentials before the host, or a forged X-Forwarded-Host: 403; the app's own origin: accepted", async () => {
    const post = (origin: string, more: Record<string, string> = {}) =>
      fetch(`${server.url}/api/survey/rel-open/start`, { method: "POST", headers: { origin, "x-forwarded-for": "192.0.2.90", ...more }, body: "{}" });
    expect((await post(server.url.replace("//", "//evil@"))).status).toBe(403);
    expect((await post(server.url.replace("http:", "https:"))).status).toBe(403);
    expect((await post("https://evil.example", { "x-forwarded-host": "evil.example" })).status).toBe(403);
    expect((await post(server.url)).status).toBe(201);
  });
});

describe("cookies behind HTTPS", () => {
  it("over https (X-Forwarded-Proto from the reverse proxy) every cookie is Secure, HttpOnly and SameSite=Lax", async () => {
    const https = await startServer(database, { NEXTAUTH_URL: "https://skills.example.com", TRUSTED_PROXIES: "127.0.0.1,::1" });
    try {
      const setCookies: string[] = [];
      const headers = { "x-forwarded-proto": "https", "x-forwarded-for": "192.0.2.44" };
      const csrf = await fetch(`${https.url}/api/auth/csrf`, { headers });
      setCookies.push(...csrf.headers.getSetCookie());
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
      const signIn = await fetch(`${https.url}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, email: ADMIN.email, password: ADMIN.password, json: "true" }),
      });
      setCookies.push(...signIn.headers.getSetCookie());
      const survey = await fetch(`${https.url}/api/survey/rel-open/start`, { method: "POST", headers, body: "{}" });
      expect(survey.status).toBe(201);
      setCookies.push(...survey.headers.getSetCookie());
      const names = setCookies.map((c) => c.split("=")[0]);
      expect(names).toEqual(expect.arrayContaining(["__Secure-next-auth.session-token", "ds_r_rel-open"]));
      for (const c of setCookies) {
        expect(c, c).toMatch(/;\s*Secure/i);
        expect(c, c).toMatch(/;\s*SameSite=Lax/i);
        if (!c.startsWith("__Secure-next-auth.callback-url")) expect(c, c).toMatch(/;\s*HttpOnly/i);
      }
      expect(survey.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
      const page = await fetch(`${https.url}/s/rel-open`, { headers });
      expect(page.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
      expect(page.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    } finally {
      await killServer(https, "SIGTERM");
    }
  });
});

describe("server actions refuse cross-origin calls", () => {
  /** The id Next.js gave `archiveOrganisationAction` in this build (server actions are POSTs with a Next-Action header). */
  function actionId(name: string): string {
    const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
      node: Record<string, { exportedName?: string; filename?: string }>;
    };
    const found = Object.entries(manifest.node).find(([, v]) => v.exportedName === name && v.filename === "app/admin/actions.ts");
    if (!found) throw new Error(`server action ${name} not in the build manifest`);
    return found[0];
  }
  const archivedAt = () => withFixtureDb(database, async (db) => (await db.sql.value<string | null>("select archived_at from organisations where slug = 'rel-co'")) as string | null);

  it("an admin's action posted from another origin changes nothing; the same call from the app's origin works", async () => {
    const cookie = await signInCookie(server.url, ADMIN.email, ADMIN.password);
    const call = (origin: string) =>
      fetch(`${server.url}/admin/organisations/rel-co`, {
        method: "POST",
        redirect: "manual",
        headers: { cookie, origin, "next-action": actionId("archiveOrganisationAction"), "content-type": "text/plain;charset=UTF-8", "x-forwarded-for": "192.0.2.80" },
        body: JSON.stringify(["rel-co", true]),
      });
    const foreign = await call("https://evil.example");
    expect(foreign.status).toBe(403); // refused by the proxy, not a 500 from inside Next.js
    expect(await foreign.text()).not.toMatch(/at .+\.js:\d+/); // no stack trace
    expect(await archivedAt()).toBeNull();
    for (const origin of [server.url.replace("http:", "https:"), server.url.replace("//", "//evil@")]) expect((await call(origin)).status).toBe(403);
    expect(await archivedAt()).toBeNull();
    // The control: the identical request from the app's own origin is a valid action call.
    const own = await call(server.url);
    expect(own.status).toBe(200);
    expect(await archivedAt()).not.toBeNull();
  });
});
