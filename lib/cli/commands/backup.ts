import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Db, SqliteDb } from "../../../db/client";
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

/** The online backup and the integrity check are SQLite's; a PostgreSQL database is backed up with its own tools (pg_dump). */
function sqliteOnly(db: Db): SqliteDb {
  if (db.dialect !== "sqlite") throw new UsageError("backup copies a SQLite database; back up PostgreSQL with pg_dump");
  return db;
}

export const backupCommand: Command = {
  name: "backup",
  summary: `  backup <file>                      online backup to <file>, then PRAGMA integrity_check on it`,
  help: `Usage: npm run cli -- backup <file>

Copies the live database with SQLite's online backup API (writers keep working), then runs
PRAGMA integrity_check on the copy. Refuses to overwrite an existing file.`,
  async run({ args, openDb }) {
    const file = oneArgument("backup", args, "a target file");
    await backupTo(sqliteOnly(openDb()), file);
  },
};
