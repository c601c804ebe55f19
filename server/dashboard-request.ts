import { minimumGroupSize } from "../core/disclosure/threshold";
import "server-only";
import { getDb, type Db } from "../db/client";
import type { Organisation } from "../db/schema";
import { requireOrgAccess } from "./auth/permissions";
import type { Locale } from "../lib/i18n/locale";
import { currentLocale } from "./i18n";
import { requireDashboardQuery } from "../lib/dashboard/query";
import { resolveScope, type DashboardScope } from "../lib/dashboard/scope";

/**
 * Everything a dashboard JSON or CSV route starts with, in this order: the caller may see the
 * organisation (401 signed out, 404 otherwise, exactly as for a slug that does not exist), the query
 * is valid (400 naming each bad parameter), and the wave and group resolve (400).
 */
export async function dashboardRequest(request: Request, slug: string): Promise<{ db: Db; org: Organisation; scope: DashboardScope; locale: Locale }> {
  const { org } = await requireOrgAccess(slug);
  const query = requireDashboardQuery(new URL(request.url).searchParams);
  const db = getDb();
  const scope = await resolveScope(db, org, query, minimumGroupSize());
  return { db, org, scope, locale: await currentLocale() };
}

export const PRIVATE_HEADERS = { "cache-control": "private, no-store" } as const;
