import type { Metadata } from "next";
import { prioritiesData } from "@/lib/dashboard/priorities-view";
import { EmptyState } from "../../empty-state";
import { dashboardPage, type DashboardPageProps } from "../../page-context";
import { DashboardShell } from "../../shell";
import { ChangesFigure } from "./changes-figure";
import { PrioritySuggestions } from "./priority-suggestions";
import { RankingFigure } from "./ranking-figure";
import { TrendCoverageFigure } from "./trend-coverage-figure";
import { TrendSeriesFigure } from "./trend-series-figure";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dashboard priorities", robots: { index: false } };

export default async function PrioritiesPage({ params, searchParams }: DashboardPageProps) {
  const { slug } = await params;
  const ctx = await dashboardPage(slug, "priorities", await searchParams);
  const data = await prioritiesData(ctx.db, ctx.scope, ctx.locale);
  const { meta } = data;
  if (meta.status !== "ok") {
    return (
      <DashboardShell ctx={ctx} meta={meta} view="priorities">
        <EmptyState ctx={ctx} meta={meta} />
      </DashboardShell>
    );
  }
  const priorities = data.priorities!;
  const trends = data.trends!;
  const shownWaves = trends.waves.filter((w) => w.shown);
  return (
    <DashboardShell ctx={ctx} meta={meta} view="priorities">
      <RankingFigure ctx={ctx} priorities={priorities} />
      <PrioritySuggestions ctx={ctx} priorities={priorities} />
      <TrendSeriesFigure ctx={ctx} waves={trends.waves} />
      {shownWaves.length > 0 && <TrendCoverageFigure ctx={ctx} shownWaves={shownWaves} capabilityOrder={Object.keys(trends.waves[0]?.coverage ?? {})} />}
      <ChangesFigure ctx={ctx} changes={trends.changes} />
    </DashboardShell>
  );
}
