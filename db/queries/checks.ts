import type { Db } from "../client";

/** Ids of the knowledge checks admins retired: they are no longer drawn. */
export async function retiredCheckIds(db: Db): Promise<Set<string>> {
  const rows = await db.sql.all<{ item_id: string }>("select item_id from check_retirements");
  return new Set(rows.map((r) => r.item_id));
}
