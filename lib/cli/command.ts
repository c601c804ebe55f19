/*
 * What every CLI command shares: its parsed arguments, the configuration, a database opened on
 * demand (closed by the dispatcher), and the usage error that exits 2 instead of 1.
 */
import type { Db, SqliteDb } from "../../db/client";
import { findOrganisationBySlug } from "../../db/queries/organisations";
import type { Organisation } from "../../db/schema";
import { AppError } from "../../core/errors";

/** A mistake in how the command was called: exit code 2, like an unknown option. */
export class UsageError extends Error {}

export type CliValues = {
  org?: string;
  out?: string;
  wave?: string;
  department?: string;
  seniority?: string;
  json?: boolean;
  "older-than-days"?: string;
  /** copy-to-postgres: the target PostgreSQL URL. */
  to?: string;
};

export type CommandContext = {
  /** The positional arguments after the command name. */
  args: string[];
  values: CliValues;
  draftRetentionDays: number;
  minGroupSize: number;
  /** The database the configuration names: PostgreSQL when $DATABASE_URL is set, else the SQLite file. */
  configured: "sqlite" | "postgres";
  /**
   * Opens the configured database, as the server does ($DATABASE_URL, migrated first; else
   * $DATABASE_PATH); call it after the arguments are checked.
   */
  openDb: () => Promise<Db>;
  /** Opens the SQLite file at $DATABASE_PATH whatever $DATABASE_URL says (copy-to-postgres reads it). */
  openSqliteFile: () => SqliteDb;
};

export type Command = {
  name: string;
  /** The command's lines in the overall help, already indented. */
  summary: string;
  /** The text of `npm run cli -- <name> --help`. */
  help: string;
  run: (ctx: CommandContext) => Promise<void>;
};

/** The single positional argument a command needs, or a usage error naming it. */
export function oneArgument(name: string, args: string[], what: string): string {
  if (!args[0]) throw new UsageError(`${name} needs ${what}; see npm run cli -- ${name} --help`);
  if (args.length > 1) throw new UsageError(`${name} takes one ${what}, got ${args.length}`);
  return args[0];
}

export async function requireOrg(db: Db, slug: string): Promise<Organisation> {
  const org = await findOrganisationBySlug(db, slug);
  if (!org) throw new AppError("not_found", `no organisation with slug "${slug}"`);
  return org;
}
