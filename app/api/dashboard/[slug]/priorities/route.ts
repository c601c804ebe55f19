import { NextResponse } from "next/server";
import { prioritiesData } from "@/lib/dashboard/priorities-view";
import { dashboardRequest, PRIVATE_HEADERS } from "@/server/dashboard-request";
import { jsonRoute } from "@/server/http/api-route";

type Ctx = { params: Promise<{ slug: string }> };

/** The Priorities and trends view's figures (docs/api.md, "Dashboards"). */
export const GET = jsonRoute<Ctx>(async (request, { params }) => {
  const { slug } = await params;
  const { db, scope, locale } = await dashboardRequest(request, slug);
  return NextResponse.json(await prioritiesData(db, scope, locale), { headers: PRIVATE_HEADERS });
});
