import type { AnalysisData } from "@/lib/dashboard/analysis";
import { format } from "@/lib/i18n/messages";
import { shownOrNull } from "../../figure-cell";
import { fmtNum } from "../../format";
import type { PageContext } from "../../page-context";

/** Cronbach's alpha of the eight self-ratings, with what it means for reading the index. */
export function ReliabilityCard({ alpha, ctx }: { alpha: NonNullable<AnalysisData["alpha"]>; ctx: PageContext }) {
  const { m, locale } = ctx;
  const a = m.analysis;
  const own = shownOrNull(alpha.organisation);
  const benchmark = shownOrNull(alpha.benchmark);
  return (
    <section className="card dash-figure" aria-labelledby="alpha-title" data-testid="alpha">
      <h2 id="alpha-title">{a.alphaTitle}</h2>
      {own ? (
        <div className="alpha">
          <p className="alpha-value">
            <span>{fmtNum(own.alpha, locale, 2)}</span>
            <small>{a.alphaLabel}</small>
          </p>
          <div>
            {alpha.level && <p className="alpha-note">{a.alphaNotes[alpha.level]}</p>}
            <p className="muted small">
              {format(a.alphaHelp, { n: fmtNum(own.n, locale) })}{" "}
              {benchmark && format(a.alphaBenchmark, { alpha: fmtNum(benchmark.alpha, locale, 2) })}
            </p>
          </div>
        </div>
      ) : (
        <p className="muted">{m.common.tooFew}</p>
      )}
    </section>
  );
}
