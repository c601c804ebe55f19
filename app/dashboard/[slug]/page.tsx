import type { Metadata } from "next";
import { dashboardSearch } from "@/lib/dashboard/query";
import { summaryData } from "@/lib/dashboard/summary";
import { EmptyState } from "../empty-state";
import { dashboardPage, isFilteredView, type DashboardPageProps } from "../page-context";
import { DashboardShell } from "../shell";
import { FindingsFigure } from "./findings-figure";
import { HeadlineActions } from "./headline-actions";
import { IndexFigure } from "./index-figure";
import { ParticipationFigure } from "./participation-figure";
import { SummaryKpis } from "./summary-kpis";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dashboard", robots: { index: false } };

export default async function SummaryPage({ params, searchParams }: DashboardPageProps) {
  const { slug } = await params;
  const ctx = await dashboardPage(slug, "summary", await searchParams);
  const data = await summaryData(ctx.db, ctx.scope, ctx.locale);
  const { meta } = data;
  if (meta.status !== "ok") {
    return (
      <DashboardShell ctx={ctx} meta={meta} view="summary">
        <EmptyState ctx={ctx} meta={meta} />
      </DashboardShell>
    );
  }
  const filtered = isFilteredView(meta);
  return (
    <DashboardShell ctx={ctx} meta={meta} view="summary">
      <SummaryKpis ctx={ctx} data={data} />
      <ParticipationFigure ctx={ctx} participation={data.participation!} filtered={filtered} />
      <IndexFigure ctx={ctx} index={data.index!} organisation={meta.organisation} filtered={filtered} />
      <FindingsFigure ctx={ctx} findings={data.findings!} filtered={filtered} />
      <HeadlineActions ctx={ctx} actions={data.headlineActions} prioritiesHref={`/dashboard/${meta.organisation.slug}/priorities${dashboardSearch(ctx.scope.query)}`} />
    </DashboardShell>
  );
}
