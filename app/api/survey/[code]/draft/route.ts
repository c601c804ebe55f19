import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { jsonRoute } from "@/server/http/api-route";
import { readJsonObject } from "@/server/http/json";
import { resumeToken } from "@/server/http/survey-cookies";
import { draftState, requireOpenWave, requireResponse, saveAnswers } from "@/lib/survey/service";

type Ctx = { params: Promise<{ code: string }> };

export const GET = jsonRoute<Ctx>(async (request, { params }) => {
  const { code } = await params;
  const db = getDb();
  const { wave } = await requireOpenWave(db, code);
  const token = resumeToken(request, code);
  const row = await requireResponse(db, wave.id, token);
  return NextResponse.json(draftState(row, code, token!));
});

export const PUT = jsonRoute<Ctx>(async (request, { params }) => {
  const { code } = await params;
  const body = await readJsonObject(request);
  return NextResponse.json(await saveAnswers(getDb(), code, resumeToken(request, code), body));
});
