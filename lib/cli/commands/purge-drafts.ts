import { z } from "zod";
import { purgeAbandonedDrafts } from "../../survey/purge";
import { UsageError, type Command } from "../command";

const olderThanDaysSchema = z.string().regex(/^[1-9]\d*$/).transform(Number);

/** The --older-than-days argument, or the configured retention when it is not given. */
function retentionDays(olderThanDays: string | undefined, configured: number): number {
  if (olderThanDays === undefined) return configured;
  const parsed = olderThanDaysSchema.safeParse(olderThanDays.trim());
  if (!parsed.success) throw new UsageError(`--older-than-days must be a whole number of days, at least 1 (got "${olderThanDays}")`);
  return parsed.data;
}

export const purgeDraftsCommand: Command = {
  name: "purge-drafts",
  summary: `  purge-drafts [--older-than-days N] delete drafts not saved for N days (default $DRAFT_RETENTION_DAYS, 30)`,
  help: `Usage: npm run cli -- purge-drafts [--older-than-days N]

Deletes abandoned drafts: responses still in draft whose last save is more than N days old (a whole
number, at least 1; default $DRAFT_RETENTION_DAYS, 30). Submitted and voided responses are never
touched. The server runs the same purge at start and then daily. Prints how many were deleted.`,
  async run({ args, values, draftRetentionDays, openDb }) {
    if (args.length) throw new UsageError(`purge-drafts takes no positional arguments (got ${args.join(" ")})`);
    const days = retentionDays(values["older-than-days"], draftRetentionDays);
    const deleted = await purgeAbandonedDrafts(await openDb(), days);
    process.stdout.write(`Deleted ${deleted} draft${deleted === 1 ? "" : "s"} not saved for ${days} days.\n`);
  },
};
