import type { Metadata } from "next";
import { analysisData } from "@/lib/dashboard/analysis";
import { format } from "@/lib/i18n/messages";
import { BarChart } from "../../charts/bar-chart";
import { ScatterChart } from "../../charts/scatter-chart";
import { EmptyState } from "../../empty-state";
import { Figure } from "../../figure";
import { fmtInterval, fmtNum, fmtPct, fmtSigned } from "../../format";
import { dashboardPage } from "../../page-context";
import { PALETTE } from "../../palette";
import { DashboardShell } from "../../shell";
import { HeatmapFigure } from "./heatmap-figure";
import { ReliabilityCard } from "./reliability-card";
import { rhoSentence } from "@/lib/benchmark/sentences";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dashboard analysis", robots: { index: false } };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AnalysisPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const ctx = await dashboardPage(slug, "analysis", await searchParams);
  const { m, locale, labels, scope } = ctx;
  const data = analysisData(ctx.db, scope, locale);
  const { meta } = data;
  const a = m.analysis;
  if (meta.status !== "ok") {
    return (
      <DashboardShell ctx={ctx} meta={meta} view="analysis">
        <EmptyState ctx={ctx} meta={meta} />
      </DashboardShell>
    );
  }
  const filtered = meta.filter.department !== undefined || meta.filter.seniority !== undefined;
  const ours = filtered ? m.common.thisGroup : m.common.yourOrganisation;
  const coverage = data.coverage!;
  const perception = data.perception!;
  const heatmap = data.heatmap!;
  const seniority = data.seniority!;
  const dist = data.distribution!;
  const alpha = data.alpha!;
  const scatter = data.organisationLevel!;
  const names = coverage.map((c) => labels.capability(c.capability));
  const f5 = seniority.organisation.suppressed ? null : seniority.organisation;
  const orgDist = dist.organisation.suppressed ? null : dist.organisation;
  const benchDist = dist.benchmark.suppressed ? null : dist.benchmark;
  const first = coverage[0]?.organisation;
  const coverageN = first && !first.suppressed ? first.n : null;
  const binLabels = (orgDist ?? benchDist)?.bins.map((b) => `${b.from}–${b.to}`) ?? [];

  return (
    <DashboardShell ctx={ctx} meta={meta} view="analysis">
      <Figure
        id="coverage"
        title={a.coverageTitle}
        caption={a.coverageCaption}
        layout="half"
        chart={
          <BarChart
            horizontal
            categories={names}
            series={[
              {
                label: ours,
                values: coverage.map((c) => (c.organisation.suppressed ? null : c.organisation.pct)),
                ci: coverage.map((c) => (c.organisation.suppressed ? null : c.organisation.ci95)),
                color: PALETTE.organisation,
              },
              { label: m.common.median, values: coverage.map((c) => (c.benchmark.suppressed ? null : c.benchmark.median)), color: PALETTE.median, kind: "marker", marker: "line" },
              { label: m.common.topQuartile, values: coverage.map((c) => (c.benchmark.suppressed ? null : c.benchmark.topQuartile)), color: PALETTE.topQuartile, kind: "marker", marker: "rectRot" },
            ]}
            min={0}
            max={100}
            unit="%"
            height={420}
            label={a.coverageCaption}
            intervalLabel={m.common.interval}
          />
        }
        table={
          <table className="data" data-testid="coverage-table">
            <caption>{a.coverageTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{m.common.capability}</th>
                <th scope="col" className="num">{a.coverage}</th>
                <th scope="col" className="num">{m.common.interval}</th>
                <th scope="col" className="num">{m.common.medianShort}</th>
                <th scope="col" className="num">{m.common.topQuartileShort}</th>
              </tr>
            </thead>
            <tbody>
              {coverage.map((c, i) => (
                <tr key={c.capability}>
                  <th scope="row">{names[i]}</th>
                  <td className="num">{c.organisation.suppressed ? m.common.tooFew : fmtPct(c.organisation.pct, locale)}</td>
                  <td className="num">{c.organisation.suppressed ? "–" : fmtInterval(c.organisation.ci95, locale)}</td>
                  <td className="num">{c.benchmark.suppressed ? "–" : fmtPct(c.benchmark.median, locale)}</td>
                  <td className="num">{c.benchmark.suppressed ? "–" : fmtPct(c.benchmark.topQuartile, locale)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td colSpan={5} className="muted small">
                  n = {fmtNum(coverageN, locale)}
                  {coverage[0] && !coverage[0].benchmark.suppressed ? ` · ${format(m.common.orgsInGroup, { n: fmtNum(coverage[0].benchmark.organisations, locale) })}` : ""}
                </td>
              </tr>
            </tfoot>
          </table>
        }
      />

      <HeatmapFigure heatmap={heatmap} ctx={ctx} minGroupSize={meta.minGroupSize} filtered={filtered} />

      <Figure
        id="perception"
        title={a.perceptionTitle}
        caption={a.perceptionCaption}
        layout="half"
        chart={
          <BarChart
            horizontal
            categories={names}
            series={[
              { label: a.believed, values: perception.map((p) => (p.perceived.suppressed ? null : p.perceived.pct)), color: PALETTE.benchmark },
              { label: a.measured, values: perception.map((p) => (p.measured.suppressed ? null : p.measured.pct)), color: PALETTE.organisation },
            ]}
            min={0}
            max={100}
            unit="%"
            height={440}
            label={a.perceptionCaption}
          />
        }
        table={
          <table className="data" data-testid="perception-table">
            <caption>{a.perceptionTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{m.common.capability}</th>
                <th scope="col" className="num">{a.believed}</th>
                <th scope="col" className="num">{a.measured}</th>
                <th scope="col" className="num">{a.gap}</th>
                <th scope="col" className="num">{a.benchmarkGap}</th>
              </tr>
            </thead>
            <tbody>
              {perception.map((p, i) => (
                <tr key={p.capability}>
                  <th scope="row">{names[i]}</th>
                  <td className="num">{p.perceived.suppressed ? m.common.tooFew : fmtPct(p.perceived.pct, locale)}</td>
                  <td className="num">{p.measured.suppressed ? m.common.tooFew : fmtPct(p.measured.pct, locale)}</td>
                  <td className="num">{p.gap.suppressed ? "–" : fmtSigned(p.gap.points, locale)}</td>
                  <td className="num">{p.benchmarkGap.suppressed ? "–" : fmtSigned(p.benchmarkGap.points, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />

      <Figure
        id="seniority"
        title={a.seniorityTitle}
        caption={a.seniorityCaption}
        layout="side"
        chart={
          f5 ? (
            <BarChart
              categories={[a.perceived, a.measuredCoverage, a.allThree]}
              series={[
                { label: a.senior, values: [f5.senior.perceivedCoverage, f5.senior.measuredCoverage, f5.senior.allThree.pct], ci: [null, null, f5.senior.allThree.ci95], color: PALETTE.senior },
                { label: a.staff, values: [f5.staff.perceivedCoverage, f5.staff.measuredCoverage, f5.staff.allThree.pct], ci: [null, null, f5.staff.allThree.ci95], color: PALETTE.staff },
              ]}
              min={0}
              max={100}
              unit="%"
              height={280}
              label={a.seniorityCaption}
              intervalLabel={m.common.interval}
            />
          ) : undefined
        }
        table={
          f5 ? (
            <table className="data" data-testid="seniority-table">
              <caption>{a.seniorityTitle}</caption>
              <thead>
                <tr>
                  <th scope="col" />
                  <th scope="col" className="num">{a.senior}</th>
                  <th scope="col" className="num">{a.staff}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{m.common.respondents}</th>
                  <td className="num">{fmtNum(f5.senior.n, locale)}</td>
                  <td className="num">{fmtNum(f5.staff.n, locale)}</td>
                </tr>
                <tr>
                  <th scope="row">{a.perceived}</th>
                  <td className="num">{fmtPct(f5.senior.perceivedCoverage, locale)}</td>
                  <td className="num">{fmtPct(f5.staff.perceivedCoverage, locale)}</td>
                </tr>
                <tr>
                  <th scope="row">{a.measuredCoverage}</th>
                  <td className="num">{fmtPct(f5.senior.measuredCoverage, locale)}</td>
                  <td className="num">{fmtPct(f5.staff.measuredCoverage, locale)}</td>
                </tr>
                <tr>
                  <th scope="row">{a.allThree}</th>
                  <td className="num">{fmtPct(f5.senior.allThree.pct, locale)}</td>
                  <td className="num">{fmtPct(f5.staff.allThree.pct, locale)}</td>
                </tr>
              </tbody>
            </table>
          ) : undefined
        }
      >
        <div className="sentences" data-testid="sentence-f5">
          {seniority.sentences.map((t) => (
            <p key={t}>{t}</p>
          ))}
        </div>
      </Figure>

      <Figure
        id="distribution"
        title={a.distributionTitle}
        caption={a.distributionCaption}
        layout="side"
        chart={
          <BarChart
            categories={binLabels}
            series={[
              { label: ours, values: orgDist ? orgDist.bins.map((b) => b.pct) : binLabels.map(() => null), color: PALETTE.organisation },
              { label: m.common.benchmarkAll, values: benchDist ? benchDist.bins.map((b) => b.pct) : binLabels.map(() => null), color: PALETTE.benchmark },
            ]}
            min={0}
            unit="%"
            height={360}
            label={a.distributionCaption}
          />
        }
        table={
          <table className="data" data-testid="distribution-table">
            <caption>{a.distributionTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{a.band}</th>
                <th scope="col" className="num">{ours}</th>
                <th scope="col" className="num">{m.common.benchmarkAll}</th>
              </tr>
            </thead>
            <tbody>
              {(["developing", "capable", "proficient"] as const).map((band) => (
                <tr key={band}>
                  <th scope="row">{a.bands[band]}</th>
                  <td className="num">{orgDist ? fmtPct(orgDist.bandShares[band], locale) : "–"}</td>
                  <td className="num">{benchDist ? fmtPct(benchDist.bandShares[band], locale) : "–"}</td>
                </tr>
              ))}
              {binLabels.map((label, i) => (
                <tr key={label} className="row-minor">
                  <th scope="row">{label}</th>
                  <td className="num">{orgDist ? fmtPct(orgDist.bins[i]!.pct, locale) : "–"}</td>
                  <td className="num">{benchDist ? fmtPct(benchDist.bins[i]!.pct, locale) : "–"}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td colSpan={3} className="muted small">
                  n = {fmtNum(orgDist?.n, locale)} · {m.common.benchmarkAll}: n = {fmtNum(benchDist?.n, locale)}
                </td>
              </tr>
            </tfoot>
          </table>
        }
      />

      <ReliabilityCard alpha={alpha} ctx={ctx} />

      <Figure
        id="scatter"
        title={a.scatterTitle}
        caption={a.scatterCaption}
        layout="side"
        chart={
          scatter.suppressed ? undefined : (
            <ScatterChart
              others={scatter.others}
              self={scatter.self}
              othersLabel={a.others}
              selfLabel={m.common.yourOrganisation}
              xLabel={a.scatterX}
              yLabel={a.scatterY}
              label={a.scatterCaption}
            />
          )
        }
        table={
          scatter.suppressed ? undefined : (
            <table className="data" data-testid="scatter-table">
              <caption>{a.quarter}</caption>
              <thead>
                <tr>
                  <th scope="col">{a.quarter}</th>
                  <th scope="col" className="num">{m.common.organisations}</th>
                  <th scope="col" className="num">{a.medianCustomer}</th>
                </tr>
              </thead>
              <tbody>
                {scatter.quarters.map((q) => (
                  <tr key={q.quarter}>
                    <th scope="row">{format(a.quarterLabel, { q: q.quarter, from: fmtNum(q.from, locale), to: fmtNum(q.to, locale) })}</th>
                    <td className="num">{fmtNum(q.organisations, locale)}</td>
                    <td className="num">{fmtPct(q.medianCustomerAgree, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      >
        {scatter.suppressed ? (
          <p className="muted">{a.scatterHidden}</p>
        ) : (
          <div className="sentences">
            <p>{rhoSentence(scatter, a, locale)}</p>
            {scatter.self && <p>{format(a.yourPoint, { x: fmtNum(scatter.self.x, locale), y: fmtNum(scatter.self.y, locale) })}</p>}
          </div>
        )}
      </Figure>
    </DashboardShell>
  );
}
