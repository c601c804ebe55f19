import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { databaseEnv, freePort, tempDir } from "../../harness/app-server";
import { createFixtureDb } from "./fixture";

/*
 * A production server without NEXTAUTH_SECRET must not come up: before, `next start` kept running
 * and answered 500 to every request. It must exit non-zero at start-up, saying what is missing.
 */
const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");
// The time harness/app-server.ts gives a server to answer /api/health.
const START_TIMEOUT_MS = 60_000;

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe("start-up checks", () => {
  it("next start in production without NEXTAUTH_SECRET (and no DEMO) exits non-zero with the message", async () => {
    if (!fs.existsSync(path.resolve(".next/BUILD_ID"))) throw new Error("No production build: run `npx next build` first (npm test does)");
    dir = tempDir("startup");
    const { database } = await createFixtureDb(dir);
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...databaseEnv(database),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ALLOW_INSECURE_NEXTAUTH_URL: "1",
    };
    delete env.NEXTAUTH_SECRET;
    delete env.DEMO;
    const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], { detached: true, stdio: ["ignore", "ignore", "pipe"], env });
    const stderr: string[] = [];
    child.stderr!.on("data", (d: Buffer) => stderr.push(d.toString()));
    let timer: NodeJS.Timeout | undefined;
    const outcome = await new Promise<{ code: number | null } | "still running">((resolve) => {
      child.once("exit", (code) => resolve({ code }));
      timer = setTimeout(() => resolve("still running"), START_TIMEOUT_MS);
    });
    clearTimeout(timer);
    if (outcome === "still running") {
      let answer: number | string;
      try {
        answer = (await fetch(`http://127.0.0.1:${port}/`)).status;
      } catch {
        answer = "no answer";
      }
      // The server that should have refused to start: stop it and everything it started.
      const exited = new Promise((resolve) => child.once("exit", resolve));
      process.kill(-child.pid!, "SIGKILL");
      await exited;
      throw new Error(`next start was still running after ${START_TIMEOUT_MS} ms (GET / answered ${answer}); stderr: ${stderr.join("")}`);
    }
    expect(outcome.code).not.toBe(0);
    expect(outcome.code).not.toBeNull();
    expect(stderr.join("")).toContain("NEXTAUTH_SECRET is not set. Production needs a fixed secret of at least 32 characters");
  });
});
