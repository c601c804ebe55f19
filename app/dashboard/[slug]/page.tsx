import type { Metadata } from "next";
import Link from "next/link";
import type { GroupComparison } from "@/lib/benchmark/compare";
import type { SplitFinding } from "@/lib/benchmark/figures";
import { comparisonDetails } from "@/lib/benchmark/sentences";
import { dashboardSearch } from "@/lib/dashboard/query";
import { summaryData } from "@/lib/dashboard/summary";
import { format } from "@/lib/i18n/messages";
import { BarChart, type BarSeries } from "../charts/bar-chart";
import { ParticipationChart } from "../charts/participation-chart";
import { EmptyState } from "../empty-state";
import { Figure } from "../figure";
import { fmtDay, fmtInterval, fmtNum, fmtPct } from "../format";
import { dashboardPage } from "../page-context";
import { PALETTE } from "../palette";
import { DashboardShell } from "../shell";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dashboard", robots: { index: false } };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SummaryPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const ctx = await dashboardPage(slug, "summary", await searchParams);
  const { m, locale, labels, scope } = ctx;
  const data = summaryData(ctx.db, scope, locale);
  const { meta } = data;
  const filtered = meta.filter.department !== undefined || meta.filter.seniority !== undefined;
  const s = m.summary;

  if (meta.status !== "ok") {
    return (
      <DashboardShell ctx={ctx} meta={meta} view="summary">
        <EmptyState ctx={ctx} meta={meta} />
      </DashboardShell>
    );
  }

  const p = data.participation!;
  const index = data.index!;
  const f = data.findings!;
  const orgIndex = index.organisation.suppressed ? null : index.organisation;
  const benchIndex = index.benchmark.suppressed ? null : index.benchmark;
  const rankAll = index.comparison && !index.comparison.all.suppressed ? index.comparison.all : null;
  const f1 = f.f1.organisation.suppressed ? null : f.f1.organisation;

  // Index against comparison groups.
  const groups: { key: string; label: string; g: GroupComparison }[] = index.comparison
    ? [
        { key: "all", label: s.groupAll, g: index.comparison.all },
        { key: "sector", label: format(s.groupSector, { sector: meta.organisation.sector }), g: index.comparison.sector },
        { key: "size", label: format(s.groupSize, { size: labels.sizeBand(meta.organisation.sizeBand) }), g: index.comparison.sizeBand },
      ]
    : [{ key: "all", label: s.groupAll, g: index.benchmark }];
  const shownGroups = groups.filter((x) => !x.g.suppressed) as { key: string; label: string; g: Extract<GroupComparison, { suppressed: false }> }[];
  const hiddenGroups = groups.filter((x) => x.g.suppressed);

  // Findings chart: seven bars per series.
  const splitBars = (x: SplitFinding) => (x.suppressed ? [null, null] : [x.yes.agree, x.no.agree]);
  const orgBars = [f.f1.organisation.suppressed ? null : f.f1.organisation.agree, ...splitBars(f.f2.organisation), ...splitBars(f.f3.organisation), ...splitBars(f.f4.organisation)];
  const benchBars = [f.f1.benchmark.suppressed ? null : f.f1.benchmark.agree, ...splitBars(f.f2.benchmark), ...splitBars(f.f3.benchmark), ...splitBars(f.f4.benchmark)];
  const L = s.findingLabels;
  const findingCategories = [L.f1, L.f2Yes, L.f2No, L.f3Yes, L.f3No, L.f4Yes, L.f4No];
  const findingSeries: BarSeries[] = [
    { label: filtered ? m.common.thisGroup : m.common.yourOrganisation, values: orgBars.map((b) => b?.pct ?? null), ci: orgBars.map((b) => b?.ci95 ?? null), color: PALETTE.organisation },
    { label: m.common.benchmarkAll, values: benchBars.map((b) => b?.pct ?? null), ci: benchBars.map((b) => b?.ci95 ?? null), color: PALETTE.benchmark },
  ];
  const search = dashboardSearch(scope.query);

  return (
    <DashboardShell ctx={ctx} meta={meta} view="summary">
      <div className="kpis" data-testid="kpis">
        <div className="kpi">
          <p className="kpi-label">{s.kpiResponses}</p>
          <p className="kpi-value" data-testid="kpi-responses">{fmtNum(p.responses, locale)}</p>
          <p className="kpi-help">{p.invited !== null ? format(s.kpiInvited, { responded: fmtNum(p.invitedResponded, locale), invited: fmtNum(p.invited, locale), share: fmtNum(p.shareOfInvited, locale) }) : s.kpiNoInvitations}</p>
        </div>
        <div className="kpi">
          <p className="kpi-label">{s.kpiIndex}</p>
          <p className="kpi-value">{fmtNum(orgIndex?.mean, locale, 1)}<small>/ 100</small></p>
          <p className="kpi-help">
            {benchIndex ? `${m.common.median} ${fmtNum(benchIndex.median, locale, 1)} · ${m.common.topQuartile} ${fmtNum(benchIndex.topQuartile, locale, 1)}` : s.kpiIndexHelp}
          </p>
        </div>
        <div className="kpi">
          <p className="kpi-label">{s.kpiRank}</p>
          <p className="kpi-value">{rankAll ? fmtNum(rankAll.percentileRank, locale) : "–"}</p>
          <p className="kpi-help">{rankAll ? format(s.kpiRankHelp, { rank: fmtNum(rankAll.percentileRank, locale) }) : s.kpiRankHidden}</p>
        </div>
        <div className="kpi">
          <p className="kpi-label">{s.kpiCustomers}</p>
          <p className="kpi-value">{fmtPct(f1?.agree.pct, locale)}</p>
          <p className="kpi-help">{s.kpiCustomersHelp}</p>
        </div>
      </div>

      <Figure
        id="participation"
        title={s.participationTitle}
        caption={`${s.participationCaption}${filtered ? ` ${s.participationWhole}` : ""}`}
        chart={
          <ParticipationChart
            days={p.byDay.map((d) => fmtDay(d.day, locale))}
            counts={p.byDay.map((d) => d.count)}
            cumulative={p.byDay.map((d) => d.cumulative)}
            perDayLabel={s.perDay}
            cumulativeLabel={s.cumulative}
            label={s.participationCaption}
          />
        }
      >
        <details className="table-details">
          <summary>{m.common.showTable}</summary>
          <div className="data-table-wrap scroll-y">
            <table className="data" data-testid="participation-table">
              <caption>{s.participationCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{s.day}</th>
                  <th scope="col" className="num">{s.perDay}</th>
                  <th scope="col" className="num">{s.cumulative}</th>
                </tr>
              </thead>
              <tbody>
                {p.byDay.map((d) => (
                  <tr key={d.day}>
                    <th scope="row">{fmtDay(d.day, locale)}</th>
                    <td className="num">{fmtNum(d.count, locale)}</td>
                    <td className="num">{fmtNum(d.cumulative, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </Figure>

      <Figure
        id="index"
        title={s.indexTitle}
        caption={filtered ? s.indexFilteredCaption : s.indexCaption}
        layout="half"
        chart={
          <BarChart
            horizontal
            categories={shownGroups.map((x) => x.label)}
            series={[
              { label: filtered ? m.common.thisGroup : m.common.yourOrganisation, values: shownGroups.map(() => orgIndex?.mean ?? null), color: PALETTE.organisation },
              { label: m.common.median, values: shownGroups.map((x) => x.g.median), color: PALETTE.median, kind: "marker", marker: "line" },
              { label: m.common.topQuartile, values: shownGroups.map((x) => x.g.topQuartile), color: PALETTE.topQuartile, kind: "marker", marker: "rectRot" },
            ]}
            min={0}
            max={100}
            height={Math.max(170, 70 + shownGroups.length * 56)}
            decimals={1}
            label={filtered ? s.indexFilteredCaption : s.indexCaption}
          />
        }
        table={
          <table className="data" data-testid="index-table">
            <caption>{s.indexTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{s.group}</th>
                <th scope="col" className="num">{m.common.organisations}</th>
                <th scope="col" className="num">{m.common.medianShort}</th>
                <th scope="col" className="num">{m.common.topQuartileShort}</th>
                {!filtered && <th scope="col" className="num">{s.rankShort}</th>}
              </tr>
            </thead>
            <tbody>
              <tr className="row-self">
                <th scope="row">{filtered ? m.common.thisGroup : m.common.yourOrganisation}</th>
                {/* Not a comparison group: its index (a mean over respondents) and sample size span the row. */}
                <td colSpan={filtered ? 3 : 4}>
                  {s.kpiIndex} {fmtNum(orgIndex?.mean, locale, 1)} · n = {fmtNum(orgIndex?.n, locale)}
                </td>
              </tr>
              {shownGroups.map((x) => (
                <tr key={x.key}>
                  <th scope="row">{x.label}</th>
                  <td className="num">{fmtNum(x.g.organisations, locale)}</td>
                  <td className="num">{fmtNum(x.g.median, locale, 1)}</td>
                  <td className="num">{fmtNum(x.g.topQuartile, locale, 1)}</td>
                  {!filtered && <td className="num">{fmtNum(x.g.percentileRank, locale)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        {hiddenGroups.map((x) => (
          <p key={x.key} className="muted small">
            {format(s.groupHidden, { group: x.label })}
          </p>
        ))}
      </Figure>

      <Figure
        id="findings"
        title={s.findingsTitle}
        caption={s.findingsCaption}
        chart={<BarChart categories={findingCategories} series={findingSeries} min={0} max={100} unit="%" height={320} label={s.findingsCaption} intervalLabel={m.common.interval} />}
        table={
          <table className="data" data-testid="findings-table">
            <caption>{s.findingsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{s.group2}</th>
                <th scope="col" className="num">{filtered ? m.common.thisGroup : m.common.yourOrganisation}</th>
                <th scope="col" className="num">{m.common.interval}</th>
                <th scope="col" className="num">n</th>
                <th scope="col" className="num">{m.common.benchmarkAll}</th>
                <th scope="col" className="num">n</th>
              </tr>
            </thead>
            <tbody>
              {findingCategories.map((label, i) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  <td className="num">{orgBars[i] ? fmtPct(orgBars[i]!.pct, locale) : m.common.tooFew}</td>
                  <td className="num">{fmtInterval(orgBars[i]?.ci95, locale)}</td>
                  <td className="num">{orgBars[i] ? fmtNum(orgBars[i]!.n, locale) : "–"}</td>
                  <td className="num">{benchBars[i] ? fmtPct(benchBars[i]!.pct, locale) : m.common.tooFew}</td>
                  <td className="num">{benchBars[i] ? fmtNum(benchBars[i]!.n, locale) : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        <div className="finding-grid">
          {(["f1", "f2", "f3", "f4"] as const).map((k) => (
            <article className="finding" key={k} data-testid={`sentence-${k}`}>
              <h3>{s.findingTitles[k]}</h3>
              {f[k].sentences.map((t) => (
                <p key={t}>{t}</p>
              ))}
              {k !== "f1" && !f[k].organisation.suppressed && (
                <p className="finding-test muted small" data-testid={`finding-test-${k}`}>
                  <span className="finding-test-label">{s.comparisonLabel}:</span> {comparisonDetails(f[k].organisation.comparison, s, locale).join(" ")}
                </p>
              )}
            </article>
          ))}
        </div>
      </Figure>

      <section className="card dash-figure" aria-labelledby="actions-title" data-testid="headline-actions">
        <h2 id="actions-title">{s.actionsTitle}</h2>
        <p className="figure-caption">{s.actionsLead}</p>
        {data.headlineActions.length === 0 ? (
          <p className="muted">{s.actionsNone}</p>
        ) : (
          <ol className="actions">
            {data.headlineActions.map((a) => (
              <li key={a.capability} className="action">
                <span className="action-rank" aria-hidden="true">
                  {a.rank}
                </span>
                <div>
                  <h3>{a.name}</h3>
                  <span className={`tier tier-${a.tier}`}>{m.priorities.tiers[a.tier]}</span>
                  {a.reason.map((t) => (
                    <p key={t}>{t}</p>
                  ))}
                  {a.suggestions[0] && <p className="action-first-step">{a.suggestions[0]}</p>}
                </div>
              </li>
            ))}
          </ol>
        )}
        <p className="no-print">
          <Link href={`/dashboard/${meta.organisation.slug}/priorities${search}`}>{s.actionsLink} →</Link>
        </p>
      </section>
    </DashboardShell>
  );
}
