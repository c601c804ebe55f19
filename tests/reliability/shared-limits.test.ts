import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtureDb } from "./fixture";
import { killServer, startServer, tempDir, type AppServer } from "../../harness/app-server";

/**
 * Rate limits live in the database: two `next start` processes on ONE database (a SQLite file in
 * WAL mode, or a PostgreSQL database) share every bucket, so what one instance spent the other refuses. Both see the client as the socket address.
 */
const dir = tempDir("shared-limits");
const { database } = await createFixtureDb(dir);
let a: AppServer;
let b: AppServer;
beforeAll(async () => {
  // One start a minute per address (a burst of one), so a single start on A spends the address's allowance.
  a = await startServer(database, { RATE_LIMIT_START_PER_MIN: "1" });
  b = await startServer(database, { RATE_LIMIT_START_PER_MIN: "1" });
});
afterAll(async () => {
  await killServer(a, "SIGTERM");
  await killServer(b, "SIGTERM");
  fs.rmSync(dir, { recursive: true, force: true });
});

const start = (server: AppServer) => fetch(`${server.url}/api/survey/rel-open/start`, { method: "POST", body: "{}" });

describe("two instances on one database share the limits", () => {
  let token = "";

  it("a per-address limit spent on server A: server B refuses the next start with 429 and Retry-After", async () => {
    const first = await start(a);
    expect(first.status).toBe(201);
    token = ((await first.json()) as { token: string }).token;
    const refused = await start(b);
    expect(refused.status).toBe(429);
    const retry = Number(refused.headers.get("retry-after"));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    expect(await refused.json()).toEqual({ error: { code: "rate_limited", message: `Too many requests from your network; try again in ${retry} seconds` } });
    expect((await start(a)).status).toBe(429);
  });

  it("a per-draft limit (30 saves a minute, the default) spent across A and B: the next save on either is 429", async () => {
    const save = (server: AppServer, step: number) =>
      fetch(`${server.url}/api/survey/rel-open/draft`, {
        method: "PUT",
        headers: { "content-type": "application/json", "x-resume-token": token },
        body: JSON.stringify({ answers: { self_data: (step % 5) + 1 }, step }),
      });
    // A bucket of 30 that refills at one every 2 s; the saves alternate between the two servers, so
    // a bucket per server would accept all 60 and never refuse.
    const began = Date.now();
    let accepted = 0;
    let limited: Response | undefined;
    while (accepted < 60) {
      const res = await save(accepted % 2 === 0 ? a : b, (accepted % 10) + 1);
      if (res.status === 429) {
        limited = res;
        break;
      }
      expect(res.status).toBe(200);
      accepted++;
    }
    expect(accepted).toBeGreaterThanOrEqual(30);
    expect(accepted).toBeLessThanOrEqual(30 + Math.ceil((Date.now() - began) / 2000));
    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });
});
