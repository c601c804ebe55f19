import type { Metadata } from "next";
import { analysisData } from "@/lib/dashboard/analysis";
import { EmptyState } from "../../empty-state";
import { dashboardPage, isFilteredView, type DashboardPageProps } from "../../page-context";
import { DashboardShell } from "../../shell";
import { CoverageFigure } from "./coverage-figure";
import { DistributionFigure } from "./distribution-figure";
import { HeatmapFigure } from "./heatmap-figure";
import { PerceptionFigure } from "./perception-figure";
import { ReliabilityCard } from "./reliability-card";
import { ScatterFigure } from "./scatter-figure";
import { SeniorityFigure } from "./seniority-figure";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dashboard analysis", robots: { index: false } };

export default async function AnalysisPage({ params, searchParams }: DashboardPageProps) {
  const { slug } = await params;
  const ctx = await dashboardPage(slug, "analysis", await searchParams);
  const { m, labels } = ctx;
  const data = await analysisData(ctx.db, ctx.scope, ctx.locale);
  const { meta } = data;
  if (meta.status !== "ok") {
    return (
      <DashboardShell ctx={ctx} meta={meta} view="analysis">
        <EmptyState ctx={ctx} meta={meta} />
      </DashboardShell>
    );
  }
  const filtered = isFilteredView(meta);
  const ours = filtered ? m.common.thisGroup : m.common.yourOrganisation;
  const coverage = data.coverage!;
  const names = coverage.map((c) => labels.capability(c.capability));
  return (
    <DashboardShell ctx={ctx} meta={meta} view="analysis">
      <CoverageFigure ctx={ctx} coverage={coverage} names={names} ours={ours} />
      <HeatmapFigure heatmap={data.heatmap!} ctx={ctx} minGroupSize={meta.minGroupSize} filtered={filtered} />
      <PerceptionFigure ctx={ctx} perception={data.perception!} names={names} />
      <SeniorityFigure ctx={ctx} seniority={data.seniority!} />
      <DistributionFigure ctx={ctx} distribution={data.distribution!} ours={ours} />
      <ReliabilityCard alpha={data.alpha!} ctx={ctx} />
      <ScatterFigure ctx={ctx} organisationLevel={data.organisationLevel!} />
    </DashboardShell>
  );
}
