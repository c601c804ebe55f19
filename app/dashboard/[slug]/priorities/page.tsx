import type { Metadata } from "next";
import { formatPNumber, formatPValue, formatRho } from "@/lib/benchmark/sentences";
import type { TrendRow } from "@/lib/benchmark/trends";
import { prioritiesData } from "@/lib/dashboard/priorities-view";
import { format } from "@/lib/i18n/messages";
import { BarChart } from "../../charts/bar-chart";
import { LineChart } from "../../charts/line-chart";
import { EmptyState } from "../../empty-state";
import { Figure } from "../../figure";
import { fmtInterval, fmtNum, fmtPct, fmtSigned } from "../../format";
import { dashboardPage } from "../../page-context";
import { PALETTE } from "../../palette";
import { DashboardShell } from "../../shell";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dashboard priorities", robots: { index: false } };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Older waves in lighter Okabe–Ito colours; the newest is the organisation's blue. */
const WAVE_COLOURS = ["#CC79A7", "#009E73", "#E69F00", "#56B4E9", "#0072B2"];
const TIER_COLOURS = { below_median: "#D55E00", below_top_quartile: "#E69F00", top_quartile: "#009E73", no_benchmark: "#0072B2" } as const;

export default async function PrioritiesPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const ctx = await dashboardPage(slug, "priorities", await searchParams);
  const { m, locale, labels, scope } = ctx;
  const data = prioritiesData(ctx.db, scope, locale);
  const { meta } = data;
  const t = m.priorities;
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
  const capabilityOrder = Object.keys(trends.waves[0]?.coverage ?? {});

  const figureName = (r: TrendRow) => (r.figure === "coverage" ? format(t.figures.coverage, { capability: labels.capability(r.capability!) }) : t.figures[r.figure]);
  const digits = (r: TrendRow) => (r.figure === "responses" ? 0 : 1);
  const unit = (r: TrendRow) => (r.figure === "f1" || r.figure === "coverage" ? "%" : "");
  // Every tested row of the changes table is one family, adjusted together (lib/benchmark/trends.ts).
  const comparisons = trends.changes?.rows.find((r) => r.change)?.change!.adjustment.comparisons ?? 0;

  return (
    <DashboardShell ctx={ctx} meta={meta} view="priorities">
      <Figure
        id="ranking"
        title={t.rankingTitle}
        caption={t.rankingLead}
        chart={
          priorities.length ? (
            <BarChart
              horizontal
              categories={priorities.map((p) => `${p.rank}. ${p.name}`)}
              series={[{ label: t.score, values: priorities.map((p) => p.score), colors: priorities.map((p) => TIER_COLOURS[p.tier]), color: PALETTE.organisation }]}
              min={0}
              legend={false}
              decimals={1}
              height={Math.max(220, 48 + priorities.length * 36)}
              label={t.chartCaption}
            />
          ) : undefined
        }
        table={
          <table className="data" data-testid="priorities-table">
            <caption>{t.chartCaption}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">{t.rank}</th>
                <th scope="col">{m.common.capability}</th>
                <th scope="col" className="num">{m.analysis.coverage}</th>
                <th scope="col" className="num">{t.againstMedian}</th>
                <th scope="col" className="num">{t.againstTop}</th>
                <th scope="col" className="num">{t.link}</th>
                <th scope="col" className="num">{t.score}</th>
              </tr>
            </thead>
            <tbody>
              {priorities.map((p) => (
                <tr key={p.capability}>
                  <td className="num">{p.rank}</td>
                  <th scope="row">{p.name}</th>
                  <td className="num">{fmtPct(p.coverage, locale)}</td>
                  <td className="num">{p.pointsBelowMedian === null ? "–" : fmtSigned(-p.pointsBelowMedian, locale, 1)}</td>
                  <td className="num">{p.pointsBelowTopQuartile === null ? "–" : fmtSigned(-p.pointsBelowTopQuartile, locale, 1)}</td>
                  <td className="num">
                    {p.link.suppressed ? (
                      "–"
                    ) : (
                      <>
                        {formatRho(p.link.rho)} <span className="muted small">({formatPValue(p.link.pValue)})</span>
                      </>
                    )}
                  </td>
                  <td className="num">{fmtNum(p.score, locale, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        <ul className="tier-legend" aria-label={t.tierLegend}>
          {(Object.keys(TIER_COLOURS) as (keyof typeof TIER_COLOURS)[])
            .filter((tier) => priorities.some((p) => p.tier === tier))
            .map((tier) => (
              <li key={tier}>
                <span className="swatch" style={{ background: TIER_COLOURS[tier] }} aria-hidden="true" />
                {t.tiers[tier]}
              </li>
            ))}
        </ul>
      </Figure>

      <section className="card dash-figure" aria-labelledby="suggestions-title" data-testid="suggestions">
        <h2 id="suggestions-title">{t.suggestionsTitle}</h2>
        {priorities.length === 0 && <p className="muted">{t.noneTitle}</p>}
        <ol className="priority-cards">
          {priorities.map((p) => (
            <li key={p.capability} className="priority-card" data-testid="priority">
              <div className="priority-head">
                <span className="action-rank" aria-hidden="true">
                  {p.rank}
                </span>
                <div>
                  <h3>{p.name}</h3>
                  <span className={`tier tier-${p.tier}`}>{t.tiers[p.tier]}</span>
                </div>
              </div>
              {p.reason.map((line) => (
                <p key={line}>{line}</p>
              ))}
              <p className="muted small">
                {format(t.shares, { start: fmtNum(p.shares.start, locale), build: fmtNum(p.shares.build, locale), able: fmtNum(p.shares.able, locale) })}
              </p>
              <p className="band-title">{t.bands[p.band]}</p>
              <ul>
                {p.suggestions.map((sug) => (
                  <li key={sug}>{sug}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </section>

      <Figure
        id="trend-series"
        title={t.trendsTitle}
        caption={t.trendsSeriesCaption}
        layout="side"
        chart={
          <LineChart
            categories={trends.waves.map((w) => w.label)}
            series={[
              { label: m.summary.kpiIndex, values: trends.waves.map((w) => w.index), color: PALETTE.organisation },
              { label: t.figures.f1, values: trends.waves.map((w) => w.f1), color: PALETTE.benchmark, dash: [6, 4], marker: "rectRot" },
            ]}
            label={t.trendsSeriesCaption}
          />
        }
        table={
          <table className="data" data-testid="wave-table">
            <caption>{t.trendsSeriesCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{m.filters.wave}</th>
                <th scope="col" className="num">{m.summary.kpiIndex}</th>
                <th scope="col" className="num">{t.figures.f1}</th>
              </tr>
            </thead>
            <tbody>
              {trends.waves.map((w) => (
                <tr key={w.label}>
                  <th scope="row">{w.label}</th>
                  <td className="num">{w.shown ? fmtNum(w.index, locale, 1) : m.common.tooFew}</td>
                  <td className="num">{w.shown ? fmtPct(w.f1, locale) : m.common.tooFew}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />

      {shownWaves.length > 0 && (
        <Figure
          id="trend-coverage"
          title={t.trendsCoverageTitle}
          caption={t.trendsChartCaption}
          chart={
            <BarChart
              categories={capabilityOrder.map(labels.capability)}
              series={shownWaves.map((w, i) => ({ label: w.label, values: capabilityOrder.map((c) => w.coverage[c] ?? null), color: WAVE_COLOURS[(i + WAVE_COLOURS.length - shownWaves.length) % WAVE_COLOURS.length]! }))}
              min={0}
              max={100}
              unit="%"
              height={300}
              label={t.trendsChartCaption}
            />
          }
        />
      )}

      <section className="card dash-figure" aria-labelledby="changes-title" data-testid="changes">
        <h2 id="changes-title">{t.changesTitle}</h2>
        {trends.changes ? (
          <>
            <p className="figure-caption">{format(t.trendsLead, { before: trends.changes.before, after: trends.changes.after })}</p>
            {comparisons > 0 && (
              <p className="figure-caption" data-testid="changes-adjustment">
                {format(t.adjustmentNote, { n: fmtNum(comparisons, locale) })}
              </p>
            )}
            <div className="data-table-wrap">
              <table className="data" data-testid="changes-table">
                <caption className="visually-hidden">{t.changesTitle}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.figure}</th>
                    <th scope="col" className="num nowrap">{trends.changes.before}</th>
                    <th scope="col" className="num nowrap">{trends.changes.after}</th>
                    <th scope="col" className="num">{t.change}</th>
                    <th scope="col" className="num">{m.common.interval}</th>
                    <th scope="col" className="num">p</th>
                    <th scope="col" className="num">{t.adjustedP}</th>
                    <th scope="col">{t.verdict}</th>
                    <th scope="col">{t.test}</th>
                  </tr>
                </thead>
                <tbody>
                  {trends.changes.rows.map((r) => (
                    <tr key={`${r.figure}-${r.capability ?? ""}`}>
                      <th scope="row">{figureName(r)}</th>
                      {r.suppressed ? (
                        <td colSpan={8} className="suppressed-cell">
                          {m.common.tooFew}
                        </td>
                      ) : (
                        <>
                          <td className="num">{fmtNum(r.before, locale, digits(r))}{unit(r)}</td>
                          <td className="num">{fmtNum(r.after, locale, digits(r))}{unit(r)}</td>
                          <td className="num">{fmtSigned(r.difference, locale, digits(r))}</td>
                          <td className="num">{r.change ? fmtInterval(r.change.ci95, locale, 1, "") : "–"}</td>
                          <td className="num">{r.change ? formatPNumber(r.change.pValue) : "–"}</td>
                          <td className="num">{r.change ? formatPNumber(r.change.adjustedP) : "–"}</td>
                          <td>
                            {r.change ? (
                              <span className={`verdict verdict-${r.change.verdict}`}>{format(t.verdicts[r.change.verdict], { n: fmtNum(r.change.adjustment.comparisons, locale) })}</span>
                            ) : (
                              "–"
                            )}
                          </td>
                          <td className="muted small">{t.tests[r.change?.test ?? "none"]}</td>
                        </>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : (
          <p className="muted">{t.oneWave}</p>
        )}
      </section>
    </DashboardShell>
  );
}
