import type { NextResponse } from "next/server";
import { RESUME_HEADER, resumeCookieName } from "../survey/service";

const NINETY_DAYS = 60 * 60 * 24 * 90;

/** The resume token from the explicit header (scripts, other devices) or this browser's cookie. */
export function resumeToken(request: Request, code: string): string | undefined {
  const header = request.headers.get(RESUME_HEADER);
  if (header) return header;
  const cookie = request.headers.get("cookie") ?? "";
  const name = resumeCookieName(code);
  for (const part of cookie.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

export function setResumeCookie(response: NextResponse, code: string, token: string, secure: boolean): void {
  response.cookies.set(resumeCookieName(code), token, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: NINETY_DAYS,
  });
}

export function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}
