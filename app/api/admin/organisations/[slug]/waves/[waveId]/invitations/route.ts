import { NextResponse } from "next/server";
import { AppError } from "@/core/errors";
import { inviteBodySchema, outcomeJson, withInvitationContext } from "@/server/invitations-http";
import { inviteRoster } from "@/lib/invitations/service";
import { fieldsFromZod } from "@/core/field-errors";
import { jsonRoute } from "@/server/http/api-route";
import { readJsonObject, ROSTER_UPLOAD_MAX_BYTES } from "@/server/http/json";

type Ctx = { params: Promise<{ slug: string; waveId: string }> };

/** Upload a roster: one single-use personal link per person, emailed when SMTP is configured. */
export const POST = jsonRoute<Ctx>((request, context) =>
  withInvitationContext(request, context, async (ctx) => {
    const body = inviteBodySchema.safeParse(await readJsonObject(request, ROSTER_UPLOAD_MAX_BYTES));
    if (!body.success) throw new AppError("validation_failed", "The request has invalid fields", fieldsFromZod(body.error));
    const outcome = await inviteRoster(ctx, body.data.roster, body.data.defaultLocale);
    if (!outcome.ok) {
      throw new AppError("validation_failed", `The roster was not imported: ${outcome.errorCount} problem(s)`, { roster: outcome.errors.join("\n") });
    }
    return NextResponse.json(outcomeJson(outcome), { status: 201, headers: { "Cache-Control": "no-store" } });
  }),
);
