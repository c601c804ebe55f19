import { minimumGroupSize } from "../core/disclosure/threshold";
import "server-only";
import { z } from "zod";
import { getDb } from "../db/client";
import { findOrganisationBySlug, findWave } from "../db/queries/organisations";
import type { User } from "../db/schema";
import { env } from "../core/env";
import { AppError } from "../core/errors";
import { LOCALES } from "../lib/i18n/locale";
import { requireRole } from "./auth/permissions";
import { assertSameOrigin, baseUrlOf } from "./http/origin";
import { csvLines, BOM } from "../lib/csv/safe-cell";
import { smtpMailer } from "../lib/invitations/mail";
import type { InvitationContext, InvitationOutcome } from "../lib/invitations/service";

export const inviteBodySchema = z
  .object({
    roster: z.string({ error: "must be the roster CSV as text" }).min(1, "is empty; upload or paste a roster CSV"),
    defaultLocale: z.enum(LOCALES, { error: `must be one of ${LOCALES.join(", ")}` }).default("en"),
  })
  .strict();

type WaveParams = { params: Promise<{ slug: string; waveId: string }> };

/**
 * The shared start and end of the admin invitation routes: a same-origin request from an admin, the
 * organisation and wave it names, and the SMTP pool closed whatever happens.
 */
export async function withInvitationContext(request: Request, { params }: WaveParams, work: (ctx: InvitationContext) => Promise<Response>): Promise<Response> {
  assertSameOrigin(request);
  const user = await requireRole("admin");
  const { slug, waveId } = await params;
  const ctx = await invitationContext(request, user, slug, waveId);
  try {
    return await work(ctx);
  } finally {
    ctx.mailer?.close();
  }
}

/** Organisation and wave of an admin invitation request; the wave must belong to the organisation. */
async function invitationContext(request: Request, user: User, slug: string, waveIdParam: string): Promise<InvitationContext> {
  const db = getDb();
  const org = await findOrganisationBySlug(db, slug);
  const waveId = /^\d{1,12}$/.test(waveIdParam) ? Number(waveIdParam) : NaN;
  const wave = org && Number.isFinite(waveId) ? await findWave(db, org.id, waveId) : undefined;
  if (!org || !wave) throw new AppError("not_found", "No such wave");
  const { SMTP_URL, SMTP_FROM } = env();
  return {
    db,
    org,
    wave,
    baseUrl: baseUrlOf(request.headers),
    actor: { id: user.id, email: user.email },
    mailer: SMTP_URL && SMTP_FROM ? smtpMailer(SMTP_URL, SMTP_FROM) : undefined,
    minGroupSize: minimumGroupSize(),
  };
}

export const LINK_CSV_COLUMNS = ["email", "department", "locale", "link"];

/** The JSON answer of an invitation request: the outcome plus the links as a CSV ready to save. */
export function outcomeJson(outcome: InvitationOutcome & { ok: true }) {
  const linksCsv = outcome.links.length
    ? BOM + csvLines([LINK_CSV_COLUMNS, ...outcome.links.map((l) => [l.email, l.department ?? "", l.locale, l.link])])
    : null;
  return { ...outcome, linksCsv };
}
