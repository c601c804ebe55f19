import { NextResponse } from "next/server";
import { analysisData } from "@/lib/dashboard/analysis";
import { dashboardRequest, PRIVATE_HEADERS } from "@/server/dashboard-request";
import { jsonRoute } from "@/server/http/api-route";

type Ctx = { params: Promise<{ slug: string }> };

/** The Analysis view's figures (docs/api.md, "Dashboards"). */
export const GET = jsonRoute<Ctx>(async (request, { params }) => {
  const { slug } = await params;
  const { db, scope, locale } = await dashboardRequest(request, slug);
  return NextResponse.json(await analysisData(db, scope, locale), { headers: PRIVATE_HEADERS });
});
