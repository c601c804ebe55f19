import { NextResponse } from "next/server";
import { describe, expect, it } from "vitest";
import { parseTrustedProxies } from "../../core/trusted-proxies";
import { isHttps } from "../../server/http/https";
import { PEER_HEADER } from "../../server/http/peer-address";
import { setResumeCookie } from "../../server/http/survey-cookies";

/** One HTTPS rule for the proxy (HSTS, CSP), the survey cookies and the public origin. */
describe("isHttps", () => {
  const local = parseTrustedProxies("127.0.0.1, ::1");
  const none = parseTrustedProxies("");
  const viaProxy = (proto?: string, url = "http://127.0.0.1:3000/api/survey/x/start") =>
    new Request(url, { headers: { [PEER_HEADER]: "127.0.0.1", ...(proto === undefined ? {} : { "x-forwarded-proto": proto }) } });

  it("reads the first entry of X-Forwarded-Proto from a trusted proxy", () => {
    expect(isHttps(viaProxy("https"), local)).toBe(true);
    expect(isHttps(viaProxy("https,http"), local)).toBe(true); // a chain appends its own hops
    expect(isHttps(viaProxy(" HTTPS , http"), local)).toBe(true);
    expect(isHttps(viaProxy("http"), local)).toBe(false);
    expect(isHttps(viaProxy("http,https"), local)).toBe(false);
    expect(isHttps(viaProxy(undefined), local)).toBe(false);
  });

  it("takes the request's own scheme whatever the headers say", () => {
    expect(isHttps(viaProxy(undefined, "https://skills.example.com/s/x"), local)).toBe(true);
    expect(isHttps(viaProxy("http", "https://skills.example.com/s/x"), none)).toBe(true);
  });

  it("ignores X-Forwarded-Proto unless the connection comes from a trusted proxy", () => {
    expect(isHttps(viaProxy("https"), none)).toBe(false);
    const direct = new Request("http://127.0.0.1:3000/", { headers: { [PEER_HEADER]: "198.51.100.7", "x-forwarded-proto": "https" } });
    expect(isHttps(direct, local)).toBe(false);
    expect(isHttps(new Request("http://127.0.0.1:3000/", { headers: { "x-forwarded-proto": "https" } }), local)).toBe(false);
  });

  it("accepts bare headers (server components, the public origin)", () => {
    expect(isHttps(new Headers({ [PEER_HEADER]: "::1", "x-forwarded-proto": "https,http" }), local)).toBe(true);
    expect(isHttps({ [PEER_HEADER]: "127.0.0.1", "x-forwarded-proto": "http" }, local)).toBe(false);
    expect(isHttps(undefined, local)).toBe(false);
  });

  it("makes the survey cookie Secure behind X-Forwarded-Proto: https,http", () => {
    const response = NextResponse.json({});
    setResumeCookie(response, "code", "token", isHttps(viaProxy("https,http"), local));
    expect(response.headers.get("set-cookie")).toMatch(/;\s*Secure/i);
  });
});
