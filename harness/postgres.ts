/*
 * A throwaway PostgreSQL cluster for tests and benchmarks: initdb in a temporary directory, started
 * on a free loopback port with the server's default durability (fsync, synchronous_commit on), one
 * database created; stop() shuts it down and removes the directory.
 * docs/decisions/015-postgresql-schema-and-migrations.md.
 */
import { execFile, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { Client } from "pg";
import { freePort } from "./app-server";

const run = promisify(execFile);

export type PostgresCluster = { url: string; stop(): Promise<void> };

const INSTALL_HINT = "apt-get install -y postgresql (npm test installs it when run as root)";

/** The directory of initdb and pg_ctl: $PG_BIN, else Debian's newest /usr/lib/postgresql/<n>/bin. */
export function postgresBinDir(): string {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const root = "/usr/lib/postgresql";
  if (fs.existsSync(root)) {
    const versions = fs
      .readdirSync(root)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(root, v, "bin")));
  }
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, "initdb")) && fs.existsSync(path.join(dir, "pg_ctl")));
  if (!found) {
    throw new Error(`PostgreSQL server binaries (initdb, pg_ctl) not found in ${candidates.join(", ") || root + "/<version>/bin"}. Install them with: ${INSTALL_HINT}`);
  }
  return found;
}

const asRoot = process.getuid?.() === 0;

/** Runs a server binary as the `postgres` user when we are root (initdb and postgres refuse root). */
async function runAsOwner(bin: string, args: string[]): Promise<void> {
  const [cmd, argv] = ownerCommand(bin, args);
  try {
    await run(cmd, argv, { timeout: 60_000 });
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${path.basename(bin)} failed: ${e.message}\n${e.stdout ?? ""}${e.stderr ?? ""}`);
  }
}

const DB_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Creates database `name` on the cluster of `url` and returns its URL: fresh and empty, or a copy of
 * database `template` (which nobody may be connected to), much faster than migrating again.
 */
export async function createDatabase(url: string, name: string, options: { template?: string } = {}): Promise<string> {
  for (const n of [name, options.template ?? "template1"]) if (!DB_NAME.test(n)) throw new Error(`Database name must match ${DB_NAME}: ${n}`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`create database "${name}"${options.template ? ` template "${options.template}"` : ""}`);
  } finally {
    await client.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

/** Starts a fresh cluster (superuser `app`, trust on loopback) and creates database `digiskills`. */
export async function startPostgres(options: { database?: string } = {}): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "digiskills-pg-"));
  const data = path.join(dir, "data");
  let started = false;
  const stopSync = () => {
    if (started) spawnSync(...ownerCommand(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]), { stdio: "ignore" });
    fs.rmSync(dir, { recursive: true, force: true });
  };
  // A process that exits without calling stop() must not leave a server behind.
  process.once("exit", stopSync);
  try {
    if (asRoot) fs.chownSync(dir, ownerIds().uid, ownerIds().gid);
    // --no-sync only skips initdb's own flush of the new files; the server keeps fsync on.
    // Locale C: text compares byte by byte, as SQLite's BINARY collation does.
    await runAsOwner(path.join(bin, "initdb"), ["-D", data, "-U", "app", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"]);
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      try {
        await runAsOwner(path.join(bin, "pg_ctl"), [
          "-D", data,
          "-l", path.join(dir, "server.log"),
          "-o", `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1`,
          "-w", "start",
        ]);
        break;
      } catch (error) {
        // The port may have been taken between freePort() and the server's bind: try another.
        if (attempt >= 3) throw new Error(`${(error as Error).message}\nserver log:\n${readLog(dir)}`);
      }
    }
    started = true;
    const base = `postgres://app@127.0.0.1:${port}/postgres`;
    const url = await createDatabase(base, options.database ?? "digiskills");
    return {
      url,
      async stop() {
        process.removeListener("exit", stopSync);
        try {
          if (started) await runAsOwner(path.join(bin, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"]);
          started = false;
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    process.removeListener("exit", stopSync);
    stopSync();
    throw error;
  }
}

function ownerCommand(bin: string, args: string[]): [string, string[]] {
  return asRoot ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
}

function ownerIds(): { uid: number; gid: number } {
  const r = spawnSync("id", ["postgres"], { encoding: "utf8" });
  const uid = /uid=(\d+)/.exec(r.stdout ?? "")?.[1];
  const gid = /gid=(\d+)/.exec(r.stdout ?? "")?.[1];
  if (r.status !== 0 || !uid || !gid) throw new Error(`Running as root needs the "postgres" user to run the server: ${INSTALL_HINT}`);
  return { uid: Number(uid), gid: Number(gid) };
}

function readLog(dir: string): string {
  try {
    return fs.readFileSync(path.join(dir, "server.log"), "utf8");
  } catch {
    return "(no log)";
  }
}
