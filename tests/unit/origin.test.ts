import { afterEach, describe, expect, it, vi } from "vitest";

/** Issue 16, finding 9: origin checks against the full public origin (never X-Forwarded-Host), and the production settings they rely on. */
async function load(publicUrl: string | undefined) {
  vi.resetModules();
  vi.stubEnv("PUBLIC_URL", publicUrl as string);
  if (publicUrl === undefined) delete process.env.PUBLIC_URL;
  return import("../../server/http/origin");
}
afterEach(() => vi.unstubAllEnvs());

describe("origin checks with PUBLIC_URL", () => {
  it("accept only the exact public origin: scheme, host and port", async () => {
    const { originAllowed } = await load("https://skills.example.com/");
    const ok = (origin: string | null, more: Record<string, string> = {}) =>
      originAllowed(new Headers({ host: "skills.example.com", ...(origin === null ? {} : { origin }), ...more }));
    expect(ok("https://skills.example.com")).toBe(true);
    expect(ok(null)).toBe(true);
    expect(ok("http://skills.example.com")).toBe(false); // scheme
    expect(ok("https://skills.example.com:8443")).toBe(false); // port
    expect(ok("https://evil@skills.example.com")).toBe(false); // credentials trick
    expect(ok("https://skills.example.com.evil.example")).toBe(false);
    expect(ok("null")).toBe(false);
    expect(ok("not a url")).toBe(false);
    // A forged X-Forwarded-Host and Host change nothing: PUBLIC_URL decides.
    expect(ok("https://evil.example", { "x-forwarded-host": "evil.example" })).toBe(false);
    expect(ok("https://evil.example", { host: "evil.example" })).toBe(false);
  });
});

describe("origin checks without PUBLIC_URL (local runs)", () => {
  it("compare with the scheme and Host the request came to, ignoring X-Forwarded-Host", async () => {
    const { originAllowed, baseUrlOf } = await load(undefined);
    const h = (origin: string, more: Record<string, string> = {}) => new Headers({ host: "127.0.0.1:3000", "x-forwarded-proto": "http", origin, ...more });
    expect(originAllowed(h("http://127.0.0.1:3000"))).toBe(true);
    expect(originAllowed(h("https://127.0.0.1:3000"))).toBe(false);
    expect(originAllowed(h("http://evil@127.0.0.1:3000"))).toBe(false);
    expect(originAllowed(h("http://evil.example", { "x-forwarded-host": "evil.example" }))).toBe(false);
    expect(baseUrlOf(h("x", { "x-forwarded-host": "evil.example" }))).toBe("http://127.0.0.1:3000");
  });
});

describe("production settings for links and sessions", () => {
  async function envWith(vars: Record<string, string | undefined>) {
    vi.resetModules();
    const base = { NODE_ENV: "production", NEXT_PHASE: undefined, DEMO: undefined, PUBLIC_URL: "https://skills.example.com", NEXTAUTH_URL: "https://skills.example.com", ALLOW_INSECURE_NEXTAUTH_URL: undefined };
    for (const [k, v] of Object.entries({ ...base, ...vars })) {
      vi.stubEnv(k, v as string);
      if (v === undefined) delete process.env[k];
    }
    const { env } = await import("../../core/env");
    return env;
  }

  it("require PUBLIC_URL (not for a local demo, not while building)", async () => {
    expect((await envWith({}))().PUBLIC_URL).toBe("https://skills.example.com");
    expect(await envWith({ PUBLIC_URL: undefined })).toThrow(/PUBLIC_URL is required in production/);
    expect((await envWith({ PUBLIC_URL: undefined, DEMO: "1" }))().PUBLIC_URL).toBeUndefined();
    expect((await envWith({ PUBLIC_URL: undefined, NEXT_PHASE: "phase-production-build" }))().PUBLIC_URL).toBeUndefined();
  });

  it("refuse an http:// NEXTAUTH_URL unless ALLOW_INSECURE_NEXTAUTH_URL=1", async () => {
    expect(await envWith({ NEXTAUTH_URL: "http://skills.example.com" })).toThrow(/NEXTAUTH_URL must start with https:\/\/ in production.*ALLOW_INSECURE_NEXTAUTH_URL=1/);
    expect((await envWith({ NEXTAUTH_URL: "http://127.0.0.1:3000", ALLOW_INSECURE_NEXTAUTH_URL: "1" }))().NEXTAUTH_URL).toBe("http://127.0.0.1:3000");
    expect((await envWith({ NODE_ENV: "development", NEXTAUTH_URL: "http://localhost:3000", PUBLIC_URL: undefined }))().NEXTAUTH_URL).toBe("http://localhost:3000");
  });
});
