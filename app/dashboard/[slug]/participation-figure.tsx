import type { Participation } from "@/lib/benchmark/participation";
import { ParticipationChart } from "../charts/participation-chart";
import { DataTable, NumCell, RowHeader } from "../../components/data-table";
import { Figure } from "../figure";
import { fmtDay, fmtNum } from "../format";
import type { PageContext } from "../page-context";

/** Responses per day and in total; the table is folded away because it has a row per day. */
export function ParticipationFigure({ ctx, participation, filtered }: { ctx: PageContext; participation: Participation; filtered: boolean }) {
  const { m, locale } = ctx;
  const s = m.summary;
  const days = participation.byDay;
  return (
    <Figure
      id="participation"
      title={s.participationTitle}
      caption={`${s.participationCaption}${filtered ? ` ${s.participationWhole}` : ""}`}
      chart={
        <ParticipationChart
          days={days.map((d) => fmtDay(d.day, locale))}
          counts={days.map((d) => d.count)}
          cumulative={days.map((d) => d.cumulative)}
          perDayLabel={s.perDay}
          cumulativeLabel={s.cumulative}
          label={s.participationCaption}
        />
      }
    >
      <details className="table-details">
        <summary>{m.common.showTable}</summary>
        <DataTable
          testId="participation-table"
          caption={s.participationCaption}
          scroll
          columns={[{ label: s.day }, { label: s.perDay, numeric: true }, { label: s.cumulative, numeric: true }]}
        >
          {days.map((d) => (
            <tr key={d.day}>
              <RowHeader>{fmtDay(d.day, locale)}</RowHeader>
              <NumCell>{fmtNum(d.count, locale)}</NumCell>
              <NumCell>{fmtNum(d.cumulative, locale)}</NumCell>
            </tr>
          ))}
        </DataTable>
      </details>
    </Figure>
  );
}
