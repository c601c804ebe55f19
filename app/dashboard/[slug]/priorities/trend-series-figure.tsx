import type { WavePoint } from "@/lib/dashboard/priorities-view";
import { LineChart } from "../../charts/line-chart";
import { DataTable, RowHeader } from "../../../components/data-table";
import { Figure } from "../../figure";
import { FigureCell } from "../../figure-cell";
import { fmtNum, fmtPct } from "../../format";
import type { PageContext } from "../../page-context";
import { PALETTE } from "../../palette";

/** The index and customer understanding (F1) wave by wave; waves too small to show say so. */
export function TrendSeriesFigure({ ctx, waves }: { ctx: PageContext; waves: WavePoint[] }) {
  const { m, locale } = ctx;
  const t = m.priorities;
  return (
    <Figure
      id="trend-series"
      title={t.trendsTitle}
      caption={t.trendsSeriesCaption}
      layout="side"
      chart={
        <LineChart
          categories={waves.map((w) => w.label)}
          series={[
            { label: m.summary.kpiIndex, values: waves.map((w) => w.index), color: PALETTE.organisation },
            { label: t.figures.f1, values: waves.map((w) => w.f1), color: PALETTE.benchmark, dash: [6, 4], marker: "rectRot" },
          ]}
          label={t.trendsSeriesCaption}
        />
      }
      table={
        <DataTable
          testId="wave-table"
          caption={t.trendsSeriesCaption}
          columns={[{ label: m.filters.wave }, { label: m.summary.kpiIndex, numeric: true }, { label: t.figures.f1, numeric: true }]}
        >
          {waves.map((w) => {
            // lib/ marks a wave too small to show with `shown: false`.
            const wave = w.shown ? w : null;
            return (
              <tr key={w.label}>
                <RowHeader>{w.label}</RowHeader>
                <FigureCell figure={wave} whenSuppressed={m.common.tooFew}>{(x) => fmtNum(x.index, locale, 1)}</FigureCell>
                <FigureCell figure={wave} whenSuppressed={m.common.tooFew}>{(x) => fmtPct(x.f1, locale)}</FigureCell>
              </tr>
            );
          })}
        </DataTable>
      }
    />
  );
}
