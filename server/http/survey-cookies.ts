import type { NextResponse } from "next/server";
import { invitationCookieName, RESUME_HEADER, resumeCookieName } from "../../core/survey-cookie-names";

const NINETY_DAYS = 60 * 60 * 24 * 90;
/**
 * A draft's cookie lives 7 days, not 90: on a shared computer (a kiosk, a meeting-room PC) whoever
 * sits down next inherits the cookie and with it the answers in progress. A week is ample to finish
 * a ten-minute survey in a few sittings; after that the private resume link still opens the draft.
 * The cookie is cleared as soon as the response is submitted (docs/decisions/002).
 */
const DRAFT_COOKIE_SECONDS = 60 * 60 * 24 * 7;

function cookieValue(request: Request, name: string): string | undefined {
  const cookie = request.headers.get("cookie") ?? "";
  for (const part of cookie.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) {
      try {
        return decodeURIComponent(v.join("="));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The resume token from the explicit header (scripts, other devices) or this browser's cookie. */
export function resumeToken(request: Request, code: string): string | undefined {
  return request.headers.get(RESUME_HEADER) || cookieValue(request, resumeCookieName(code));
}

/** The personal invitation token this browser arrived with, if any. */
export function invitationToken(request: Request, code: string): string | undefined {
  return cookieValue(request, invitationCookieName(code));
}

export function setInvitationCookie(response: NextResponse, code: string, token: string, secure: boolean): void {
  response.cookies.set(invitationCookieName(code), token, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: NINETY_DAYS });
}

export function clearInvitationCookie(response: NextResponse, code: string, secure: boolean): void {
  response.cookies.set(invitationCookieName(code), "", { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: 0 });
}

export function clearResumeCookie(response: NextResponse, code: string, secure: boolean): void {
  response.cookies.set(resumeCookieName(code), "", { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: 0 });
}

export function setResumeCookie(response: NextResponse, code: string, token: string, secure: boolean): void {
  response.cookies.set(resumeCookieName(code), token, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: DRAFT_COOKIE_SECONDS,
  });
}
