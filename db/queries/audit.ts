import type { Db } from "../client";
import { auditLog, type AuditAction, type AuditEntry } from "../schema";
import { fromRows, insertStatement } from "../sql/rows";

export type AuditActor = { id: number; email: string };

/** Records an action; for streamed exports call it with status "started" and finish it with completeAudit. */
export async function recordAudit(
  db: Db,
  actor: AuditActor,
  action: AuditAction,
  scope: string,
  rows: number | null,
  status: AuditEntry["status"] = "completed",
  detail: string | null = null,
): Promise<number> {
  const { text, params } = insertStatement(auditLog, { userId: actor.id, userEmail: actor.email, action, scope, rows, status, detail }, { returning: false });
  return (await db.sql.value<number>(`${text} returning id`, params))!;
}

/** The audit entries of one action and scope, newest first. */
export async function listAuditFor(db: Db, action: AuditAction, scope: string, limit: number): Promise<AuditEntry[]> {
  return fromRows(auditLog, await db.sql.all("select * from audit_log where action = ? and scope = ? order by id desc limit ?", [action, scope, limit]));
}

export async function completeAudit(db: Db, id: number, rows: number, status: "completed" | "incomplete"): Promise<void> {
  await db.sql.run("update audit_log set rows = ?, status = ? where id = ?", [rows, status, id]);
}

/** Newest first. */
export async function listAudit(db: Db, limit: number, offset = 0): Promise<{ entries: AuditEntry[]; total: number }> {
  const entries = fromRows(auditLog, await db.sql.all("select * from audit_log order by id desc limit ? offset ?", [limit, offset]));
  const total = (await db.sql.value<number>("select count(*) from audit_log")) ?? 0;
  return { entries, total };
}
