import type { PriorityItem } from "@/lib/dashboard/priority-items";
import { format } from "@/lib/i18n/messages";
import { fmtNum } from "../../format";
import type { PageContext } from "../../page-context";

/** One card per priority: why it ranks there, how staff split between starting, building and able, what to try. */
export function PrioritySuggestions({ ctx, priorities }: { ctx: PageContext; priorities: PriorityItem[] }) {
  const { m, locale } = ctx;
  const t = m.priorities;
  return (
    <section className="card dash-figure" aria-labelledby="suggestions-title" data-testid="suggestions">
      <h2 id="suggestions-title">{t.suggestionsTitle}</h2>
      {priorities.length === 0 && <p className="muted">{t.noneTitle}</p>}
      <ol className="priority-cards">
        {priorities.map((p) => (
          <li key={p.capability} className="priority-card" data-testid="priority">
            <div className="priority-head">
              <span className="action-rank" aria-hidden="true">
                {p.rank}
              </span>
              <div>
                <h3>{p.name}</h3>
                <span className={`tier tier-${p.tier}`}>{t.tiers[p.tier]}</span>
              </div>
            </div>
            {p.reason.map((line) => (
              <p key={line}>{line}</p>
            ))}
            <p className="muted small">
              {format(t.shares, { start: fmtNum(p.shares.start, locale), build: fmtNum(p.shares.build, locale), able: fmtNum(p.shares.able, locale) })}
            </p>
            <p className="band-title">{t.bands[p.band]}</p>
            <ul>
              {p.suggestions.map((sug) => (
                <li key={sug}>{sug}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
