import type { AnalysisData } from "@/lib/dashboard/analysis";
import { format } from "@/lib/i18n/messages";
import { DataTable, RowHeader } from "../../../components/data-table";
import { Figure } from "../../figure";
import { shownOrNull, SuppressedCell, SuppressedRowCells } from "../../figure-cell";
import { fmtPct } from "../../format";
import type { PageContext } from "../../page-context";

/**
 * Sequential single-hue scale (light to dark blue): readable by lightness alone, so colour-blind safe.
 * Lightness between 42% and 49% gives neither white nor dark text a 4.5:1 contrast, so it is skipped.
 */
function heat(pct: number): { background: string; color: string } {
  const t = Math.max(0, Math.min(1, pct / 100));
  let lightness = 97 - t * 72;
  if (lightness > 42 && lightness < 49) lightness = lightness < 45.5 ? 42 : 49;
  return { background: `hsl(205 70% ${lightness}%)`, color: lightness <= 42 ? "#fff" : "#16202a" };
}

/** The department × capability table, coloured by coverage; departments the disclosure plan hides say so in one cell. */
export function HeatmapFigure({ heatmap, ctx, minGroupSize, filtered }: { heatmap: NonNullable<AnalysisData["heatmap"]>; ctx: PageContext; minGroupSize: number; filtered: boolean }) {
  const { m, locale, labels } = ctx;
  const a = m.analysis;
  return (
    <Figure id="heatmap" title={a.heatmapTitle} caption={`${format(a.heatmapCaption, { min: minGroupSize })}${filtered ? ` ${a.heatmapWhole}` : ""}`}>
      <DataTable
        testId="heatmap-table"
        variant="heatmap"
        caption={a.heatmapTitle}
        captionHidden
        columns={[{ label: a.department }, ...heatmap.capabilities.map((c) => ({ label: labels.capability(c), numeric: true, className: "heat-head" }))]}
      >
        {heatmap.rows.map((r) => {
          const row = shownOrNull(r);
          return (
            <tr key={r.department} data-testid={`heatmap-row-${r.department}`} className={row ? undefined : "row-suppressed"}>
              <RowHeader>{labels.department(r.department)}</RowHeader>
              {row ? (
                heatmap.capabilities.map((c) => {
                  const v = row.coverage[c];
                  return v === null || v === undefined ? (
                    <SuppressedCell key={c} />
                  ) : (
                    <td key={c} className="num heat-cell" style={heat(v)}>
                      {fmtPct(v, locale)}
                    </td>
                  );
                })
              ) : (
                <SuppressedRowCells span={heatmap.capabilities.length} text={m.common.tooFew} />
              )}
            </tr>
          );
        })}
      </DataTable>
      <div className="heat-legend" aria-hidden="true">
        <span>0%</span>
        <span className="heat-legend-bar" />
        <span>100%</span>
      </div>
    </Figure>
  );
}
