import type { GroupComparison } from "@/lib/benchmark/compare";
import type { DashboardMeta } from "@/lib/dashboard/common";
import type { SummaryData } from "@/lib/dashboard/summary";
import { format } from "@/lib/i18n/messages";
import { BarChart } from "../charts/bar-chart";
import { DataTable, NumCell, RowHeader } from "../../components/data-table";
import { Figure } from "../figure";
import { shownOrNull } from "../figure-cell";
import { fmtNum } from "../format";
import type { PageContext } from "../page-context";
import { PALETTE } from "../palette";

type Group = { key: string; label: string; g: GroupComparison };
type ShownGroup = { key: string; label: string; g: Extract<GroupComparison, { suppressed: false }> };

/** The digital skills index against each comparison group's median and top quartile; hidden groups are named below. */
export function IndexFigure({ ctx, index, organisation, filtered }: { ctx: PageContext; index: NonNullable<SummaryData["index"]>; organisation: DashboardMeta["organisation"]; filtered: boolean }) {
  const { m, locale, labels } = ctx;
  const s = m.summary;
  const orgIndex = shownOrNull(index.organisation);
  const ours = filtered ? m.common.thisGroup : m.common.yourOrganisation;
  const caption = filtered ? s.indexFilteredCaption : s.indexCaption;
  const groups: Group[] = index.comparison
    ? [
        { key: "all", label: s.groupAll, g: index.comparison.all },
        { key: "sector", label: format(s.groupSector, { sector: organisation.sector }), g: index.comparison.sector },
        { key: "size", label: format(s.groupSize, { size: labels.sizeBand(organisation.sizeBand) }), g: index.comparison.sizeBand },
      ]
    : [{ key: "all", label: s.groupAll, g: index.benchmark }];
  const shownGroups = groups.filter((x) => !x.g.suppressed) as ShownGroup[];
  const hiddenGroups = groups.filter((x) => x.g.suppressed);

  return (
    <Figure
      id="index"
      title={s.indexTitle}
      caption={caption}
      layout="half"
      chart={
        <BarChart
          horizontal
          categories={shownGroups.map((x) => x.label)}
          series={[
            { label: ours, values: shownGroups.map(() => orgIndex?.mean ?? null), color: PALETTE.organisation },
            { label: m.common.median, values: shownGroups.map((x) => x.g.median), color: PALETTE.median, kind: "marker", marker: "line" },
            { label: m.common.topQuartile, values: shownGroups.map((x) => x.g.topQuartile), color: PALETTE.topQuartile, kind: "marker", marker: "rectRot" },
          ]}
          min={0}
          max={100}
          height={Math.max(170, 70 + shownGroups.length * 56)}
          decimals={1}
          label={caption}
        />
      }
      table={
        <DataTable
          testId="index-table"
          caption={s.indexTitle}
          columns={[
            { label: s.group },
            { label: m.common.organisations, numeric: true },
            { label: m.common.medianShort, numeric: true },
            { label: m.common.topQuartileShort, numeric: true },
            !filtered && { label: s.rankShort, numeric: true },
          ]}
        >
          <tr className="row-self">
            <RowHeader>{ours}</RowHeader>
            {/* Not a comparison group: its index (a mean over respondents) and sample size span the row. */}
            <td colSpan={filtered ? 3 : 4}>
              {s.kpiIndex} {fmtNum(orgIndex?.mean, locale, 1)} · n = {fmtNum(orgIndex?.n, locale)}
            </td>
          </tr>
          {shownGroups.map((x) => (
            <tr key={x.key}>
              <RowHeader>{x.label}</RowHeader>
              <NumCell>{fmtNum(x.g.organisations, locale)}</NumCell>
              <NumCell>{fmtNum(x.g.median, locale, 1)}</NumCell>
              <NumCell>{fmtNum(x.g.topQuartile, locale, 1)}</NumCell>
              {!filtered && <NumCell>{fmtNum(x.g.percentileRank, locale)}</NumCell>}
            </tr>
          ))}
        </DataTable>
      }
    >
      {hiddenGroups.map((x) => (
        <p key={x.key} className="muted small">
          {format(s.groupHidden, { group: x.label })}
        </p>
      ))}
    </Figure>
  );
}
