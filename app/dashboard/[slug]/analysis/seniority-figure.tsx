import type { AnalysisData } from "@/lib/dashboard/analysis";
import { BarChart } from "../../charts/bar-chart";
import { DataTable, NumCell, RowHeader } from "../../../components/data-table";
import { Figure } from "../../figure";
import { shownOrNull } from "../../figure-cell";
import { fmtNum, fmtPct } from "../../format";
import type { PageContext } from "../../page-context";
import { PALETTE } from "../../palette";

/** F5: senior people against staff, perceived and measured; when the split is hidden only its sentence remains. */
export function SeniorityFigure({ ctx, seniority }: { ctx: PageContext; seniority: NonNullable<AnalysisData["seniority"]> }) {
  const { m, locale } = ctx;
  const a = m.analysis;
  const f5 = shownOrNull(seniority.organisation);
  return (
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
          <DataTable testId="seniority-table" caption={a.seniorityTitle} columns={[{ label: null }, { label: a.senior, numeric: true }, { label: a.staff, numeric: true }]}>
            <tr>
              <RowHeader>{m.common.respondents}</RowHeader>
              <NumCell>{fmtNum(f5.senior.n, locale)}</NumCell>
              <NumCell>{fmtNum(f5.staff.n, locale)}</NumCell>
            </tr>
            <tr>
              <RowHeader>{a.perceived}</RowHeader>
              <NumCell>{fmtPct(f5.senior.perceivedCoverage, locale)}</NumCell>
              <NumCell>{fmtPct(f5.staff.perceivedCoverage, locale)}</NumCell>
            </tr>
            <tr>
              <RowHeader>{a.measuredCoverage}</RowHeader>
              <NumCell>{fmtPct(f5.senior.measuredCoverage, locale)}</NumCell>
              <NumCell>{fmtPct(f5.staff.measuredCoverage, locale)}</NumCell>
            </tr>
            <tr>
              <RowHeader>{a.allThree}</RowHeader>
              <NumCell>{fmtPct(f5.senior.allThree.pct, locale)}</NumCell>
              <NumCell>{fmtPct(f5.staff.allThree.pct, locale)}</NumCell>
            </tr>
          </DataTable>
        ) : undefined
      }
    >
      <div className="sentences" data-testid="sentence-f5">
        {seniority.sentences.map((t) => (
          <p key={t}>{t}</p>
        ))}
      </div>
    </Figure>
  );
}
