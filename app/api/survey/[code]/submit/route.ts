import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { jsonRoute } from "@/server/http/api-route";
import { readJsonObject } from "@/server/http/json";
import { isHttps } from "@/server/http/https";
import { clearInvitationCookie, clearResumeCookie, invitationToken, resumeToken } from "@/server/http/survey-cookies";
import { submitResponse } from "@/lib/survey/service";

type Ctx = { params: Promise<{ code: string }> };

/**
 * Submits once. The answer carries the report link (a new secret) to this request only; the resume
 * token stops working and this browser's resume cookie is cleared, so the next person at a shared
 * computer starts afresh and sees nothing of this response. A repeat with the old resume token
 * answers 401; one with the report token answers 200 with `alreadySubmitted: true`.
 */
export const POST = jsonRoute<Ctx>(async (request, { params }) => {
  const { code } = await params;
  const body = await readJsonObject(request);
  const invitation = invitationToken(request, code);
  const { outcome, state } = await submitResponse(getDb(), code, resumeToken(request, code), body, invitation);
  const response = NextResponse.json({ ...state, alreadySubmitted: outcome === "already_submitted" });
  const secure = isHttps(request);
  if (invitation) clearInvitationCookie(response, code, secure);
  clearResumeCookie(response, code, secure);
  return response;
});
