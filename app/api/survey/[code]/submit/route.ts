import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { jsonRoute, readJsonObject } from "@/lib/http/json";
import { clearInvitationCookie, invitationToken, isHttps, resumeToken } from "@/lib/http/survey-cookies";
import { submitResponse } from "@/lib/survey/service";

type Ctx = { params: Promise<{ code: string }> };

/** Idempotent: the first call submits; any repeat answers 200 with `alreadySubmitted: true`. */
export const POST = jsonRoute<Ctx>(async (request, { params }) => {
  const { code } = await params;
  const body = await readJsonObject(request);
  const invitation = invitationToken(request, code);
  const { outcome, state } = submitResponse(getDb(), code, resumeToken(request, code), body, invitation);
  const response = NextResponse.json({ ...state, alreadySubmitted: outcome === "already_submitted" });
  if (invitation) clearInvitationCookie(response, code, isHttps(request));
  return response;
});
