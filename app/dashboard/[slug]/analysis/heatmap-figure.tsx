import type { AnalysisData } from "@/lib/dashboard/analysis";
import { format } from "@/lib/i18n/messages";
import { Figure } from "../../figure";
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
      <div className="data-table-wrap">
        <table className="data heatmap" data-testid="heatmap-table">
          <caption className="visually-hidden">{a.heatmapTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{a.department}</th>
              {heatmap.capabilities.map((c) => (
                <th scope="col" key={c} className="num heat-head">
                  {labels.capability(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {heatmap.rows.map((r) => (
              <tr key={r.department} data-testid={`heatmap-row-${r.department}`} className={r.suppressed ? "row-suppressed" : undefined}>
                <th scope="row">{labels.department(r.department)}</th>
                {r.suppressed ? (
                  <td colSpan={heatmap.capabilities.length} className="suppressed-cell">
                    {m.common.tooFew}
                  </td>
                ) : (
                  heatmap.capabilities.map((c) => {
                    const v = r.coverage[c];
                    return v === null || v === undefined ? (
                      <td key={c} className="suppressed-cell">–</td>
                    ) : (
                      <td key={c} className="num heat-cell" style={heat(v)}>
                        {fmtPct(v, locale)}
                      </td>
                    );
                  })
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="heat-legend" aria-hidden="true">
        <span>0%</span>
        <span className="heat-legend-bar" />
        <span>100%</span>
      </div>
    </Figure>
  );
}
