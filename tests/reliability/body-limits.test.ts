import fs from "node:fs";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, createFixtureDb, respondOnce } from "./fixture";
import { killServer, signInCookie, startServer, tempDir, type AppServer } from "../../harness/app-server";

/**
 * Body caps (issue 16, finding 8): a body over the route's cap is refused with 413 before it is
 * buffered: a declared Content-Length by the request rules (server/http/request-guard.ts), a chunked
 * body where it is read (readJsonObject; next-auth's endpoints through withCappedBody). The server's
 * memory stays flat under 30 concurrent 12 MB uploads.
 */
const dir = tempDir("body-limits");
const { database, waveId } = await createFixtureDb(dir);
let server: AppServer;
beforeAll(async () => {
  server = await startServer(database, { TRUSTED_PROXIES: "127.0.0.1,::1" });
});
afterAll(async () => {
  await killServer(server, "SIGTERM");
  fs.rmSync(dir, { recursive: true, force: true });
});

const MB = 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 0x61);

type Sent = { status: number; body: string; ms: number };

/** POSTs `size` bytes (declared, or chunked without a Content-Length); resolves with the answer. */
function upload(path: string, size: number, { chunked = false, ip = "198.51.100.20", cookie = "" } = {}): Promise<Sent> {
  const began = Date.now();
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "content-type": "application/json", origin: server.url, "x-forwarded-for": ip };
    if (!chunked) headers["content-length"] = String(size);
    if (cookie) headers.cookie = cookie;
    const req = http.request(`${server.url}${path}`, { method: "POST", headers }, (res) => {
      const ms = Date.now() - began;
      const parts: Buffer[] = [];
      res.on("data", (d: Buffer) => parts.push(d));
      res.on("end", () => resolve({ status: res.statusCode!, body: Buffer.concat(parts).toString("utf8"), ms }));
      res.on("error", reject);
    });
    let sent = 0;
    let answered = false;
    req.on("response", () => (answered = true));
    // A server that answers and closes while we still send is fine: the answer is what we check.
    req.on("error", (e) => (answered ? undefined : reject(e)));
    const pump = () => {
      while (sent < size) {
        const n = Math.min(CHUNK.length, size - sent);
        sent += n;
        if (!req.write(n === CHUNK.length ? CHUNK : CHUNK.subarray(0, n))) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

/** Resident memory of the server: every process in its process group (next start and any workers). */
function serverRss(): number {
  const pgid = server.process.pid!;
  let total = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${entry}/status`, "utf8"));
      total += rss ? Number(rss[1]) * 1024 : 0;
    } catch {
      /* gone */
    }
  }
  return total;
}

/** Peak RSS growth of the server while `work` runs. */
async function peakGrowth(work: () => Promise<unknown>): Promise<number> {
  const before = serverRss();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, serverRss())), 20);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  peak = Math.max(peak, serverRss());
  return peak - before;
}

const SUBMIT = "/api/survey/rel-open/submit";

function expectTooLarge(res: Sent) {
  expect(res.status).toBe(413);
  expect(JSON.parse(res.body)).toMatchObject({ error: { code: "body_too_large", message: expect.stringContaining("at most"), fields: { body: expect.stringMatching(/^must be at most \d+ bytes$/) } } });
}

describe("request body caps", () => {
  it("a declared 12 MB body to a 16 KB endpoint: 413 body_too_large at once", async () => {
    const res = await upload(SUBMIT, 12 * MB);
    expectTooLarge(res);
    expect(res.body).toContain(String(16 * 1024));
    expect(res.ms).toBeLessThan(2_000);
    // Just over 16 KiB is refused too, a byte under is read (and judged on its content).
    expectTooLarge(await upload(SUBMIT, 16 * 1024 + 1));
    expect((await upload(SUBMIT, 16 * 1024)).status).toBe(400);
  });

  it("a chunked 12 MB body (no Content-Length) to a 16 KB endpoint: 413, never a 500", async () => {
    const res = await upload(SUBMIT, 12 * MB, { chunked: true });
    expectTooLarge(res);
    expect(res.ms).toBeLessThan(5_000);
    // Chunked and just over 1.4 MB (where the proxy used to cut bodies off): still 413.
    expectTooLarge(await upload(SUBMIT, 1_400_001, { chunked: true }));
    // next-auth reads its own body: it gets it only under the cap, declared or chunked.
    expectTooLarge(await upload("/api/auth/callback/credentials", 12 * MB, { chunked: true }));
    expectTooLarge(await upload("/api/auth/callback/credentials", 12 * MB));
  });

  it("30 concurrent 12 MB uploads (declared, then chunked): all 413, server memory grows far less than 185 MB", async () => {
    await upload(SUBMIT, 12 * MB); // warm up
    for (const chunked of [false, true]) {
      let results: Sent[] = [];
      const growth = await peakGrowth(async () => {
        results = await Promise.all(Array.from({ length: 30 }, (_, i) => upload(SUBMIT, 12 * MB, { chunked, ip: `198.51.100.${100 + i}` })));
      });
      console.log(`30 x 12 MB ${chunked ? "chunked" : "declared"}: server RSS +${Math.round(growth / MB)} MB`);
      expect(growth).toBeLessThan(100 * MB);
      for (const res of results) expectTooLarge(res);
    }
  });

  it("legitimate bodies still work: a survey submission and a roster upload near its 1 MiB limit", async () => {
    const survey = await respondOnce(server.url, "rel-open", "198.51.100.30");
    expect(survey.status).toBe(200);
    expect(survey.acknowledged).toBe(true);

    const lines = ["email,department"];
    let bytes = lines[0]!.length + 1;
    for (let i = 0; bytes < 1_000_000; i++) {
      const line = `person-${String(i).padStart(5, "0")}-${"x".repeat(50)}@${"d".repeat(63)}.${"e".repeat(63)}.rel-example.test,Sales`;
      lines.push(line);
      bytes += line.length + 1;
    }
    const body = JSON.stringify({ roster: lines.join("\n"), defaultLocale: "en" });
    expect(body.length).toBeGreaterThan(1_000_000);
    expect(body.length).toBeLessThan(1_200_000);
    const admin = await signInCookie(server.url, ADMIN.email, ADMIN.password);
    const roster = await fetch(`${server.url}/api/admin/organisations/rel-co/waves/${waveId}/invitations`, {
      method: "POST",
      headers: { origin: server.url, "content-type": "application/json", cookie: admin },
      body,
    });
    expect(roster.status, await roster.clone().text()).toBeLessThan(300);
    // The same upload route refuses a declared body over its cap before reading it, and a chunked
    // one that Next cuts off at proxyClientMaxBodySize.
    const invitations = `/api/admin/organisations/rel-co/waves/${waveId}/invitations`;
    expectTooLarge(await upload(invitations, 1_200_001, { cookie: admin }));
    expectTooLarge(await upload(invitations, 12 * MB, { chunked: true, cookie: admin }));
  });
});
