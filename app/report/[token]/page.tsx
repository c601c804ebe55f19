import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { columnsToAnswers, columnsToAssignment } from "@/db/item-columns";
import { personalComparison } from "@/lib/benchmark/report";
import { findResponseContext } from "@/db/queries/survey";
import { format, messages } from "@/lib/i18n/messages";
import { currentLocale } from "@/server/i18n";
import { MIN_COMPARISON_ORGS, minimumGroupSize } from "@/core/disclosure/threshold";
import { buildPersonalReport } from "@/lib/report/personal-report";
import { getQuestionnaire } from "@/questions";
import { MessagePage } from "../../components/message-page";
import { PrintButton } from "../../components/print-button";
import { ProfileChart, type ProfileSeries } from "./profile-chart";
import { ChecksSection } from "./checks-section";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your report", robots: { index: false }, referrer: "no-referrer" };

// Okabe–Ito colours: distinguishable with the common forms of colour blindness.
const COLORS = { you: "#0072B2", org: "#E69F00", benchmark: "#009E73" };

export default async function ReportPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const locale = await currentLocale();
  const m = messages(locale);
  const db = getDb();
  const found = await findResponseContext(db, token);
  if (!found || found.response.status !== "submitted") {
    return <MessagePage title={m.unavailable.reportTitle} body={m.unavailable.reportBody} linkText={m.unavailable.home} />;
  }
  const { response: row, wave, org } = found;
  const q = getQuestionnaire(wave.questionnaireVersion);
  const text = q.text[locale];
  const minGroup = minimumGroupSize();
  const comparison = await personalComparison(db, wave.id, minGroup);
  const report = buildPersonalReport(q, columnsToAnswers(row), comparison.wave, comparison.benchmark, columnsToAssignment(row));
  const name = (id: string) => text.capabilities[id]?.name ?? id;
  const labels = q.capabilityIds.map(name);
  const series: ProfileSeries[] = [{ label: m.report.you, values: report.levels.map((l) => l.level), color: COLORS.you }];
  if (report.org.shown) {
    const means = report.org.means;
    series.push({ label: m.report.orgAverage, values: q.capabilityIds.map((id) => round1(means[id] ?? 0)), color: COLORS.org, dash: [6, 4] });
  }
  if (report.benchmark.shown) {
    const means = report.benchmark.means;
    series.push({ label: m.report.benchmarkAverage, values: q.capabilityIds.map((id) => round1(means[id] ?? 0)), color: COLORS.benchmark, dash: [2, 3] });
  }
  const submitted = new Intl.DateTimeFormat(locale, { dateStyle: "long" }).format(new Date(row.submittedAt!));
  const indexRounded = Math.round(report.index);

  return (
    <div className="report">
      <section className="card" aria-labelledby="report-title">
        <p className="section-kicker">{text.title}</p>
        <h1 id="report-title">{m.report.title}</h1>
        <p className="muted">{format(m.report.subtitle, { org: org.name, date: submitted })}</p>
        <div className="report-hero">
          <div className="index-dial" style={{ ["--value" as string]: indexRounded }} data-testid="index">
            <span>
              {indexRounded}
              <small>/ 100</small>
            </span>
          </div>
          <div>
            <h2 className="visually-hidden">{m.report.indexLabel}</h2>
            <p className="muted small" style={{ marginBottom: "0.3rem" }}>
              {m.report.indexLabel}
            </p>
            <span className={`band-pill band-${report.band}`} data-testid="band">
              {m.report.bands[report.band]}
            </span>
            <p>{m.report.bandHelp[report.band]}</p>
            <p className="muted small">{m.report.indexHelp}</p>
          </div>
        </div>
      </section>

      <section className="card" aria-labelledby="chart-title">
          <h2 id="chart-title">{m.report.chartHeading}</h2>
          <p className="muted small">{m.report.chartCaption}</p>
          {!report.org.shown && <p className="notice">{format(m.report.orgHidden, { min: minGroup, n: report.org.n })}</p>}
          {!report.benchmark.shown && <p className="notice">{format(m.report.benchmarkHidden, { min: MIN_COMPARISON_ORGS })}</p>}
          <div className="chart-and-table">
          <ProfileChart labels={labels} series={series} title={m.report.chartCaption} />
          <div className="data-table-wrap">
            <table className="data" data-testid="profile-table">
              <caption>{m.report.tableCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.report.capability}</th>
                  {series.map((s) => (
                    <th scope="col" className="num" key={s.label}>
                      {s.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {q.capabilityIds.map((id, i) => (
                  <tr key={id}>
                    <th scope="row">{name(id)}</th>
                    {series.map((s) => (
                      <td className="num" key={s.label}>
                        {s.values[i]?.toFixed(s.label === m.report.you ? 0 : 1)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          </div>
        </section>

        <section className="card" aria-labelledby="levels-title">
          <h2 id="levels-title">{m.report.levelsHeading}</h2>
          <ul className="level-list">
            {report.levels.map(({ capabilityId, level }) => (
              <li className="level-item" key={capabilityId}>
                <div className="level-head">
                  <span>{name(capabilityId)}</span>
                  <span className="level-label">{format(m.report.levelOf, { level, label: text.selfScale[level as 1 | 2 | 3 | 4 | 5] })}</span>
                </div>
                <div className="level-bar" aria-hidden="true">
                  <span style={{ width: `${(level / 5) * 100}%` }} />
                </div>
                <p className="level-desc">{text.capabilities[capabilityId]?.levels[level as 1 | 2 | 3 | 4 | 5]}</p>
              </li>
            ))}
          </ul>
        </section>

      <ChecksSection checks={report.checks} text={text} m={m} locale={locale} />

      <section className="card" aria-labelledby="next-title">
        <h2 id="next-title">{m.report.nextHeading}</h2>
        <p className="muted">{m.report.nextLead}</p>
        <div className="suggestions">
          {report.nextSteps.map((s) => (
            <div className="suggestion" key={s.capabilityId} data-testid="suggestion">
              <h3>{name(s.capabilityId)}</h3>
              <p className="muted small">{format(m.report.levelOf, { level: s.level, label: text.selfScale[s.level as 1 | 2 | 3 | 4 | 5] })}</p>
              <ul>
                {text.capabilities[s.capabilityId]?.suggestions[s.band].map((t) => <li key={t}>{t}</li>)}
              </ul>
            </div>
          ))}
        </div>
      </section>

      <p className="muted small">{m.report.privateLink}</p>
      <PrintButton label={m.report.print} />
    </div>
  );
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
