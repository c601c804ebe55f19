import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { hashToken } from "../../core/tokens";
import type { Db } from "../client";
import { invitationLinks, invitations, organisations, waves, type Invitation, type Organisation, type Wave } from "../schema";

const now = () => new Date().toISOString();

export type NewInvitation = { email: string; department: string | null; locale: string; token: string };

/** Invitations of a wave in roster order. */
export function listInvitations(db: Db, waveId: number): Invitation[] {
  return db.select().from(invitations).where(eq(invitations.waveId, waveId)).orderBy(asc(invitations.id)).all();
}

/** How many people were invited to a wave and how many of them completed the survey. */
export function invitationCounts(db: Db, waveId: number): { invited: number; used: number } {
  const row = db
    .select({ invited: sql<number>`count(*)`, used: sql<number>`coalesce(sum(${invitations.completed}), 0)` })
    .from(invitations)
    .where(eq(invitations.waveId, waveId))
    .get();
  return { invited: row?.invited ?? 0, used: row?.used ?? 0 };
}

/** The emails (normalised) of a list that already have an invitation to this wave. */
export function alreadyInvited(db: Db, waveId: number, emails: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (let i = 0; i < emails.length; i += 500) {
    const chunk = emails.slice(i, i + 500);
    for (const r of db
      .select({ email: invitations.email })
      .from(invitations)
      .where(and(eq(invitations.waveId, waveId), inArray(invitations.email, chunk)))
      .all())
      found.add(r.email);
  }
  return found;
}

/** Inserts invitations and their first links in one transaction; returns them with their ids. */
export function insertInvitations(db: Db, waveId: number, entries: readonly NewInvitation[]): (Invitation & { token: string })[] {
  return db.transaction((tx) => {
    const at = now();
    return entries.map((e) => {
      const row = tx
        .insert(invitations)
        .values({ waveId, email: e.email, department: e.department, locale: e.locale, linksIssued: 1, lastLinkAt: at })
        .returning()
        .get();
      tx.insert(invitationLinks).values({ tokenHash: hashToken(e.token), invitationId: row.id }).run();
      return { ...row, token: e.token };
    });
  });
}

/** Invitations of a wave that have not been completed. */
export function pendingInvitations(db: Db, waveId: number): Invitation[] {
  return db
    .select()
    .from(invitations)
    .where(and(eq(invitations.waveId, waveId), eq(invitations.completed, false)))
    .orderBy(asc(invitations.id))
    .all();
}

/** Adds a new link to each invitation (earlier links stay valid until the invitation is used). */
export function addInvitationLinks(db: Db, links: readonly { invitationId: number; token: string }[]): void {
  db.transaction((tx) => {
    const at = now();
    for (const l of links) {
      tx.insert(invitationLinks).values({ tokenHash: hashToken(l.token), invitationId: l.invitationId }).run();
      tx.update(invitations)
        .set({ linksIssued: sql`${invitations.linksIssued} + 1`, lastLinkAt: at })
        .where(eq(invitations.id, l.invitationId))
        .run();
    }
  });
}

export function recordEmailSent(db: Db, invitationId: number): void {
  db.update(invitations)
    .set({ emailsSent: sql`${invitations.emailsSent} + 1`, lastEmailedAt: now() })
    .where(eq(invitations.id, invitationId))
    .run();
}

export type InvitationContext = { invitation: Invitation; wave: Wave; org: Organisation };

/** The invitation behind a personal link token, with its wave and organisation. */
export function findInvitationByToken(db: Db, token: string): InvitationContext | undefined {
  if (!token || token.length > 200) return undefined;
  const row = db
    .select({ invitation: invitations, wave: waves, org: organisations })
    .from(invitationLinks)
    .innerJoin(invitations, eq(invitationLinks.invitationId, invitations.id))
    .innerJoin(waves, eq(invitations.waveId, waves.id))
    .innerJoin(organisations, eq(waves.orgId, organisations.id))
    .where(eq(invitationLinks.tokenHash, hashToken(token)))
    .get();
  return row ?? undefined;
}

/**
 * Marks the invitation behind a token as completed, once. Call inside the submit transaction so the
 * response and the spent invitation commit together. Nothing that links the two is written.
 */
export function spendInvitation(db: Db, waveId: number, token: string): "spent" | "already_used" | "unknown" {
  const found = findInvitationByToken(db, token);
  if (!found || found.wave.id !== waveId) return "unknown";
  const result = db
    .update(invitations)
    .set({ completed: true })
    .where(and(eq(invitations.id, found.invitation.id), eq(invitations.completed, false)))
    .run();
  return result.changes === 1 ? "spent" : "already_used";
}
