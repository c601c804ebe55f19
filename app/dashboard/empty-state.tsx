import Link from "next/link";
import type { DashboardMeta } from "@/lib/dashboard/common";
import { format } from "@/lib/i18n/messages";
import { CopyLink } from "./copy-link";
import { fmtNum } from "./format";
import type { PageContext } from "./page-context";

/** What a view shows instead of figures: no wave yet, too few responses, or a group that is too small. */
export function EmptyState({ ctx, meta }: { ctx: PageContext; meta: DashboardMeta }) {
  const { m, locale, labels } = ctx;
  if (meta.status === "group_suppressed") {
    const group = meta.filter.department !== undefined ? labels.department(meta.filter.department) : labels.seniority(meta.filter.seniority ?? "");
    const params = meta.wave ? `?wave=${encodeURIComponent(meta.wave.label)}` : "";
    return (
      <section className="card empty-state" data-testid="group-suppressed">
        <h2>{format(m.empty.groupTitle, { group })}</h2>
        <p>{format(m.empty.groupBody, { min: meta.minGroupSize })}</p>
        <Link className="btn btn-secondary" href={`/dashboard/${meta.organisation.slug}${params}`}>
          {m.empty.showAll}
        </Link>
      </section>
    );
  }
  const surveyUrl = meta.surveyPath ? `${ctx.origin}${meta.surveyPath}` : null;
  const responses = meta.wave?.responses ?? 0;
  return (
    <section className="card empty-state" data-testid="empty-state">
      {meta.status === "no_wave" ? (
        <>
          <h2>{m.empty.noWaveTitle}</h2>
          <p>{m.empty.noWaveBody}</p>
        </>
      ) : (
        <>
          <h2>{m.empty.tooFewTitle}</h2>
          <div className="empty-progress" aria-hidden="true">
            <span style={{ width: `${Math.min(100, (responses / meta.minGroupSize) * 100)}%` }} />
          </div>
          <p data-testid="needed">
            {format(m.empty.tooFewBody, { n: fmtNum(responses, locale), min: meta.minGroupSize, more: fmtNum(meta.needed ?? 0, locale) })}
          </p>
        </>
      )}
      <h3>{m.empty.shareTitle}</h3>
      {surveyUrl ? (
        <>
          <p className="muted">{m.empty.shareBody}</p>
          <CopyLink url={surveyUrl} label={m.empty.shareTitle} copyLabel={m.empty.copy} copiedLabel={m.empty.copied} />
        </>
      ) : (
        <p className="muted">{m.empty.noOpenWave}</p>
      )}
    </section>
  );
}
