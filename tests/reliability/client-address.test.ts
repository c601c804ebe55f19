import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEAD, createFixtureDb } from "./fixture";
import { killServer, startServer, tempDir, type AppServer } from "../../harness/app-server";

/*
 * Issue 16, findings 2 and 5, against a real `next start`:
 * - with no trusted proxy configured, a client-set X-Forwarded-For gives no new identity;
 * - a flood of sign-ins for unknown emails cannot starve the survey (bcrypt work is bounded);
 * - wrong passwords from other addresses do not lock the real user out.
 */
const dir = tempDir("client-address");
const { database } = await createFixtureDb(dir);
let direct: AppServer; // no TRUSTED_PROXIES: every request is the socket's address (127.0.0.1)
let proxied: AppServer; // TRUSTED_PROXIES=loopback: the test plays the reverse proxy and sets X-Forwarded-For
beforeAll(async () => {
  direct = await startServer(database);
  // A small start limit, so one address's bucket is quick to empty (the default is 1,200 a minute).
  proxied = await startServer(database, { TRUSTED_PROXIES: "127.0.0.1,::1", RATE_LIMIT_START_PER_MIN: "30" });
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
    const began = Date.now();
    for (let i = 0; i < 25; i++) {
      const res = await fetch(`${direct.url}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": `203.0.113.${i + 1}` },
        body: new URLSearchParams({ email: "nobody@rel.local", password: "wrong-password", csrfToken: "x", json: "true" }),
      });
      statuses.push(res.status);
    }
    // The bucket refills at one every 3 s: allow for the time the 25 requests took.
    const refilled = Math.floor((Date.now() - began) / 3000);
    expect(statuses.slice(0, 20)).not.toContain(429);
    const limited = statuses.filter((st) => st === 429).length;
    expect(limited, statuses.join(" ")).toBeGreaterThanOrEqual(Math.max(1, 5 - refilled));
  });

  it("behind a trusted proxy, the address the proxy appended is the client (and an entry the client sent before it is ignored)", async () => {
    const attempt = (xff: string) =>
      fetch(`${proxied.url}/api/survey/rel-open/start`, { method: "POST", headers: { "x-forwarded-for": xff }, body: "{}" });
    // The client claims a new 192.0.2.x each time; the proxy appends the real 198.51.100.50: one bucket of 30.
    let accepted = 0;
    for (; accepted < 200; accepted++) if ((await attempt(`192.0.2.${accepted % 250}, 198.51.100.50`)).status === 429) break;
    expect(accepted).toBeGreaterThanOrEqual(30);
    expect(accepted).toBeLessThan(60);
    expect((await attempt("198.51.100.51")).status).toBe(201);
  });
});

describe("a sign-in flood does not starve the survey", () => {
  it("while 60 sign-ins for unknown emails from 60 addresses are checked, the survey page keeps answering quickly", async () => {
    const page = async () => {
      const began = performance.now();
      const res = await fetch(`${proxied.url}/s/rel-open`, { headers: { "x-forwarded-for": "198.51.100.99" } });
      await res.text();
      expect(res.status).toBe(200);
      return performance.now() - began;
    };
    await page(); // warm: the survey page and the sign-in modules (the dummy hash) are loaded
    await signIn(proxied.url, "warm@rel.local", "wrong-password", "10.9.255.1");
    let settled = 0;
    const flood = Array.from({ length: 60 }, (_, i) =>
      signIn(proxied.url, `ghost${i}@rel.local`, "wrong-password", `10.9.${i}.1`).finally(() => settled++),
    );
    // Measure while the password checks are queued: from the moment a dozen sign-ins have been
    // answered (the ones beyond the queue are refused at once, "retry in 5 s") until 45 have.
    while (settled < 12) await new Promise((r) => setImmediate(r));
    const during: number[] = [];
    while (settled < 45) during.push(await page());
    const results = await Promise.all(flood);
    expect(results.every((r) => !r.ok)).toBe(true);
    // Uncapped, every page waited behind dozens of interleaved bcrypt slices: only 2 pages loaded
    // during such a flood, each taking seconds (5.7 s in the issue). With one check at a time the
    // page keeps loading; the bounds leave room for a busy 2-CPU test machine.
    const timings = during.map(Math.round).join(", ");
    expect(during.length, timings).toBeGreaterThanOrEqual(5);
    expect([...during].sort((a, b) => a - b)[Math.floor(during.length / 2)], timings).toBeLessThan(1500);
    expect(Math.max(...during), timings).toBeLessThan(4000);
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
