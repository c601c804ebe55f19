import Link from "next/link";
import type { PriorityItem } from "@/lib/dashboard/priority-items";
import type { PageContext } from "../page-context";

/** The top three priorities with their first step, linking to the full priorities view. */
export function HeadlineActions({ ctx, actions, prioritiesHref }: { ctx: PageContext; actions: PriorityItem[]; prioritiesHref: string }) {
  const { m } = ctx;
  const s = m.summary;
  return (
    <section className="card dash-figure" aria-labelledby="actions-title" data-testid="headline-actions">
      <h2 id="actions-title">{s.actionsTitle}</h2>
      <p className="figure-caption">{s.actionsLead}</p>
      {actions.length === 0 ? (
        <p className="muted">{s.actionsNone}</p>
      ) : (
        <ol className="actions">
          {actions.map((a) => (
            <li key={a.capability} className="action">
              <span className="action-rank" aria-hidden="true">
                {a.rank}
              </span>
              <div>
                <h3>{a.name}</h3>
                <span className={`tier tier-${a.tier}`}>{m.priorities.tiers[a.tier]}</span>
                {a.reason.map((t) => (
                  <p key={t}>{t}</p>
                ))}
                {a.suggestions[0] && <p className="action-first-step">{a.suggestions[0]}</p>}
              </div>
            </li>
          ))}
        </ol>
      )}
      <p className="no-print">
        <Link href={prioritiesHref}>{s.actionsLink} →</Link>
      </p>
    </section>
  );
}
