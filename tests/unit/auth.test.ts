import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { insertUser } from "../../db/queries/users";
import { hashPasswordSync, verifyPassword } from "../../core/passwords";
import { BusyError, Gate } from "../../core/bcrypt-gate";
import { backoffSeconds, recordFailure, recordSuccess, retryAfter, THROTTLE, throttleKeys } from "../../lib/auth/throttle";
import { clientIp } from "../../server/auth/options";
import { PEER_HEADER } from "../../server/http/peer-address";
import { isTrusted, parseTrustedProxies, trustedProxyProblem } from "../../core/trusted-proxies";
import { createTestDb } from "../helpers/test-db";

describe("passwords", () => {
  const hash = hashPasswordSync("correct horse battery");
  it("verifies the right password only, and never an unknown account", async () => {
    expect(hash).toMatch(/^\$2[aby]\$12\$/);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("wrong", hash)).toBe(false);
    expect(await verifyPassword("correct horse battery", undefined)).toBe(false);
  });
});

describe("sign-in throttling", () => {
  it("allows 5 failures per (account, address), then backs off 30 s, 60 s, 120 s … up to an hour; the account alone only 5 s … 60 s after 20", () => {
    expect([4, 5, 6, 7, 20].map((f) => backoffSeconds(f, THROTTLE.pair))).toEqual([0, 30, 60, 120, 3600]);
    expect(backoffSeconds(19, THROTTLE.ip)).toBe(0);
    expect(backoffSeconds(20, THROTTLE.ip)).toBe(30);
    expect([19, 20, 21, 22, 23, 24, 100].map((f) => backoffSeconds(f, THROTTLE.account))).toEqual([0, 5, 10, 20, 40, 60, 60]);
  });

  it("locks a key after its free failures, releases it when the time is up, and a success clears it", async () => {
    const db = createTestDb();
    const t0 = Date.parse("2026-11-24T10:00:00Z");
    const key = throttleKeys("a@x", "192.0.2.1").pair;
    for (let i = 0; i < 4; i++) expect(await recordFailure(db, key, t0)).toBe(0);
    expect(await retryAfter(db, key, t0)).toBe(0);
    expect(await recordFailure(db, key, t0)).toBe(30);
    expect(await retryAfter(db, key, t0 + 10_000)).toBe(20);
    expect(await retryAfter(db, key, t0 + 30_000)).toBe(0);
    expect(await recordFailure(db, key, t0 + 31_000)).toBe(60);
    await recordSuccess(db, key);
    expect(await retryAfter(db, key, t0 + 32_000)).toBe(0);
    expect(await recordFailure(db, key, t0 + 33_000)).toBe(0);
  });

  it("failures from other addresses do not lock the account's pair with a new address; the account's own delay is capped at a minute", async () => {
    const db = createTestDb();
    const t0 = Date.parse("2026-11-24T10:00:00Z");
    // Five wrong passwords from five addresses: no key of the real user's new address is locked.
    for (let i = 0; i < 5; i++) for (const k of Object.values(throttleKeys("a@x", `192.0.2.${i}`))) await recordFailure(db, k, t0);
    const fresh = throttleKeys("a@x", "198.51.100.1");
    const waits: number[] = [];
    for (const k of [fresh.pair, fresh.account, fresh.ip]) waits.push(await retryAfter(db, k, t0));
    expect(waits).toEqual([0, 0, 0]);
    // A distributed guesser (one failure each from many addresses) meets only the account's gentle delay.
    let wait = 0;
    for (let i = 0; i < 40; i++) wait = await recordFailure(db, throttleKeys("a@x", `203.0.113.${i}`).account, t0);
    expect(wait).toBe(60);
    expect(await retryAfter(db, fresh.account, t0)).toBe(60);
    expect(await retryAfter(db, fresh.pair, t0)).toBe(0);
  });

  it("forgets old failures after 15 quiet minutes", async () => {
    const db = createTestDb();
    const t0 = Date.parse("2026-11-24T10:00:00Z");
    for (let i = 0; i < 4; i++) await recordFailure(db, "ip:1.2.3.4", t0);
    expect(await recordFailure(db, "ip:1.2.3.4", t0 + 16 * 60_000)).toBe(0);
  });
});

describe("client address", () => {
  const none = parseTrustedProxies("");
  const local = parseTrustedProxies("127.0.0.1, ::1, 10.0.0.0/8");
  it("with no trusted proxy, is the connection's address whatever X-Forwarded-For says", () => {
    expect(clientIp({ [PEER_HEADER]: "198.51.100.2", "x-forwarded-for": "203.0.113.9" }, none)).toBe("198.51.100.2");
    expect(clientIp(new Headers({ [PEER_HEADER]: "::ffff:198.51.100.2", "x-forwarded-for": "1.1.1.1, 2.2.2.2" }), none)).toBe("198.51.100.2");
    expect(clientIp({ "x-forwarded-for": "203.0.113.9" }, none)).toBe("unknown");
    expect(clientIp({}, none)).toBe("unknown");
  });

  it("behind trusted proxies, walks X-Forwarded-For from the right past each trusted hop; the client's own entries are ignored", () => {
    expect(clientIp({ [PEER_HEADER]: "127.0.0.1", "x-forwarded-for": "192.0.2.1, 203.0.113.9" }, local)).toBe("203.0.113.9");
    expect(clientIp({ [PEER_HEADER]: "127.0.0.1", "x-forwarded-for": "192.0.2.1, 203.0.113.9, 10.1.2.3" }, local)).toBe("203.0.113.9");
    expect(clientIp({ [PEER_HEADER]: "::1" }, local)).toBe("::1");
    expect(clientIp({ [PEER_HEADER]: "127.0.0.1", "x-forwarded-for": "not-an-address" }, local)).toBe("127.0.0.1");
    // A request that did not come through the proxy: its X-Forwarded-For counts for nothing.
    expect(clientIp({ [PEER_HEADER]: "198.51.100.7", "x-forwarded-for": "10.1.2.3, 203.0.113.9" }, local)).toBe("198.51.100.7");
  });

  it("TRUSTED_PROXIES accepts addresses and CIDR ranges and names a bad entry", () => {
    expect(isTrusted(local, "10.200.0.1")).toBe(true);
    expect(isTrusted(local, "11.0.0.1")).toBe(false);
    expect(isTrusted(parseTrustedProxies("2001:db8::/32"), "2001:db8::5")).toBe(true);
    expect(trustedProxyProblem("10.0.0.0/33")).toMatch(/prefix length/);
    expect(trustedProxyProblem("proxy.local")).toMatch(/not an IP address/);
    expect(trustedProxyProblem("10.0.0.0/8")).toBeNull();
  });
});

describe("password checks are bounded across the process", () => {
  it("runs at most `concurrency` at once, in order, and refuses at once when the queue is full", async () => {
    const gate = new Gate(2, 3);
    let running = 0;
    let peak = 0;
    const release: (() => void)[] = [];
    const order: number[] = [];
    const job = (n: number) => () =>
      new Promise<number>((resolve) => {
        running++;
        peak = Math.max(peak, running);
        order.push(n);
        release.push(() => {
          running--;
          resolve(n);
        });
      });
    const runs = [0, 1, 2, 3, 4].map((n) => gate.run(job(n)));
    await expect(gate.run(job(5))).rejects.toBeInstanceOf(BusyError);
    expect([gate.active, gate.queued]).toEqual([2, 3]);
    while (release.length) {
      release.shift()!();
      await new Promise((r) => setImmediate(r));
    }
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect([gate.active, gate.queued]).toEqual([0, 0]);
  });

  it("a failing check frees its slot", async () => {
    const gate = new Gate(1, 1);
    await expect(gate.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await gate.run(() => Promise.resolve(7))).toBe(7);
  });
});

describe("session secret", () => {
  it("is required in production and generated (mode 600, reused) for local runs", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "digiskills-secret-"));
    const load = async (vars: Record<string, string | undefined>) => {
      vi.resetModules();
      for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v as string);
      const { authSecret } = await import("../../server/auth/secret");
      return authSecret;
    };
    const prod = await load({ NODE_ENV: "production", DEMO: "", NEXTAUTH_SECRET: undefined, PUBLIC_URL: "https://skills.example.com", DATABASE_PATH: path.join(dir, "x.db") });
    delete process.env.NEXTAUTH_SECRET;
    delete process.env.DEMO;
    expect(() => prod()).toThrow(/NEXTAUTH_SECRET is not set.*openssl rand -base64 32/);
    vi.unstubAllEnvs();
    const demo = await load({ NODE_ENV: "production", DEMO: "1", DATABASE_PATH: path.join(dir, "x.db") });
    delete process.env.NEXTAUTH_SECRET;
    const first = demo();
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(path.join(dir, ".nextauth-secret")).mode & 0o777).toBe(0o600);
    expect(demo()).toBe(first);
    vi.unstubAllEnvs();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("stores emails lower-cased", async () => {
    const db = createTestDb();
    expect((await insertUser(db, { email: "  Lead@Example.ORG ", name: "L", role: "lead", passwordHash: "x" })).email).toBe("lead@example.org");
  });
});
