import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { auditLog, type AuditAction, type AuditEntry } from "../schema";

export type AuditActor = { id: number; email: string };

/** Records an action; for streamed exports call it with status "started" and finish it with completeAudit. */
export function recordAudit(
  db: Db,
  actor: AuditActor,
  action: AuditAction,
  scope: string,
  rows: number | null,
  status: AuditEntry["status"] = "completed",
  detail: string | null = null,
): number {
  return db.insert(auditLog).values({ userId: actor.id, userEmail: actor.email, action, scope, rows, status, detail }).returning({ id: auditLog.id }).get().id;
}

/** The audit entries of one action and scope, newest first. */
export function listAuditFor(db: Db, action: AuditAction, scope: string, limit: number): AuditEntry[] {
  return db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.scope, scope))).orderBy(desc(auditLog.id)).limit(limit).all();
}

export function completeAudit(db: Db, id: number, rows: number, status: "completed" | "incomplete"): void {
  db.update(auditLog).set({ rows, status }).where(eq(auditLog.id, id)).run();
}

/** Newest first. */
export function listAudit(db: Db, limit: number, offset = 0): { entries: AuditEntry[]; total: number } {
  const entries = db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit).offset(offset).all();
  const total = db.select({ n: sql<number>`count(*)` }).from(auditLog).get()?.n ?? 0;
  return { entries, total };
}
