import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEAD, createFixtureDb } from "./fixture";
import { killServer, startServer, tempDir, type AppServer } from "./server";

/*
 * Issue 16, findings 2 and 5, against a real `next start`:
 * - with no trusted proxy configured, a client-set X-Forwarded-For gives no new identity;
 * - a flood of sign-ins for unknown emails cannot starve the survey (bcrypt work is bounded);
 * - wrong passwords from other addresses do not lock the real user out.
 */
const dir = tempDir("client-address");
const { dbPath } = createFixtureDb(dir);
let direct: AppServer; // no TRUSTED_PROXIES: every request is the socket's address (127.0.0.1)
let proxied: AppServer; // TRUSTED_PROXIES=loopback: the test plays the reverse proxy and sets X-Forwarded-For
beforeAll(async () => {
  direct = await startServer(dbPath);
  proxied = await startServer(dbPath, { TRUSTED_PROXIES: "127.0.0.1,::1" });
});
afterAll(async () => {
  await killServer(direct, "SIGTERM");
  await killServer(proxied, "SIGTERM");
  fs.rmSync(dir, { recursive: true, force: true });
});

/** One sign-in through next-auth's endpoints from `ip` (sent as X-Forwarded-For): signed in, or the error code next-auth reports. */
async function signIn(url: string, email: string, password: string, ip: string): Promise<{ ok: boolean; error: string | null; status: number }> {
  const csrf = await fetch(`${url}/api/auth/csrf`, { headers: { "x-forwarded-for": ip } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": ip },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const ok = res.headers.getSetCookie().some((c) => /next-auth\.session-token=[^;]/.test(c));
  const body = (await res.json().catch(() => ({}))) as { url?: string };
  const error = body.url ? new URL(body.url, url).searchParams.get("error") : null;
  return { ok, error, status: res.status };
}

describe("X-Forwarded-For is trusted only from configured proxies", () => {
  it("25 sign-ins, each with a new spoofed address, still hit the per-address limit (20 a minute)", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await fetch(`${direct.url}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": `203.0.113.${i + 1}` },
        body: new URLSearchParams({ email: "nobody@rel.local", password: "wrong-password", csrfToken: "x", json: "true" }),
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 20)).not.toContain(429);
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429]);
  });

  it("behind a trusted proxy, the address the proxy appended is the client (and an entry the client sent before it is ignored)", async () => {
    const attempt = (xff: string) =>
      fetch(`${proxied.url}/api/survey/rel-open/start`, { method: "POST", headers: { "x-forwarded-for": xff }, body: "{}" });
    // The client claims 192.0.2.1 each time; the proxy appends the real 198.51.100.50: one bucket of 120.
    let accepted = 0;
    for (; accepted < 200; accepted++) if ((await attempt(`192.0.2.${accepted % 250}, 198.51.100.50`)).status === 429) break;
    expect(accepted).toBeGreaterThanOrEqual(120);
    expect(accepted).toBeLessThan(200);
    expect((await attempt("198.51.100.51")).status).toBe(201);
  });
});

describe("a sign-in flood does not starve the survey", () => {
  it("while 60 sign-ins for unknown emails from 60 addresses are checked, the survey page still answers quickly", async () => {
    const page = async () => {
      const began = performance.now();
      const res = await fetch(`${proxied.url}/s/rel-open`, { headers: { "x-forwarded-for": "198.51.100.99" } });
      await res.text();
      expect(res.status).toBe(200);
      return performance.now() - began;
    };
    await page(); // warm
    let settled = 0;
    const flood = Array.from({ length: 60 }, (_, i) =>
      signIn(proxied.url, `ghost${i}@rel.local`, "wrong-password", `10.9.${i}.1`).finally(() => settled++),
    );
    // Wait (by condition) until the flood is under way: the first answers have come back.
    while (settled < 1) await new Promise((r) => setImmediate(r));
    const during: number[] = [];
    while (settled < 40) during.push(await page());
    const results = await Promise.all(flood);
    expect(results.every((r) => !r.ok)).toBe(true);
    // Uncapped, every request waited behind dozens of interleaved bcrypt rounds (seconds each).
    expect(Math.max(...during), during.map(Math.round).join(", ")).toBeLessThan(1500);
    expect(during.length).toBeGreaterThanOrEqual(3);
  });
});

describe("wrong passwords from other addresses do not lock the real user out", () => {
  it("five failures from five addresses, then the right password from a new address signs in", async () => {
    for (let i = 0; i < 5; i++) {
      const r = await signIn(proxied.url, LEAD.email, "wrong-password", `192.0.2.${100 + i}`);
      expect(r.ok).toBe(false);
    }
    const real = await signIn(proxied.url, LEAD.email, LEAD.password, "198.51.100.200");
    expect(real.error).toBeNull();
    expect(real.ok).toBe(true);
  });

  it("a brute force from one address is still slowed: after five failures even the right password waits", async () => {
    const ip = "192.0.2.150";
    const errors: (string | null)[] = [];
    for (let i = 0; i < 5; i++) errors.push((await signIn(proxied.url, LEAD.email, "wrong-password", ip)).error);
    expect(errors.slice(0, 4)).toEqual(["invalid", "invalid", "invalid", "invalid"]);
    expect(errors[4]).toMatch(/^throttled:\d+$/);
    const right = await signIn(proxied.url, LEAD.email, LEAD.password, ip);
    expect(right.ok).toBe(false);
    expect(right.error).toMatch(/^throttled:\d+$/);
    // Another address is not affected.
    expect((await signIn(proxied.url, LEAD.email, LEAD.password, "198.51.100.201")).ok).toBe(true);
  });
});
