import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { errorResponse } from "@/server/http/error-response";
import { isHttps } from "@/server/http/https";
import { crossSiteRefusal, originAllowed } from "@/server/http/origin";
import { setResumeCookie } from "@/server/http/survey-cookies";
import { adoptDraft } from "@/lib/survey/service";

type Ctx = { params: Promise<{ code: string; token: string }> };

/** Relative redirect: behind proxies request.url may not carry the host the browser used. */
function seeOther(location: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { Location: location, "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" } });
}

/**
 * The confirmation of a resume link (the form on ../page.tsx): moves the draft into this browser
 * under a new token. The link's token stops working, so whoever else holds the link (or sent it)
 * cannot read what is answered from now on. Only a same-origin POST can do this: a link, an image
 * or another site's form cannot change this browser's draft.
 */
export async function POST(request: Request, { params }: Ctx) {
  const { code, token } = await params;
  if (!originAllowed(request.headers)) return errorResponse(crossSiteRefusal());
  const survey = `/s/${encodeURIComponent(code)}`;
  const fresh = await adoptDraft(getDb(), code, token);
  if (!fresh) return seeOther(`${survey}?resume=invalid`);
  const response = seeOther(survey);
  setResumeCookie(response, code, fresh, isHttps(request));
  return response;
}
