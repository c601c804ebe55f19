import { analysisData } from "@/lib/dashboard/analysis";
import { DASHBOARD_CSV_COLUMNS, dashboardCsvFilename, dashboardCsvRows } from "@/lib/dashboard/csv";
import { prioritiesData } from "@/lib/dashboard/priorities-view";
import { dashboardRequest, PRIVATE_HEADERS } from "@/server/dashboard-request";
import { summaryData } from "@/lib/dashboard/summary";
import { BOM, csvLines } from "@/lib/csv/safe-cell";
import { jsonRoute } from "@/server/http/api-route";

type Ctx = { params: Promise<{ slug: string }> };

/** Every table of the three views as one CSV (docs/api.md, "Dashboards"); errors are JSON like the other routes. */
export const GET = jsonRoute<Ctx>(async (request, { params }) => {
  const { slug } = await params;
  const { db, scope, locale } = await dashboardRequest(request, slug);
  const summary = await summaryData(db, scope, locale);
  const analysis = await analysisData(db, scope, locale);
  const rows = dashboardCsvRows(summary, analysis, await prioritiesData(db, scope, locale));
  return new Response(BOM + csvLines([[...DASHBOARD_CSV_COLUMNS]]) + csvLines(rows), {
    headers: {
      ...PRIVATE_HEADERS,
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${dashboardCsvFilename(summary.meta)}"`,
    },
  });
});
