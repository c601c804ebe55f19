import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { insertUser } from "../../db/queries/users";
import { hashPasswordSync, verifyPassword } from "../../lib/auth/passwords";
import { backoffSeconds, FREE_FAILURES, recordFailure, recordSuccess, retryAfter } from "../../lib/auth/throttle";
import { clientIp } from "../../lib/auth/options";
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
  it("allows 5 failures per email, then backs off 30 s, 60 s, 120 s … up to an hour", () => {
    expect([4, 5, 6, 7, 20].map((f) => backoffSeconds(f, FREE_FAILURES.email))).toEqual([0, 30, 60, 120, 3600]);
    expect(backoffSeconds(19, FREE_FAILURES.ip)).toBe(0);
    expect(backoffSeconds(20, FREE_FAILURES.ip)).toBe(30);
  });

  it("locks a key after its free failures, releases it when the time is up, and a success clears it", () => {
    const db = createTestDb();
    const t0 = Date.parse("2026-11-24T10:00:00Z");
    for (let i = 0; i < 4; i++) expect(recordFailure(db, "email:a@x", t0)).toBe(0);
    expect(retryAfter(db, "email:a@x", t0)).toBe(0);
    expect(recordFailure(db, "email:a@x", t0)).toBe(30);
    expect(retryAfter(db, "email:a@x", t0 + 10_000)).toBe(20);
    expect(retryAfter(db, "email:a@x", t0 + 30_000)).toBe(0);
    expect(recordFailure(db, "email:a@x", t0 + 31_000)).toBe(60);
    recordSuccess(db, "email:a@x");
    expect(retryAfter(db, "email:a@x", t0 + 32_000)).toBe(0);
    expect(recordFailure(db, "email:a@x", t0 + 33_000)).toBe(0);
  });

  it("forgets old failures after 15 quiet minutes", () => {
    const db = createTestDb();
    const t0 = Date.parse("2026-11-24T10:00:00Z");
    for (let i = 0; i < 4; i++) recordFailure(db, "ip:1.2.3.4", t0);
    expect(recordFailure(db, "ip:1.2.3.4", t0 + 16 * 60_000)).toBe(0);
  });

  it("takes the client address from the last x-forwarded-for hop", () => {
    expect(clientIp({ "x-forwarded-for": "10.0.0.1, 203.0.113.9" })).toBe("203.0.113.9");
    expect(clientIp(new Headers({ "x-forwarded-for": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientIp({})).toBe("unknown");
  });
});

describe("session secret", () => {
  it("is required in production and generated (mode 600, reused) for local runs", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "digiskills-secret-"));
    const load = async (vars: Record<string, string | undefined>) => {
      vi.resetModules();
      for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v as string);
      const { authSecret } = await import("../../lib/auth/secret");
      return authSecret;
    };
    const prod = await load({ NODE_ENV: "production", DEMO: "", NEXTAUTH_SECRET: undefined, DATABASE_PATH: path.join(dir, "x.db") });
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

  it("stores emails lower-cased", () => {
    const db = createTestDb();
    expect(insertUser(db, { email: "  Lead@Example.ORG ", name: "L", role: "lead", passwordHash: "x" }).email).toBe("lead@example.org");
  });
});
