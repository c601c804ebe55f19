import { hashToken } from "../../core/tokens";
import { transaction, type Db } from "../client";
import { invitations, organisations, waves, type Invitation, type Organisation, type Wave } from "../schema";
import { fromRow, fromRows, insertStatement } from "../sql/rows";

const now = () => new Date().toISOString();

export type NewInvitation = { email: string; department: string | null; locale: string; token: string };

/** Invitations of a wave in roster order. */
export async function listInvitations(db: Db, waveId: number): Promise<Invitation[]> {
  return fromRows(invitations, await db.sql.all("select * from invitations where wave_id = ? order by id", [waveId]));
}

/** How many people were invited to a wave and how many of them completed the survey. */
export async function invitationCounts(db: Db, waveId: number): Promise<{ invited: number; used: number }> {
  const row = await db.sql.get<{ invited: number; used: number }>("select count(*) invited, coalesce(sum(completed), 0) used from invitations where wave_id = ?", [waveId]);
  return { invited: row?.invited ?? 0, used: row?.used ?? 0 };
}

/** The emails (normalised) of a list that already have an invitation to this wave. */
export async function alreadyInvited(db: Db, waveId: number, emails: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < emails.length; i += 500) {
    const chunk = emails.slice(i, i + 500);
    const rows = await db.sql.column<string>(`select email from invitations where wave_id = ? and email in (${chunk.map(() => "?").join(", ")})`, [waveId, ...chunk]);
    for (const email of rows) found.add(email);
  }
  return found;
}

/** Inserts invitations and their first links in one transaction; returns them with their ids. */
export async function insertInvitations(db: Db, waveId: number, entries: readonly NewInvitation[]): Promise<(Invitation & { token: string })[]> {
  return transaction(db, async (tx) => {
    const at = now();
    const out: (Invitation & { token: string })[] = [];
    for (const e of entries) {
      const { text, params } = insertStatement(invitations, { waveId, email: e.email, department: e.department, locale: e.locale, linksIssued: 1, lastLinkAt: at });
      const row = fromRow(invitations, (await tx.sql.get(text, params))!);
      await tx.sql.run("insert into invitation_links (token_hash, invitation_id) values (?, ?)", [hashToken(e.token), row.id]);
      out.push({ ...row, token: e.token });
    }
    return out;
  });
}

/** Invitations of a wave that have not been completed. */
export async function pendingInvitations(db: Db, waveId: number): Promise<Invitation[]> {
  return fromRows(invitations, await db.sql.all("select * from invitations where wave_id = ? and completed = 0 order by id", [waveId]));
}

/** Adds a new link to each invitation (earlier links stay valid until the invitation is used). */
export async function addInvitationLinks(db: Db, links: readonly { invitationId: number; token: string }[]): Promise<void> {
  await transaction(db, async (tx) => {
    const at = now();
    for (const l of links) {
      await tx.sql.run("insert into invitation_links (token_hash, invitation_id) values (?, ?)", [hashToken(l.token), l.invitationId]);
      await tx.sql.run("update invitations set links_issued = links_issued + 1, last_link_at = ? where id = ?", [at, l.invitationId]);
    }
  });
}

export async function recordEmailSent(db: Db, invitationId: number): Promise<void> {
  await db.sql.run("update invitations set emails_sent = emails_sent + 1, last_emailed_at = ? where id = ?", [now(), invitationId]);
}

export type InvitationContext = { invitation: Invitation; wave: Wave; org: Organisation };

/** The invitation behind a personal link token, with its wave and organisation. */
export async function findInvitationByToken(db: Db, token: string): Promise<InvitationContext | undefined> {
  if (!token || token.length > 200) return undefined;
  const invitationId = await db.sql.value<number>("select invitation_id from invitation_links where token_hash = ?", [hashToken(token)]);
  if (invitationId === undefined) return undefined;
  const invitation = await db.sql.get("select * from invitations where id = ?", [invitationId]);
  if (!invitation) return undefined;
  const wave = await db.sql.get("select * from waves where id = ?", [invitation.wave_id]);
  const org = wave && (await db.sql.get("select * from organisations where id = ?", [wave.org_id]));
  if (!wave || !org) return undefined;
  return { invitation: fromRow(invitations, invitation), wave: fromRow(waves, wave), org: fromRow(organisations, org) };
}

/**
 * Marks the invitation behind a token as completed, once. Call inside the submit transaction so the
 * response and the spent invitation commit together. Nothing that links the two is written.
 */
export async function spendInvitation(db: Db, waveId: number, token: string): Promise<"spent" | "already_used" | "unknown"> {
  const found = await findInvitationByToken(db, token);
  if (!found || found.wave.id !== waveId) return "unknown";
  const result = await db.sql.run("update invitations set completed = 1 where id = ? and completed = 0", [found.invitation.id]);
  return result.changes === 1 ? "spent" : "already_used";
}
