/*
 * npm run cli -- <command>: import/export CSV, findings as JSON, aggregate rebuild, online backup, the draft purge
 * and the copy of a SQLite database into PostgreSQL.
 * Exit 0 on success; otherwise one line "error: …" on stderr and exit 1 (2 for usage mistakes).
 * Each command, with its help, is in commands/<command>.ts; this file parses and dispatches.
 */
import { parseArgs } from "node:util";
import { closeDatabase, openDatabase, openPostgresDb, prepareDatabase, type Db, type SqliteDb } from "../../db/client";
import { env } from "../../core/env";
import { minimumGroupSize } from "../../core/disclosure/threshold";
import { UsageError, type Command } from "./command";
import { importCommand } from "./commands/import";
import { exportCommand } from "./commands/export";
import { findingsCommand } from "./commands/findings";
import { rebuildAggregatesCommand } from "./commands/rebuild-aggregates";
import { backupCommand } from "./commands/backup";
import { purgeDraftsCommand } from "./commands/purge-drafts";
import { copyToPostgresCommand } from "./commands/copy-to-postgres";

const COMMANDS: readonly Command[] = [importCommand, exportCommand, findingsCommand, rebuildAggregatesCommand, backupCommand, purgeDraftsCommand, copyToPostgresCommand];

const MAIN_HELP = `Digiskills Benchmark command line

Usage: npm run cli -- <command> [options]

Commands:
${COMMANDS.map((c) => c.summary).join("\n")}

Options: --help (also after a command).
Database: as the server's, PostgreSQL at $DATABASE_URL when it is set (migrations applied first),
else the SQLite file at $DATABASE_PATH (default data/digiskills.db). copy-to-postgres always reads
the SQLite file.`;

const HELP = new Map<string, string>([["main", MAIN_HELP], ...COMMANDS.map((c): [string, string] => [c.name, c.help])]);

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: "boolean", short: "h" },
        org: { type: "string" },
        out: { type: "string" },
        wave: { type: "string" },
        department: { type: "string" },
        seniority: { type: "string" },
        json: { type: "boolean" },
        "older-than-days": { type: "string" },
        to: { type: "string" },
      },
    });
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message.split("\n")[0]}; see npm run cli -- --help\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [name, ...args] = positionals;
  if (!name || values.help) {
    process.stdout.write(`${HELP.get(name ?? "main") ?? MAIN_HELP}\n`);
    return name && !HELP.has(name) ? 2 : 0;
  }
  let db: Db | undefined;
  try {
    const { DATABASE_PATH, DATABASE_URL, DRAFT_RETENTION_DAYS } = env();
    const minGroupSize = minimumGroupSize();
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new UsageError(`unknown command "${name}"; commands: ${COMMANDS.map((c) => c.name).join(", ")}`);
    const openSqliteFile = (): SqliteDb => {
      db ??= openDatabase(DATABASE_PATH);
      if (db.dialect !== "sqlite") throw new Error("a command opens one database; this one already opened PostgreSQL");
      return db;
    };
    const openDb = async (): Promise<Db> => {
      if (!DATABASE_URL) return openSqliteFile();
      if (db) return db;
      // Assigned before the migrations run, so the pool is closed below even when they fail.
      const pg = (db = openPostgresDb(DATABASE_URL));
      await prepareDatabase(pg);
      return pg;
    };
    await command.run({ args, values, draftRetentionDays: DRAFT_RETENTION_DAYS, minGroupSize, configured: DATABASE_URL ? "postgres" : "sqlite", openDb, openSqliteFile });
    return 0;
  } catch (e) {
    const message = e instanceof Error ? e.message.split("\n").join("; ") : String(e);
    process.stderr.write(`error: ${message}\n`);
    return e instanceof UsageError ? 2 : 1;
  } finally {
    if (db) await closeDatabase(db);
  }
}

if (process.argv[1] && /main\.(ts|js)$/.test(process.argv[1])) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
