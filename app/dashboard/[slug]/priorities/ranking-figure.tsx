import { formatPValue, formatRho } from "@/lib/benchmark/sentences";
import type { PriorityItem } from "@/lib/dashboard/priority-items";
import { BarChart } from "../../charts/bar-chart";
import { DataTable, NumCell, RowHeader } from "../../../components/data-table";
import { Figure } from "../../figure";
import { FigureCell } from "../../figure-cell";
import { fmtNum, fmtPct, fmtSigned } from "../../format";
import type { PageContext } from "../../page-context";
import { PALETTE } from "../../palette";

const TIER_COLOURS = { below_median: "#D55E00", below_top_quartile: "#E69F00", top_quartile: "#009E73", no_benchmark: "#0072B2" } as const;
type Tier = keyof typeof TIER_COLOURS;

/** Capabilities ranked by priority score, coloured by tier, with the figures behind each score. */
export function RankingFigure({ ctx, priorities }: { ctx: PageContext; priorities: PriorityItem[] }) {
  const { m, locale } = ctx;
  const t = m.priorities;
  return (
    <Figure
      id="ranking"
      title={t.rankingTitle}
      caption={t.rankingLead}
      chart={
        priorities.length ? (
          <BarChart
            horizontal
            categories={priorities.map((p) => `${p.rank}. ${p.name}`)}
            series={[{ label: t.score, values: priorities.map((p) => p.score), colors: priorities.map((p) => TIER_COLOURS[p.tier]), color: PALETTE.organisation }]}
            min={0}
            legend={false}
            decimals={1}
            height={Math.max(220, 48 + priorities.length * 36)}
            label={t.chartCaption}
          />
        ) : undefined
      }
      table={
        <DataTable
          testId="priorities-table"
          caption={t.chartCaption}
          columns={[
            { label: t.rank, numeric: true },
            { label: m.common.capability },
            { label: m.analysis.coverage, numeric: true },
            { label: t.againstMedian, numeric: true },
            { label: t.againstTop, numeric: true },
            { label: t.link, numeric: true },
            { label: t.score, numeric: true },
          ]}
        >
          {priorities.map((p) => (
            <tr key={p.capability}>
              <NumCell>{p.rank}</NumCell>
              <RowHeader>{p.name}</RowHeader>
              <NumCell>{fmtPct(p.coverage, locale)}</NumCell>
              <FigureCell figure={p.pointsBelowMedian}>{(x) => fmtSigned(-x, locale, 1)}</FigureCell>
              <FigureCell figure={p.pointsBelowTopQuartile}>{(x) => fmtSigned(-x, locale, 1)}</FigureCell>
              <FigureCell figure={p.link}>
                {(link) => (
                  <>
                    {formatRho(link.rho)} <span className="muted small">({formatPValue(link.pValue)})</span>
                  </>
                )}
              </FigureCell>
              <NumCell>{fmtNum(p.score, locale, 1)}</NumCell>
            </tr>
          ))}
        </DataTable>
      }
    >
      <ul className="tier-legend" aria-label={t.tierLegend}>
        {(Object.keys(TIER_COLOURS) as Tier[])
          .filter((tier) => priorities.some((p) => p.tier === tier))
          .map((tier) => (
            <li key={tier}>
              <span className="swatch" style={{ background: TIER_COLOURS[tier] }} aria-hidden="true" />
              {t.tiers[tier]}
            </li>
          ))}
      </ul>
    </Figure>
  );
}
