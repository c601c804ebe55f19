import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { findResponseByToken } from "@/db/queries/survey";
import { isHttps, setResumeCookie } from "@/lib/http/survey-cookies";
import { lookupWave } from "@/lib/survey/service";

type Ctx = { params: Promise<{ code: string; token: string }> };

/** Relative redirect: behind proxies request.url may not carry the host the browser used. */
function seeOther(location: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { Location: location, "Referrer-Policy": "no-referrer" } });
}

/** A "resume later" link: adopts the draft in this browser, or opens the report once submitted. */
export async function GET(request: Request, { params }: Ctx) {
  const { code, token } = await params;
  const db = getDb();
  const found = lookupWave(db, code);
  const survey = `/s/${encodeURIComponent(code)}`;
  if (!found) return seeOther(survey);
  const row = findResponseByToken(db, token);
  if (!row || row.waveId !== found.wave.id) return seeOther(`${survey}?resume=invalid`);
  if (row.status === "submitted") return seeOther(`/report/${encodeURIComponent(token)}`);
  const response = seeOther(survey);
  setResumeCookie(response, code, token, isHttps(request));
  return response;
}
