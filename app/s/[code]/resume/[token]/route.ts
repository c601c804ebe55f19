import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { findResponseByToken } from "@/db/queries/survey";
import { isHttps, setResumeCookie } from "@/lib/http/survey-cookies";
import { lookupWave } from "@/lib/survey/service";

type Ctx = { params: Promise<{ code: string; token: string }> };

/** A "resume later" link: adopts the draft in this browser, or opens the report once submitted. */
export async function GET(request: Request, { params }: Ctx) {
  const { code, token } = await params;
  const db = getDb();
  const found = lookupWave(db, code);
  const row = findResponseByToken(db, token);
  if (!found) return NextResponse.redirect(new URL(`/s/${encodeURIComponent(code)}`, request.url), 303);
  if (!row || row.waveId !== found.wave.id) {
    return NextResponse.redirect(new URL(`/s/${encodeURIComponent(code)}?resume=invalid`, request.url), 303);
  }
  if (row.status === "submitted") return NextResponse.redirect(new URL(`/report/${token}`, request.url), 303);
  const response = NextResponse.redirect(new URL(`/s/${encodeURIComponent(code)}`, request.url), 303);
  setResumeCookie(response, code, token, isHttps(request));
  response.headers.set("Referrer-Policy", "no-referrer");
  return response;
}
