import type { Percentage, SplitFinding } from "@/lib/benchmark/figures";
import { comparisonDetails } from "@/lib/benchmark/sentences";
import type { SummaryData } from "@/lib/dashboard/summary";
import { BarChart, type BarSeries } from "../charts/bar-chart";
import { DataTable, RowHeader } from "../../components/data-table";
import { Figure } from "../figure";
import { FigureCell, shownOrNull } from "../figure-cell";
import { fmtInterval, fmtNum, fmtPct } from "../format";
import type { PageContext } from "../page-context";
import { PALETTE } from "../palette";

type Findings = NonNullable<SummaryData["findings"]>;

/** The seven agreement shares of F1–F4 in chart order (F1, then each split's yes and no); null where hidden. */
function findingBars(f: Findings, side: "organisation" | "benchmark"): (Percentage | null)[] {
  const split = (x: SplitFinding) => {
    const shown = shownOrNull(x);
    return [shown?.yes.agree ?? null, shown?.no.agree ?? null];
  };
  return [shownOrNull(f.f1[side])?.agree ?? null, ...split(f.f2[side]), ...split(f.f3[side]), ...split(f.f4[side])];
}

/** Findings F1–F4 against the whole benchmark, with their sentences and the test behind each split. */
export function FindingsFigure({ ctx, findings: f, filtered }: { ctx: PageContext; findings: Findings; filtered: boolean }) {
  const { m, locale } = ctx;
  const s = m.summary;
  const orgBars = findingBars(f, "organisation");
  const benchBars = findingBars(f, "benchmark");
  const L = s.findingLabels;
  const categories = [L.f1, L.f2Yes, L.f2No, L.f3Yes, L.f3No, L.f4Yes, L.f4No];
  const ours = filtered ? m.common.thisGroup : m.common.yourOrganisation;
  const series: BarSeries[] = [
    { label: ours, values: orgBars.map((b) => b?.pct ?? null), ci: orgBars.map((b) => b?.ci95 ?? null), color: PALETTE.organisation },
    { label: m.common.benchmarkAll, values: benchBars.map((b) => b?.pct ?? null), ci: benchBars.map((b) => b?.ci95 ?? null), color: PALETTE.benchmark },
  ];

  return (
    <Figure
      id="findings"
      title={s.findingsTitle}
      caption={s.findingsCaption}
      chart={<BarChart categories={categories} series={series} min={0} max={100} unit="%" height={320} label={s.findingsCaption} intervalLabel={m.common.interval} />}
      table={
        <DataTable
          testId="findings-table"
          caption={s.findingsCaption}
          columns={[
            { label: s.group2 },
            { label: ours, numeric: true },
            { label: m.common.interval, numeric: true },
            { label: "n", numeric: true },
            { label: m.common.benchmarkAll, numeric: true },
            { label: "n", numeric: true },
          ]}
        >
          {categories.map((label, i) => (
            <tr key={label}>
              <RowHeader>{label}</RowHeader>
              <FigureCell figure={orgBars[i]} whenSuppressed={m.common.tooFew}>{(b) => fmtPct(b.pct, locale)}</FigureCell>
              <td className="num">{fmtInterval(orgBars[i]?.ci95, locale)}</td>
              <FigureCell figure={orgBars[i]}>{(b) => fmtNum(b.n, locale)}</FigureCell>
              <FigureCell figure={benchBars[i]} whenSuppressed={m.common.tooFew}>{(b) => fmtPct(b.pct, locale)}</FigureCell>
              <FigureCell figure={benchBars[i]}>{(b) => fmtNum(b.n, locale)}</FigureCell>
            </tr>
          ))}
        </DataTable>
      }
    >
      <div className="finding-grid">
        {(["f1", "f2", "f3", "f4"] as const).map((k) => {
          const split = k === "f1" ? null : shownOrNull(f[k].organisation);
          return (
            <article className="finding" key={k} data-testid={`sentence-${k}`}>
              <h3>{s.findingTitles[k]}</h3>
              {f[k].sentences.map((t) => (
                <p key={t}>{t}</p>
              ))}
              {split && (
                <p className="finding-test muted small" data-testid={`finding-test-${k}`}>
                  <span className="finding-test-label">{s.comparisonLabel}:</span> {comparisonDetails(split.comparison, s, locale).join(" ")}
                </p>
              )}
            </article>
          );
        })}
      </div>
    </Figure>
  );
}
