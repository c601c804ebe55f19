import { NextResponse } from "next/server";
import { AppError } from "@/core/errors";
import { outcomeJson, withInvitationContext } from "@/server/invitations-http";
import { remindPending } from "@/lib/invitations/service";
import { jsonRoute } from "@/server/http/api-route";

type Ctx = { params: Promise<{ slug: string; waveId: string }> };

/** Reminders: a new personal link for everyone invited who has not completed, emailed when SMTP is configured. */
export const POST = jsonRoute<Ctx>((request, context) =>
  withInvitationContext(request, context, async (ctx) => {
    const outcome = await remindPending(ctx);
    if (!outcome.ok) throw new AppError("conflict", outcome.errors.join("; "));
    return NextResponse.json(outcomeJson(outcome), { headers: { "Cache-Control": "no-store" } });
  }),
);
