/*
 * A real `next start` on loopback with a real database (a SQLite file, or a PostgreSQL database by
 * URL), for the reliability suite: start it, kill it (SIGKILL, the whole process group), start it
 * again on the same database.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export function tempDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `digiskills-${name}-`));
}

/** The database a server runs on: a SQLite file by its path, or a PostgreSQL database by its URL. */
export type ServerDatabase = string | { url: string };

/** `dbPath` is the SQLite file, or "" on PostgreSQL (then `database.url` names it). */
export type AppServer = { url: string; port: number; dbPath: string; database: ServerDatabase; process: ChildProcess; stderr: string[] };

const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");

/**
 * The app's environment for `database`, on top of `base`: DATABASE_URL selects PostgreSQL, so a
 * SQLite run must not inherit one from the shell.
 */
export function databaseEnv(database: ServerDatabase, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...base };
  if (typeof database === "string") {
    out.DATABASE_PATH = database;
    delete out.DATABASE_URL;
  } else {
    out.DATABASE_URL = database.url;
  }
  return out;
}

/** Starts `next start` on the database and waits for /api/health. */
export async function startServer(database: ServerDatabase, env: Record<string, string> = {}, port?: number): Promise<AppServer> {
  if (!fs.existsSync(path.resolve(".next/BUILD_ID"))) throw new Error("No production build: run `npx next build` first (npm test does)");
  const p = port ?? (await freePort());
  const stderr: string[] = [];
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(p), "-H", "127.0.0.1"], {
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...databaseEnv(database),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_URL: `http://127.0.0.1:${p}`,
      PUBLIC_URL: `http://127.0.0.1:${p}`,
      // Production refuses an http:// NEXTAUTH_URL unless told this is a local run (core/env.ts).
      ALLOW_INSECURE_NEXTAUTH_URL: "1",
      NEXTAUTH_SECRET: "reliability-secret-reliability-secret-0123",
      ...env,
    },
  });
  child.stderr!.on("data", (d: Buffer) => stderr.push(d.toString()));
  const url = `http://127.0.0.1:${p}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}: ${stderr.join("")}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`next start did not answer within 60 s: ${stderr.join("")}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, port: p, dbPath: typeof database === "string" ? database : "", database, process: child, stderr };
}

/** Kills the server and everything it started, without any chance to clean up. */
export async function killServer(server: AppServer, signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
  if (server.process.exitCode !== null || server.process.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.process.once("exit", () => resolve()));
  try {
    process.kill(-server.process.pid!, signal);
  } catch {
    server.process.kill(signal);
  }
  await exited;
}

/** Signs in through next-auth's standard endpoints; returns the cookie header to send. */
export async function signInCookie(url: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, ...v] = pair!.split("=");
      jar.set(k!, v.join("="));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${url}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token"))) throw new Error(`sign-in failed for ${email}: ${res.status}`);
  return cookie();
}
