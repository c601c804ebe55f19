import { NextResponse } from "next/server";
import { requireRole } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { invitationContext, outcomeJson } from "@/lib/invitations/http";
import { remindPending } from "@/lib/invitations/service";
import { jsonRoute } from "@/lib/http/json";
import { assertSameOrigin } from "@/lib/http/origin";

type Ctx = { params: Promise<{ slug: string; waveId: string }> };

/** Reminders: a new personal link for everyone invited who has not completed, emailed when SMTP is configured. */
export const POST = jsonRoute<Ctx>(async (request, { params }) => {
  assertSameOrigin(request);
  const user = await requireRole("admin");
  const { slug, waveId } = await params;
  const ctx = invitationContext(request, user, slug, waveId);
  try {
    const outcome = await remindPending(ctx);
    if (!outcome.ok) throw new AppError("conflict", outcome.errors.join("; "));
    return NextResponse.json(outcomeJson(outcome), { headers: { "Cache-Control": "no-store" } });
  } finally {
    ctx.mailer?.close();
  }
});
