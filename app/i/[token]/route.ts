import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { findInvitationByToken } from "@/db/queries/invitations";
import { findResponseByToken } from "@/db/queries/survey";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locale";
import { isHttps } from "@/server/http/https";
import { clearResumeCookie, resumeToken, setInvitationCookie } from "@/server/http/survey-cookies";

type Ctx = { params: Promise<{ token: string }> };

/** Relative redirect (behind proxies request.url may not carry the browser's host); the token never leaks as a referrer. */
function seeOther(location: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { Location: location, "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" } });
}

/**
 * A personal invitation link. A valid, unused one opens the survey with the invitation cookie (spent
 * on submission); a used one explains that it was used; anything else says the link is unknown.
 */
export async function GET(request: Request, { params }: Ctx) {
  const { token } = await params;
  const db = getDb();
  const found = await findInvitationByToken(db, token);
  if (!found) return seeOther("/i/unknown");
  if (found.invitation.completed) return seeOther("/i/used");
  const { wave, invitation } = found;
  const secure = isHttps(request);
  const response = seeOther(`/s/${encodeURIComponent(wave.code)}`);
  setInvitationCookie(response, wave.code, token, secure);
  // Someone else's finished response in this browser (a shared computer) must not stand in the way.
  const earlier = resumeToken(request, wave.code);
  const row = earlier ? await findResponseByToken(db, earlier) : undefined;
  if (row && row.status === "submitted") clearResumeCookie(response, wave.code, secure);
  const hasLocale = (request.headers.get("cookie") ?? "").split(";").some((c) => c.trim().startsWith(`${LOCALE_COOKIE}=`));
  if (!hasLocale && isLocale(invitation.locale)) {
    response.cookies.set(LOCALE_COOKIE, invitation.locale, { path: "/", maxAge: 31_536_000, sameSite: "lax", secure });
  }
  return response;
}
