import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { listAudit } from "@/db/queries/audit";
import { listOrganisations } from "@/db/queries/organisations";
import type { AuditEntry } from "@/db/schema";
import { requireAdminPage } from "@/lib/auth/page-guards";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Exports" };

const PAGE_SIZE = 50;

const ACTION_LABEL: Record<AuditEntry["action"], string> = {
  export_responses: "Responses CSV",
  export_aggregates: "Aggregates CSV",
  export_benchmark: "Benchmark tables CSV",
  invitations_created: "Invitation links created",
  invitation_links_reissued: "Reminder links issued",
  invitation_emails_sent: "Invitation emails sent",
};

const STATUS_LABEL: Record<AuditEntry["status"], string> = { started: "In progress", completed: "Completed", incomplete: "Stopped part-way" };

const when = (iso: string) => new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" }).format(new Date(iso)) + " UTC";

function OrgSelect({ id, orgs }: { id: string; orgs: { slug: string; name: string; archived: boolean }[] }) {
  return (
    <select id={id} name="org" className="input" defaultValue="">
      <option value="">All organisations</option>
      {orgs.map((o) => (
        <option key={o.slug} value={o.slug}>
          {o.name}
          {o.archived ? " (archived)" : ""}
        </option>
      ))}
    </select>
  );
}

export default async function ExportsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await requireAdminPage("/admin/exports");
  const db = getDb();
  const orgs = listOrganisations(db).map((o) => ({ slug: o.slug, name: o.name, archived: !!o.archivedAt }));
  const requested = Math.max(1, Number((await searchParams).page) || 1);
  const { entries, total } = listAudit(db, PAGE_SIZE, (requested - 1) * PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const min = env().MIN_GROUP_SIZE;
  return (
    <>
      <section className="card" aria-labelledby="exports-title">
        <h1 id="exports-title">Exports</h1>
        <p className="muted">
          CSV files open in Excel, Numbers and LibreOffice (UTF-8 with BOM); cells that a spreadsheet would run as formulas are prefixed with &apos;. Every download is recorded in the audit log
          below.
        </p>
        <div className="export-grid">
          <form method="get" action="/api/admin/exports/responses" className="export-card">
            <h2>Responses</h2>
            <p className="muted small">Anonymised raw responses in the responses CSV format (the same format imports accept). No names, emails or invitation links.</p>
            <label htmlFor="export-responses-org">Organisation</label>
            <OrgSelect id="export-responses-org" orgs={orgs} />
            <button className="btn" type="submit" data-testid="export-responses">
              Download responses CSV
            </button>
          </form>
          <form method="get" action="/api/admin/exports/aggregates" className="export-card">
            <h2>Organisation aggregates</h2>
            <p className="muted small">Per wave, department and seniority: coverage, perception, index. Groups under {min} responses show &ldquo;too few responses&rdquo;.</p>
            <label htmlFor="export-aggregates-org">Organisation</label>
            <OrgSelect id="export-aggregates-org" orgs={orgs} />
            <button className="btn" type="submit" data-testid="export-aggregates">
              Download aggregates CSV
            </button>
          </form>
          <form method="get" action="/api/admin/exports/benchmark" className="export-card">
            <h2>Benchmark tables</h2>
            <p className="muted small">Median, top quartile and top decile across organisations, per sector and per size band (groups of at least 5 organisations).</p>
            <button className="btn" type="submit" data-testid="export-benchmark">
              Download benchmark CSV
            </button>
          </form>
        </div>
      </section>

      <section className="card" aria-labelledby="audit-title">
        <h2 id="audit-title">Audit log</h2>
        {total === 0 ? (
          <p className="muted">Nothing has been exported yet.</p>
        ) : (
          <div className="data-table-wrap">
            <table className="data" data-testid="audit-table">
              <caption>
                {total.toLocaleString("en")} entries, newest first. Times in UTC.
              </caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">Scope</th>
                  <th scope="col" className="num">
                    Rows
                  </th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id}>
                    <td>{when(e.at)}</td>
                    <td>{e.userEmail}</td>
                    <th scope="row">{ACTION_LABEL[e.action]}</th>
                    <td>{e.scope === "all" ? "All organisations" : e.scope}</td>
                    <td className="num">{e.rows === null ? "—" : e.rows.toLocaleString("en")}</td>
                    <td>{STATUS_LABEL[e.status]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {pages > 1 && (
              <nav className="pager" aria-label="Audit log pages">
                {requested > 1 && <Link href={`?page=${requested - 1}`}>← Newer</Link>}
                <span>
                  Page {Math.min(requested, pages)} of {pages}
                </span>
                {requested < pages && <Link href={`?page=${requested + 1}`}>Older →</Link>}
              </nav>
            )}
          </div>
        )}
      </section>
    </>
  );
}
