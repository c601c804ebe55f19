import { minimumGroupSize } from "@/core/disclosure/threshold";
import "server-only";
import { headers } from "next/headers";
import { getDb, type Db } from "@/db/client";
import type { DashboardMeta } from "@/lib/dashboard/common";
import { requireDashboardPage } from "@/server/auth/dashboard-guard";
import { parseDashboardQuery, type DashboardQuery } from "@/lib/dashboard/query";
import { resolveScope, type DashboardScope } from "@/lib/dashboard/scope";
import { AppError } from "@/core/errors";
import { baseUrlOf } from "@/server/http/origin";
import { dashboardMessages, type DashboardMessages } from "@/lib/i18n/dashboard-messages";
import type { Locale } from "@/lib/i18n/locale";
import { currentLocale } from "@/server/i18n";
import { dashboardLabels, type DashboardLabels } from "./format";

export type DashboardView = "summary" | "analysis" | "priorities";

export const VIEW_PATHS: Record<DashboardView, string> = { summary: "", analysis: "/analysis", priorities: "/priorities" };

/** What Next passes to every dashboard page. */
export type DashboardPageProps = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A department or seniority level is chosen: the figures are that group's, not the whole organisation's. */
export function isFilteredView(meta: DashboardMeta): boolean {
  return meta.filter.department !== undefined || meta.filter.seniority !== undefined;
}

export type PageContext = {
  db: Db;
  scope: DashboardScope;
  locale: Locale;
  m: DashboardMessages;
  labels: DashboardLabels;
  /** Problems with the address's filters, already replaced by the defaults. */
  invalid: Record<string, string> | null;
  origin: string;
};

/**
 * The start of every dashboard page: the access check (sign-in or not found), then the filters. A
 * bad filter in the address does not fail the page: it shows the whole organisation's latest wave
 * with a notice naming what was wrong.
 */
export async function dashboardPage(slug: string, view: DashboardView, searchParams: Record<string, string | string[] | undefined>): Promise<PageContext> {
  const { org } = await requireDashboardPage(slug, `/dashboard/${slug}${VIEW_PATHS[view]}`);
  const db = getDb();
  const min = minimumGroupSize();
  const locale = await currentLocale();
  const m = dashboardMessages(locale);
  const parsed = parseDashboardQuery(searchParams);
  let invalid: Record<string, string> | null = parsed.ok ? null : parsed.fields;
  const query: DashboardQuery = parsed.ok ? parsed.query : {};
  let scope: DashboardScope;
  try {
    scope = await resolveScope(db, org, query, min);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "validation_failed") throw error;
    invalid = { ...invalid, ...error.fields };
    scope = await resolveScope(db, org, {}, min);
  }
  // The survey link a lead shares: PUBLIC_URL when set, like the invitation links.
  const origin = baseUrlOf(await headers());
  return { db, scope, locale, m, labels: dashboardLabels(locale, m, scope.wave?.questionnaireVersion ?? 1), invalid, origin };
}
