import type { AnalysisData } from "@/lib/dashboard/analysis";
import { BarChart } from "../../charts/bar-chart";
import { DataTable, RowHeader } from "../../../components/data-table";
import { Figure } from "../../figure";
import { FigureCell, shownOrNull } from "../../figure-cell";
import { fmtPct, fmtSigned } from "../../format";
import type { PageContext } from "../../page-context";
import { PALETTE } from "../../palette";

/** What people believe everyone can do against what they measure, with both gaps. */
export function PerceptionFigure({ ctx, perception, names }: { ctx: PageContext; perception: NonNullable<AnalysisData["perception"]>; names: string[] }) {
  const { m, locale } = ctx;
  const a = m.analysis;
  return (
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
            { label: a.believed, values: perception.map((p) => shownOrNull(p.perceived)?.pct ?? null), color: PALETTE.benchmark },
            { label: a.measured, values: perception.map((p) => shownOrNull(p.measured)?.pct ?? null), color: PALETTE.organisation },
          ]}
          min={0}
          max={100}
          unit="%"
          height={440}
          label={a.perceptionCaption}
        />
      }
      table={
        <DataTable
          testId="perception-table"
          caption={a.perceptionTitle}
          columns={[
            { label: m.common.capability },
            { label: a.believed, numeric: true },
            { label: a.measured, numeric: true },
            { label: a.gap, numeric: true },
            { label: a.benchmarkGap, numeric: true },
          ]}
        >
          {perception.map((p, i) => (
            <tr key={p.capability}>
              <RowHeader>{names[i]}</RowHeader>
              <FigureCell figure={p.perceived} whenSuppressed={m.common.tooFew}>{(x) => fmtPct(x.pct, locale)}</FigureCell>
              <FigureCell figure={p.measured} whenSuppressed={m.common.tooFew}>{(x) => fmtPct(x.pct, locale)}</FigureCell>
              <FigureCell figure={p.gap}>{(x) => fmtSigned(x.points, locale)}</FigureCell>
              <FigureCell figure={p.benchmarkGap}>{(x) => fmtSigned(x.points, locale)}</FigureCell>
            </tr>
          ))}
        </DataTable>
      }
    />
  );
}
