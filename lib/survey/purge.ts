import type { Db } from "../../db/client";
import { deleteDraftsUpdatedBefore } from "../../db/queries/survey";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes abandoned drafts: those not saved for `retentionDays` days (DRAFT_RETENTION_DAYS, default
 * 30; docs/privacy.md "Draft retention"). A draft's resume link dies with it. Submitted and voided
 * responses are never touched. Returns how many drafts were deleted.
 */
export async function purgeAbandonedDrafts(db: Db, retentionDays: number, now = new Date()): Promise<number> {
  if (!Number.isInteger(retentionDays) || retentionDays < 1) throw new RangeError(`retention must be a whole number of days, at least 1 (got ${retentionDays})`);
  return await deleteDraftsUpdatedBefore(db, new Date(now.getTime() - retentionDays * DAY_MS).toISOString());
}
