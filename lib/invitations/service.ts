import type { Db } from "../../db/client";
import { recordAudit, type AuditActor } from "../../db/queries/audit";
import { addInvitationLinks, alreadyInvited, invitationCounts, insertInvitations, pendingInvitations, recordEmailSent } from "../../db/queries/invitations";
import type { Organisation, Wave } from "../../db/schema";
import { estimatedMinutes, getQuestionnaire } from "../../questions";
import { isLocale, type Locale } from "../i18n/locale";
import { newToken } from "../../core/tokens";
import { waveAvailability } from "../survey/service";
import { invitationMail, type Mailer } from "./mail";
import { parseRoster } from "./roster";

export type IssuedLink = { email: string; department: string | null; locale: string; link: string };

export type InvitationOutcome =
  | { ok: false; errors: string[]; errorCount: number }
  | {
      ok: true;
      /** New invitations (upload) or pending invitations given a new link (reminder). */
      count: number;
      /** Roster emails that already had an invitation to this wave (left as they were). */
      skipped: string[];
      emailed: number;
      failed: { email: string; reason: string }[];
      /** Links to hand out by other means: all of them without SMTP, the failed ones with it. */
      links: IssuedLink[];
    };

export type InvitationContext = { db: Db; org: Organisation; wave: Wave; baseUrl: string; actor: AuditActor; mailer?: Mailer; minGroupSize: number };

export const invitationLink = (baseUrl: string, token: string) => `${baseUrl}/i/${token}`;

function refuseUnlessInvitable(org: Organisation, wave: Wave): InvitationOutcome | null {
  if (org.archivedAt) return { ok: false, errors: ["this organisation is archived; restore it before inviting people"], errorCount: 1 };
  if (waveAvailability(wave) === "closed") return { ok: false, errors: [`wave ${wave.label} is closed; reopen it before inviting people`], errorCount: 1 };
  return null;
}

/** Sends one email per link; a failure is recorded and that person's link is handed back instead. */
async function deliver(ctx: InvitationContext, people: { id: number; email: string; department: string | null; locale: string; token: string }[], reminder: boolean) {
  const links: IssuedLink[] = [];
  const failed: { email: string; reason: string }[] = [];
  let emailed = 0;
  const q = estimatedMinutes(getQuestionnaire(ctx.wave.questionnaireVersion), ctx.org.departments);
  for (const p of people) {
    const link = invitationLink(ctx.baseUrl, p.token);
    if (!ctx.mailer) {
      links.push({ email: p.email, department: p.department, locale: p.locale, link });
      continue;
    }
    const locale: Locale = isLocale(p.locale) ? p.locale : "en";
    const mail = invitationMail({ locale, org: ctx.org.name, link, items: q.items, minutes: q.minutes, min: ctx.minGroupSize, closesAt: ctx.wave.closesAt, reminder });
    try {
      await ctx.mailer.send({ to: p.email, ...mail });
      await recordEmailSent(ctx.db, p.id);
      emailed++;
    } catch (e) {
      failed.push({ email: p.email, reason: e instanceof Error ? e.message.slice(0, 200) : "sending failed" });
      links.push({ email: p.email, department: p.department, locale: p.locale, link });
    }
  }
  return { links, failed, emailed };
}

/**
 * Creates one single-use personal link per roster row (people already invited to the wave are
 * skipped), then emails the links when a mailer is given. Nothing is stored when the roster has any
 * problem. Only the SHA-256 of each token is stored, so links can be shown only now.
 */
export async function inviteRoster(ctx: InvitationContext, rosterText: string, defaultLocale: Locale): Promise<InvitationOutcome> {
  const refused = refuseUnlessInvitable(ctx.org, ctx.wave);
  if (refused) return refused;
  const roster = parseRoster(rosterText, ctx.org.departments, defaultLocale);
  if (!roster.ok) return roster;
  const existing = await alreadyInvited(ctx.db, ctx.wave.id, roster.entries.map((e) => e.email));
  const fresh = roster.entries.filter((e) => !existing.has(e.email));
  const created = await insertInvitations(
    ctx.db,
    ctx.wave.id,
    fresh.map((e) => ({ email: e.email, department: e.department, locale: e.locale, token: newToken() })),
  );
  await recordAudit(ctx.db, ctx.actor, "invitations_created", `${ctx.org.slug}/${ctx.wave.label}`, created.length);
  const delivered = await deliver(ctx, created, false);
  if (ctx.mailer && delivered.emailed > 0) await recordAudit(ctx.db, ctx.actor, "invitation_emails_sent", `${ctx.org.slug}/${ctx.wave.label}`, delivered.emailed);
  return { ok: true, count: created.length, skipped: [...existing], ...delivered };
}

/**
 * Reminders for everyone invited who has not completed: each gets a new personal link (earlier links
 * keep working until the invitation is used), emailed when a mailer is given.
 */
export async function remindPending(ctx: InvitationContext): Promise<InvitationOutcome> {
  const refused = refuseUnlessInvitable(ctx.org, ctx.wave);
  if (refused) return refused;
  const pending = await pendingInvitations(ctx.db, ctx.wave.id);
  if (pending.length === 0) {
    const nobody = (await invitationCounts(ctx.db, ctx.wave.id)).invited === 0;
    return { ok: false, errors: [nobody ? "nobody has been invited to this wave yet; upload a roster first" : "everyone invited to this wave has completed the survey; there is nobody to remind"], errorCount: 1 };
  }
  const people = pending.map((p) => ({ ...p, token: newToken() }));
  await addInvitationLinks(ctx.db, people.map((p) => ({ invitationId: p.id, token: p.token })));
  await recordAudit(ctx.db, ctx.actor, "invitation_links_reissued", `${ctx.org.slug}/${ctx.wave.label}`, people.length);
  const delivered = await deliver(ctx, people, true);
  if (ctx.mailer && delivered.emailed > 0) await recordAudit(ctx.db, ctx.actor, "invitation_emails_sent", `${ctx.org.slug}/${ctx.wave.label}`, delivered.emailed);
  return { ok: true, count: people.length, skipped: [], ...delivered };
}
