import { DataTable, NumCell, RowHeader } from "@/app/components/data-table";
import { minimumGroupSize } from "@/core/disclosure/threshold";
import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { listAudit } from "@/db/queries/audit";
import { listOrganisations } from "@/db/queries/organisations";
import { requireAdminPage } from "@/server/auth/page-guards";
import { MIN_COMPARISON_ORGS } from "@/core/disclosure/threshold";
import { adminMessages, type AdminMessages } from "@/lib/i18n/admin-messages";
import { format } from "@/lib/i18n/messages";
import { currentLocale } from "@/server/i18n";
import { formatNumber } from "@/lib/format/numbers";
import { formatUtcDateTime, plural } from "@/lib/i18n/text";

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminMessages(await currentLocale()).meta.exports };
}

const PAGE_SIZE = 50;

type Texts = AdminMessages["exports"];

function OrgSelect({ id, orgs, t }: { id: string; orgs: { slug: string; name: string; archived: boolean }[]; t: Texts }) {
  return (
    <select id={id} name="org" className="input" defaultValue="">
      <option value="">{t.allOrganisations}</option>
      {orgs.map((o) => (
        <option key={o.slug} value={o.slug}>
          {o.archived ? format(t.archivedOption, { name: o.name }) : o.name}
        </option>
      ))}
    </select>
  );
}

export default async function ExportsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await requireAdminPage("/admin/exports");
  const locale = await currentLocale();
  const m = adminMessages(locale);
  const t = m.exports;
  const db = getDb();
  const orgs = (await listOrganisations(db)).map((o) => ({ slug: o.slug, name: o.name, archived: !!o.archivedAt }));
  const requested = Math.max(1, Number((await searchParams).page) || 1);
  const { entries, total } = await listAudit(db, PAGE_SIZE, (requested - 1) * PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const min = minimumGroupSize();
  const num = (n: number) => formatNumber(locale, n);
  return (
    <>
      <section className="card" aria-labelledby="exports-title">
        <h1 id="exports-title">{t.title}</h1>
        <p className="muted">{t.intro}</p>
        <div className="export-grid">
          <form method="get" action="/api/admin/exports/responses" className="export-card">
            <h2>{t.responsesTitle}</h2>
            <p className="muted small">{t.responsesHelp}</p>
            <label htmlFor="export-responses-org">{t.organisation}</label>
            <OrgSelect id="export-responses-org" orgs={orgs} t={t} />
            <button className="btn" type="submit" data-testid="export-responses">
              {t.responsesDownload}
            </button>
          </form>
          <form method="get" action="/api/admin/exports/aggregates" className="export-card">
            <h2>{t.aggregatesTitle}</h2>
            <p className="muted small">{format(t.aggregatesHelp, { min: num(min) })}</p>
            <label htmlFor="export-aggregates-org">{t.organisation}</label>
            <OrgSelect id="export-aggregates-org" orgs={orgs} t={t} />
            <button className="btn" type="submit" data-testid="export-aggregates">
              {t.aggregatesDownload}
            </button>
          </form>
          <form method="get" action="/api/admin/exports/benchmark" className="export-card">
            <h2>{t.benchmarkTitle}</h2>
            <p className="muted small">{format(t.benchmarkHelp, { orgs: num(MIN_COMPARISON_ORGS) })}</p>
            <button className="btn" type="submit" data-testid="export-benchmark">
              {t.benchmarkDownload}
            </button>
          </form>
        </div>
      </section>

      <section className="card" aria-labelledby="audit-title">
        <h2 id="audit-title">{t.auditTitle}</h2>
        {total === 0 ? (
          <p className="muted">{t.auditEmpty}</p>
        ) : (
          <>
            <DataTable
              testId="audit-table"
              caption={plural(locale, t.auditCaption, total)}
              columns={[{ label: t.when }, { label: t.who }, { label: t.what }, { label: t.scope }, { label: t.rows, numeric: true }, { label: t.status }, { label: t.detail }]}
            >
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{formatUtcDateTime(locale, e.at, "medium", m.common.utc)}</td>
                  <td>{e.userEmail}</td>
                  <RowHeader>{t.actions[e.action]}</RowHeader>
                  <td>{e.scope === "all" ? t.allOrganisations : e.scope}</td>
                  <NumCell>{e.rows === null ? "—" : num(e.rows)}</NumCell>
                  <td>{t.statuses[e.status]}</td>
                  <td className="small prose-cell">{e.detail ?? "—"}</td>
                </tr>
              ))}
            </DataTable>
            {pages > 1 && (
              <nav className="pager" aria-label={t.pagesLabel}>
                {requested > 1 && <Link href={`?page=${requested - 1}`}>{t.newer}</Link>}
                <span>{format(m.common.pageOf, { page: num(Math.min(requested, pages)), pages: num(pages) })}</span>
                {requested < pages && <Link href={`?page=${requested + 1}`}>{t.older}</Link>}
              </nav>
            )}
          </>
        )}
      </section>
    </>
  );
}
