import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { negotiateLocale } from "@/lib/i18n/locale";
import { jsonRoute } from "@/server/http/api-route";
import { readJsonObject } from "@/server/http/json";
import { isHttps } from "@/server/http/https";
import { invitationToken, setResumeCookie } from "@/server/http/survey-cookies";
import { startResponse } from "@/lib/survey/service";

type Ctx = { params: Promise<{ code: string }> };

export const POST = jsonRoute<Ctx>(async (request, { params }) => {
  const { code } = await params;
  const body = await readJsonObject(request);
  const { token, state } = await startResponse(getDb(), code, body, negotiateLocale(request.headers.get("accept-language")), invitationToken(request, code));
  const response = NextResponse.json({ token, ...state }, { status: 201 });
  setResumeCookie(response, code, token, isHttps(request));
  return response;
});
