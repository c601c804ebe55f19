import { NextResponse } from "next/server";
import { dashboardRequest, PRIVATE_HEADERS } from "@/server/dashboard-request";
import { summaryData } from "@/lib/dashboard/summary";
import { jsonRoute } from "@/server/http/api-route";

type Ctx = { params: Promise<{ slug: string }> };

/** The Summary view's figures (docs/api.md, "Dashboards"). */
export const GET = jsonRoute<Ctx>(async (request, { params }) => {
  const { slug } = await params;
  const { db, scope, locale } = await dashboardRequest(request, slug);
  return NextResponse.json(await summaryData(db, scope, locale), { headers: PRIVATE_HEADERS });
});
