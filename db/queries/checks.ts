import { transaction, type Db } from "../client";
import { recordAudit, type AuditActor } from "./audit";
import { checkSlots, getQuestionnaire } from "../../questions";

/** The answer slots of every version with knowledge checks (v2's sixteen). */
const SLOTS = checkSlots(getQuestionnaire(2));

/** Ids of the knowledge checks admins retired: they are no longer drawn. */
export async function retiredCheckIds(db: Db): Promise<Set<string>> {
  const rows = await db.sql.all<{ item_id: string }>("select item_id from check_retirements");
  return new Set(rows.map((r) => r.item_id));
}

/** One submitted response's checks: for each slot (in `SLOTS` order) the check drawn and the answer given. */
export type CheckAnswerRow = { items: (string | null)[]; answers: (string | null)[] };

export { SLOTS as CHECK_SLOTS };

/**
 * The drawn checks and answers of every submitted response that had checks, across all
 * organisations (the item analysis, an admin view). Voided responses and drafts are left out.
 */
export async function submittedCheckAnswers(db: Db): Promise<CheckAnswerRow[]> {
  const columns = SLOTS.flatMap((slot) => [`${slot}_item`, slot]).join(", ");
  const rows = await db.sql.all<Record<string, string | null>>(`select ${columns} from responses where status = 'submitted' and ${SLOTS[0]}_item is not null`);
  return rows.map((r) => ({ items: SLOTS.map((s) => r[`${s}_item`] ?? null), answers: SLOTS.map((s) => r[s] ?? null) }));
}

/**
 * Retires a check (no longer drawn) or restores it, with an audit entry; answers already given stay.
 * Returns false when nothing changed (already retired, or not retired).
 */
export async function setCheckRetired(db: Db, actor: AuditActor, itemId: string, retired: boolean): Promise<boolean> {
  return transaction(db, async (tx) => {
    const changed = retired
      ? (await tx.sql.run("insert into check_retirements (item_id, retired_at, retired_by) values (?, ?, ?) on conflict (item_id) do nothing", [itemId, new Date().toISOString(), actor.id])).changes
      : (await tx.sql.run("delete from check_retirements where item_id = ?", [itemId])).changes;
    if (changed === 1) await recordAudit(tx, actor, retired ? "check_retired" : "check_restored", itemId, null);
    return changed === 1;
  });
}
