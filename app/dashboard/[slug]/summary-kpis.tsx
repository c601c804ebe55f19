import type { SummaryData } from "@/lib/dashboard/summary";
import { format } from "@/lib/i18n/messages";
import { shownOrNull } from "../figure-cell";
import { fmtNum, fmtPct } from "../format";
import type { PageContext } from "../page-context";

/** The four headline numbers: responses, the index, its rank among organisations, customer understanding. */
export function SummaryKpis({ ctx, data }: { ctx: PageContext; data: SummaryData }) {
  const { m, locale } = ctx;
  const s = m.summary;
  const p = data.participation!;
  const index = data.index!;
  const orgIndex = shownOrNull(index.organisation);
  const benchIndex = shownOrNull(index.benchmark);
  const rankAll = shownOrNull(index.comparison?.all);
  const f1 = shownOrNull(data.findings!.f1.organisation);
  return (
    <div className="kpis" data-testid="kpis">
      <div className="kpi">
        <p className="kpi-label">{s.kpiResponses}</p>
        <p className="kpi-value" data-testid="kpi-responses">{fmtNum(p.responses, locale)}</p>
        <p className="kpi-help">{p.invited !== null ? format(s.kpiInvited, { responded: fmtNum(p.invitedResponded, locale), invited: fmtNum(p.invited, locale), share: fmtNum(p.shareOfInvited, locale) }) : s.kpiNoInvitations}</p>
      </div>
      <div className="kpi">
        <p className="kpi-label">{s.kpiIndex}</p>
        <p className="kpi-value">{fmtNum(orgIndex?.mean, locale, 1)}<small>/ 100</small></p>
        <p className="kpi-help">
          {benchIndex ? `${m.common.median} ${fmtNum(benchIndex.median, locale, 1)} · ${m.common.topQuartile} ${fmtNum(benchIndex.topQuartile, locale, 1)}` : s.kpiIndexHelp}
        </p>
      </div>
      <div className="kpi">
        <p className="kpi-label">{s.kpiRank}</p>
        <p className="kpi-value">{rankAll ? fmtNum(rankAll.percentileRank, locale) : "–"}</p>
        <p className="kpi-help">{rankAll ? format(s.kpiRankHelp, { rank: fmtNum(rankAll.percentileRank, locale) }) : s.kpiRankHidden}</p>
      </div>
      <div className="kpi">
        <p className="kpi-label">{s.kpiCustomers}</p>
        <p className="kpi-value">{fmtPct(f1?.agree.pct, locale)}</p>
        <p className="kpi-help">{s.kpiCustomersHelp}</p>
      </div>
    </div>
  );
}
