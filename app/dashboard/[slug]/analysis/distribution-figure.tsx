import type { AnalysisData } from "@/lib/dashboard/analysis";
import { BarChart } from "../../charts/bar-chart";
import { DataTable, RowHeader } from "../../../components/data-table";
import { Figure } from "../../figure";
import { FigureCell, shownOrNull } from "../../figure-cell";
import { fmtNum, fmtPct } from "../../format";
import type { PageContext } from "../../page-context";
import { PALETTE } from "../../palette";

const BANDS = ["developing", "capable", "proficient"] as const;

/** How respondents' index values spread, in bands and in bins, next to the whole benchmark. */
export function DistributionFigure({ ctx, distribution, ours }: { ctx: PageContext; distribution: NonNullable<AnalysisData["distribution"]>; ours: string }) {
  const { m, locale } = ctx;
  const a = m.analysis;
  const orgDist = shownOrNull(distribution.organisation);
  const benchDist = shownOrNull(distribution.benchmark);
  const binLabels = (orgDist ?? benchDist)?.bins.map((b) => `${b.from}–${b.to}`) ?? [];
  return (
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
        <DataTable
          testId="distribution-table"
          caption={a.distributionTitle}
          columns={[{ label: a.band }, { label: ours, numeric: true }, { label: m.common.benchmarkAll, numeric: true }]}
          footer={
            <>
              n = {fmtNum(orgDist?.n, locale)} · {m.common.benchmarkAll}: n = {fmtNum(benchDist?.n, locale)}
            </>
          }
        >
          {BANDS.map((band) => (
            <tr key={band}>
              <RowHeader>{a.bands[band]}</RowHeader>
              <FigureCell figure={orgDist}>{(d) => fmtPct(d.bandShares[band], locale)}</FigureCell>
              <FigureCell figure={benchDist}>{(d) => fmtPct(d.bandShares[band], locale)}</FigureCell>
            </tr>
          ))}
          {binLabels.map((label, i) => (
            <tr key={label} className="row-minor">
              <RowHeader>{label}</RowHeader>
              <FigureCell figure={orgDist}>{(d) => fmtPct(d.bins[i]!.pct, locale)}</FigureCell>
              <FigureCell figure={benchDist}>{(d) => fmtPct(d.bins[i]!.pct, locale)}</FigureCell>
            </tr>
          ))}
        </DataTable>
      }
    />
  );
}
