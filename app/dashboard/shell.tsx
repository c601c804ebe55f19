import Link from "next/link";
import { PrintButton } from "@/app/components/print-button";
import type { DashboardMeta } from "@/lib/dashboard/common";
import { dashboardSearch } from "@/lib/dashboard/query";
import { format } from "@/lib/i18n/messages";
import { FilterBar } from "./filter-bar";
import { fmtDate, fmtNum } from "./format";
import { VIEW_PATHS, type DashboardView, type PageContext } from "./page-context";

/** Header, print header, view tabs and filters around every dashboard view. */
export function DashboardShell({ ctx, meta, view, children }: { ctx: PageContext; meta: DashboardMeta; view: DashboardView; children: React.ReactNode }) {
  const { m, locale, labels, scope } = ctx;
  const base = `/dashboard/${meta.organisation.slug}`;
  const search = dashboardSearch(scope.query);
  const groupName =
    meta.filter.department !== undefined
      ? `${m.filters.department}: ${labels.department(meta.filter.department)}`
      : meta.filter.seniority !== undefined
        ? `${m.filters.seniority}: ${labels.seniority(meta.filter.seniority)}`
        : m.print.wholeOrganisation;
  const waveLine = meta.wave ? format(m.header.wave, { wave: meta.wave.label, status: m.header.waveStatus[meta.wave.status as "open" | "closed"] ?? meta.wave.status }) : null;
  const tabs: { view: DashboardView; label: string }[] = [
    { view: "summary", label: m.tabs.summary },
    { view: "analysis", label: m.tabs.analysis },
    { view: "priorities", label: m.tabs.priorities },
  ];
  const api = `/api/dashboard/${meta.organisation.slug}`;
  // Departments and levels can be chosen once the wave itself has enough responses to show.
  const breakdowns = meta.status === "ok" || meta.status === "group_suppressed";
  return (
    <div className="dash" data-view={view}>
      <header className="dash-head">
        <div>
          <p className="section-kicker">{m.header.kicker}</p>
          <h1 data-testid="dash-org">{meta.organisation.name}</h1>
          <p className="dash-meta">
            <span>{format(m.header.meta, { sector: meta.organisation.sector, size: labels.sizeBand(meta.organisation.sizeBand) })}</span>
            {waveLine && <span>{waveLine}</span>}
            {meta.wave && <span data-testid="dash-responses">{format(m.header.responses, { n: fmtNum(meta.wave.responses, locale) })}</span>}
          </p>
          {meta.release && meta.wave && meta.release.responses !== meta.wave.responses && (
            <p className="dash-release muted small" data-testid="dash-release">
              {format(m.header.released, { n: fmtNum(meta.release.responses, locale), date: fmtDate(meta.release.releasedAt, locale), min: fmtNum(meta.minGroupSize, locale) })}
            </p>
          )}
        </div>
        <div className="dash-actions no-print">
          {/* Nothing to print or tabulate until figures can be shown; the JSON still says why. */}
          {meta.status === "ok" && (
            <>
              <PrintButton label={m.actions.print} />
              <a className="btn btn-secondary" href={`${api}/csv${search}`} download data-testid="csv-link">
                {m.actions.csv}
              </a>
            </>
          )}
          <a className="dash-json-link" href={`${api}/${view}${search}`}>
            {m.actions.json}
          </a>
        </div>
      </header>

      <div className="print-only print-header" data-testid="print-header">
        <p className="print-title">{m.print.title}</p>
        <dl>
          <div>
            <dt>{m.print.organisation}</dt>
            <dd>{meta.organisation.name}</dd>
          </div>
          <div>
            <dt>{m.print.wave}</dt>
            <dd>{waveLine ?? "–"}</dd>
          </div>
          <div>
            <dt>{m.print.group}</dt>
            <dd>{groupName}</dd>
          </div>
          <div>
            <dt>{m.print.responses}</dt>
            <dd>{fmtNum(meta.wave?.responses ?? 0, locale)}</dd>
          </div>
          <div>
            <dt>{m.common.benchmark}</dt>
            <dd>
              {format(m.print.benchmarkSize, { organisations: fmtNum(meta.benchmark.organisations, locale), responses: fmtNum(meta.benchmark.responses, locale) })}
            </dd>
          </div>
          <div>
            <dt>{m.print.printed}</dt>
            <dd>{fmtDate(meta.generatedAt, locale)}</dd>
          </div>
        </dl>
      </div>

      <nav className="dash-tabs no-print" aria-label={m.tabs.label}>
        {tabs.map((t) => (
          <Link key={t.view} href={`${base}${VIEW_PATHS[t.view]}${search}`} aria-current={t.view === view ? "page" : undefined}>
            {t.label}
          </Link>
        ))}
      </nav>

      {(meta.waves.length > 1 || breakdowns) && (
        <FilterBar
          breakdowns={breakdowns}
          waves={meta.waves.map((w) => ({ value: w.label, label: format(m.filters.waveOption, { wave: w.label, n: fmtNum(w.responses, locale) }) }))}
          departments={meta.options.departments.map((d) => ({ value: d.name, label: d.shown ? d.name : format(m.filters.tooFew, { name: d.name }), disabled: !d.shown }))}
          seniorities={meta.options.seniorities.map((s) => ({ value: s.level, label: s.shown ? labels.seniority(s.level) : format(m.filters.tooFew, { name: labels.seniority(s.level) }), disabled: !s.shown }))}
          current={{ wave: meta.wave?.label ?? "", department: meta.filter.department ?? "", seniority: meta.filter.seniority ?? "" }}
          labels={{
            legend: m.filters.legend,
            wave: m.filters.wave,
            department: m.filters.department,
            seniority: m.filters.seniority,
            allDepartments: m.filters.allDepartments,
            allLevels: m.filters.allLevels,
            hint: m.filters.oneAtATime,
            apply: m.filters.apply,
          }}
        />
      )}

      {ctx.invalid && (
        <div className="notice notice-warn" role="alert" data-testid="filter-error">
          <p>{m.filters.invalid}</p>
          <ul>
            {Object.entries(ctx.invalid).map(([k, v]) => (
              <li key={k}>
                <code>{k}</code> {v}
              </li>
            ))}
          </ul>
        </div>
      )}
      {meta.status === "ok" && (meta.filter.department !== undefined || meta.filter.seniority !== undefined) && (
        <p className="notice" data-testid="group-note">
          {format(m.common.groupNote, { group: groupName })}
        </p>
      )}

      {children}

      <p className="dash-foot muted small">{format(m.print.privacy, { min: meta.minGroupSize })}</p>
    </div>
  );
}
