import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { killServer, startServer, tempDir, type AppServer } from "../../harness/app-server";
import { createFixtureDb, respondOnce } from "./fixture";

/*
 * What crawlers and browsers ask for without being linked: /robots.txt keeps personal and private
 * pages out of search engines, /favicon.ico answers instead of a 404 on every page view, and the
 * survey, report and invitation pages say noindex themselves.
 */
let server: AppServer;
let dir: string;
beforeAll(async () => {
  dir = tempDir("public-files");
  const { database } = await createFixtureDb(dir);
  server = await startServer(database);
});
afterAll(async () => {
  if (server) await killServer(server);
  fs.rmSync(dir, { recursive: true, force: true });
});

const NOINDEX = /<meta name="robots" content="noindex[^"]*"/;

describe("public files and robots", () => {
  it("/robots.txt disallows the survey, invitation, report, dashboard, admin and account paths", async () => {
    const res = await fetch(`${server.url}/robots.txt`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const lines = (await res.text()).split("\n").map((l) => l.trim());
    expect(lines).toContain("User-Agent: *");
    for (const prefix of ["/s/", "/i/", "/report/", "/dashboard", "/admin", "/account"]) expect(lines).toContain(`Disallow: ${prefix}`);
  });

  it("/favicon.ico answers 200 with an icon", async () => {
    const res = await fetch(`${server.url}/favicon.ico`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    // ICONDIR: reserved 0, type 1 (icon), at least one image.
    expect([...bytes.slice(0, 4)]).toEqual([0, 0, 1, 0]);
    expect(bytes[4]! + bytes[5]! * 256).toBeGreaterThanOrEqual(1);
  });

  it("a survey page, a report page and an invitation page carry <meta name=robots content=noindex>", async () => {
    const survey = await fetch(`${server.url}/s/rel-open`);
    expect(survey.status).toBe(200);
    expect(await survey.text()).toMatch(NOINDEX);
    const { token, acknowledged } = await respondOnce(server.url);
    expect(acknowledged).toBe(true);
    const report = await fetch(`${server.url}/report/${token}`);
    expect(report.status).toBe(200);
    expect(await report.text()).toMatch(NOINDEX);
    const invitation = await fetch(`${server.url}/i/unknown`);
    expect(invitation.status).toBe(200);
    expect(await invitation.text()).toMatch(NOINDEX);
  });
});
