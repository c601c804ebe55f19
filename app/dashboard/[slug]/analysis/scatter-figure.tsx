import { rhoSentence } from "@/lib/benchmark/sentences";
import type { AnalysisData } from "@/lib/dashboard/analysis";
import { format } from "@/lib/i18n/messages";
import { ScatterChart } from "../../charts/scatter-chart";
import { DataTable, NumCell, RowHeader } from "../../../components/data-table";
import { Figure } from "../../figure";
import { shownOrNull } from "../../figure-cell";
import { fmtNum, fmtPct } from "../../format";
import type { PageContext } from "../../page-context";

/** Organisations' index against their customer understanding, with Spearman's rho and this organisation's point. */
export function ScatterFigure({ ctx, organisationLevel }: { ctx: PageContext; organisationLevel: NonNullable<AnalysisData["organisationLevel"]> }) {
  const { m, locale } = ctx;
  const a = m.analysis;
  const scatter = shownOrNull(organisationLevel);
  return (
    <Figure
      id="scatter"
      title={a.scatterTitle}
      caption={a.scatterCaption}
      layout="side"
      chart={
        scatter ? (
          <ScatterChart
            others={scatter.others}
            self={scatter.self}
            othersLabel={a.others}
            selfLabel={m.common.yourOrganisation}
            xLabel={a.scatterX}
            yLabel={a.scatterY}
            label={a.scatterCaption}
          />
        ) : undefined
      }
      table={
        scatter ? (
          <DataTable
            testId="scatter-table"
            caption={a.quarter}
            columns={[{ label: a.quarter }, { label: m.common.organisations, numeric: true }, { label: a.medianCustomer, numeric: true }]}
          >
            {scatter.quarters.map((q) => (
              <tr key={q.quarter}>
                <RowHeader>{format(a.quarterLabel, { q: q.quarter, from: fmtNum(q.from, locale), to: fmtNum(q.to, locale) })}</RowHeader>
                <NumCell>{fmtNum(q.organisations, locale)}</NumCell>
                <NumCell>{fmtPct(q.medianCustomerAgree, locale)}</NumCell>
              </tr>
            ))}
          </DataTable>
        ) : undefined
      }
    >
      {scatter ? (
        <div className="sentences">
          <p>{rhoSentence(scatter, a, locale)}</p>
          {scatter.self && <p>{format(a.yourPoint, { x: fmtNum(scatter.self.x, locale), y: fmtNum(scatter.self.y, locale) })}</p>}
        </div>
      ) : (
        <p className="muted">{a.scatterHidden}</p>
      )}
    </Figure>
  );
}
