import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { SqliteDb } from "../../../db/client";
import { AppError } from "../../../core/errors";
import { progressReporter } from "../progress";
import { oneArgument, UsageError, type Command } from "../command";

async function backupTo(db: SqliteDb, file: string): Promise<void> {
  if (fs.existsSync(file)) throw new UsageError(`${file} already exists; choose a new file`);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const progress = progressReporter("backup", 1);
  await db.$client.backup(file, {
    progress: ({ totalPages, remainingPages }) => {
      progress.update((totalPages - remainingPages) / totalPages, totalPages - remainingPages);
      return 1000;
    },
  });
  progress.done(0);
  const copy = new Database(file, { readonly: true });
  try {
    const result = copy.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new AppError("internal", `backup written to ${file} but integrity_check says: ${String(result)}`);
    const n = (copy.prepare("select count(*) n from responses where status = 'submitted'").get() as { n: number }).n;
    process.stdout.write(`Backup written to ${file}: integrity_check ok, ${n} submitted responses.\n`);
  } finally {
    copy.close();
  }
}

/** `s` as one shell word (POSIX quoting), left bare when it needs none. */
function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * The online backup and the integrity check are SQLite's. On PostgreSQL the command only says what
 * to run: pg_dump must be of the server's major version or newer and reads the password from the URL or
 * ~/.pgpass, which is for the operator to set up, not for this command to guess.
 */
export function postgresBackupAdvice(file: string): string {
  return (
    `backup copies the SQLite file; the configured database is PostgreSQL ($DATABASE_URL), so back it up with pg_dump: ` +
    `pg_dump --format=custom --file=${shellWord(file)} "$DATABASE_URL" (restore into an empty database: pg_restore --dbname=URL ${shellWord(file)})`
  );
}

export const backupCommand: Command = {
  name: "backup",
  summary: `  backup <file>                      online backup to <file>, then PRAGMA integrity_check on it (SQLite)`,
  help: `Usage: npm run cli -- backup <file>

Copies the live database with SQLite's online backup API (writers keep working), then runs
PRAGMA integrity_check on the copy. Refuses to overwrite an existing file.
On PostgreSQL ($DATABASE_URL set) it copies nothing and exits 2 with the command to run instead:
  pg_dump --format=custom --file=<file> "$DATABASE_URL"`,
  async run({ args, configured, openDb }) {
    const file = oneArgument("backup", args, "a target file");
    if (fs.existsSync(file)) throw new UsageError(`${file} already exists; choose a new file`);
    if (configured === "postgres") throw new UsageError(postgresBackupAdvice(file));
    const db = await openDb();
    if (db.dialect !== "sqlite") throw new UsageError(postgresBackupAdvice(file));
    await backupTo(db, file);
  },
};
