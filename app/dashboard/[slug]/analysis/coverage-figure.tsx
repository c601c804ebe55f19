import type { AnalysisData } from "@/lib/dashboard/analysis";
import { format } from "@/lib/i18n/messages";
import { BarChart } from "../../charts/bar-chart";
import { DataTable, RowHeader } from "../../../components/data-table";
import { Figure } from "../../figure";
import { FigureCell, shownOrNull } from "../../figure-cell";
import { fmtInterval, fmtNum, fmtPct } from "../../format";
import type { PageContext } from "../../page-context";
import { PALETTE } from "../../palette";

/** Measured coverage of each capability against the benchmark's median and top quartile. */
export function CoverageFigure({ ctx, coverage, names, ours }: { ctx: PageContext; coverage: NonNullable<AnalysisData["coverage"]>; names: string[]; ours: string }) {
  const { m, locale } = ctx;
  const a = m.analysis;
  const own = coverage.map((c) => shownOrNull(c.organisation));
  const bench = coverage.map((c) => shownOrNull(c.benchmark));
  const firstBench = bench[0];
  return (
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
            { label: ours, values: own.map((o) => o?.pct ?? null), ci: own.map((o) => o?.ci95 ?? null), color: PALETTE.organisation },
            { label: m.common.median, values: bench.map((b) => b?.median ?? null), color: PALETTE.median, kind: "marker", marker: "line" },
            { label: m.common.topQuartile, values: bench.map((b) => b?.topQuartile ?? null), color: PALETTE.topQuartile, kind: "marker", marker: "rectRot" },
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
        <DataTable
          testId="coverage-table"
          caption={a.coverageTitle}
          columns={[
            { label: m.common.capability },
            { label: a.coverage, numeric: true },
            { label: m.common.interval, numeric: true },
            { label: m.common.medianShort, numeric: true },
            { label: m.common.topQuartileShort, numeric: true },
          ]}
          footer={
            <>
              n = {fmtNum(own[0]?.n ?? null, locale)}
              {firstBench ? ` · ${format(m.common.orgsInGroup, { n: fmtNum(firstBench.organisations, locale) })}` : ""}
            </>
          }
        >
          {coverage.map((c, i) => (
            <tr key={c.capability}>
              <RowHeader>{names[i]}</RowHeader>
              <FigureCell figure={c.organisation} whenSuppressed={m.common.tooFew}>{(o) => fmtPct(o.pct, locale)}</FigureCell>
              <FigureCell figure={c.organisation}>{(o) => fmtInterval(o.ci95, locale)}</FigureCell>
              <FigureCell figure={c.benchmark}>{(b) => fmtPct(b.median, locale)}</FigureCell>
              <FigureCell figure={c.benchmark}>{(b) => fmtPct(b.topQuartile, locale)}</FigureCell>
            </tr>
          ))}
        </DataTable>
      }
    />
  );
}
