import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/page-guards";
import { findOrganisationBySlug, listWaves } from "@/db/queries/organisations";
import { waveAvailability } from "@/lib/survey/service";
import { baseUrlOf } from "@/lib/http/origin";
import { leadsOfOrganisation } from "@/db/queries/users";
import { invitationCounts } from "@/db/queries/invitations";
import { addLeadAction, archiveOrganisationAction, createWaveAction, removeLeadAction, resetLeadPasswordAction, setWaveStatusAction, updateOrganisationAction } from "../../actions";
import { LeadsPanel } from "./leads-panel";
import { OrganisationForm } from "../../organisation-form";
import { WaveForm } from "./wave-form";

export const metadata: Metadata = { title: "Organisation" };

const STATUS_LABEL = { open: "Open", closed: "Closed", not_yet_open: "Scheduled" } as const;

export default async function OrganisationAdminPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireAdminPage(`/admin/organisations/${slug}`);
  const db = getDb();
  const org = findOrganisationBySlug(db, slug);
  if (!org) notFound();
  const waves = listWaves(db, org.id);
  const leads = leadsOfOrganisation(db, org.id);
  const invited = new Map(waves.map((w) => [w.id, invitationCounts(db, w.id)] as const).filter(([, c]) => c.invited > 0));
  const origin = baseUrlOf(await headers());
  return (
    <>
      <section className="card" aria-labelledby="org-title">
        <p className="section-kicker">{org.archivedAt ? "Archived organisation" : "Organisation"}</p>
        <h1 id="org-title">{org.name}</h1>
        <OrganisationForm
          action={updateOrganisationAction.bind(null, org.slug)}
          initial={{ name: org.name, slug: org.slug, sector: org.sector, sizeBand: org.sizeBand, departments: org.departments.join("\n") }}
          submitLabel="Save changes"
        />
        <form action={archiveOrganisationAction.bind(null, org.slug, !org.archivedAt)} style={{ marginTop: "1.25rem" }}>
          <button className="btn btn-secondary" type="submit">
            {org.archivedAt ? "Restore organisation" : "Archive organisation"}
          </button>
          <span className="muted small" style={{ marginLeft: "0.75rem" }}>
            Archived organisations leave the benchmark and their survey links stop working; nothing is deleted.
          </span>
        </form>
      </section>

      <section className="card" aria-labelledby="waves-title">
        <h2 id="waves-title">Survey waves</h2>
        <div className="data-table-wrap">
          <table className="data" data-testid="wave-table">
            <thead>
              <tr>
                <th scope="col">Wave</th>
                <th scope="col">Status</th>
                <th scope="col">Survey link</th>
                <th scope="col" className="num">
                  Responses
                </th>
                <th scope="col">Invitations</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {waves.map((w) => (
                <tr key={w.id}>
                  <th scope="row">
                    <Link href={`/admin/organisations/${org.slug}/waves/${w.id}`}>{w.label}</Link>
                  </th>
                  <td>{STATUS_LABEL[waveAvailability(w)]}</td>
                  <td>
                    <input className="copy-link" readOnly value={`${origin}/s/${w.code}`} aria-label={`Survey link for ${w.label}`} />
                  </td>
                  <td className="num">{w.submitted.toLocaleString("en")}</td>
                  <td>
                    <Link href={`/admin/organisations/${org.slug}/waves/${w.id}`}>{invited.get(w.id) ? `${invited.get(w.id)!.used} of ${invited.get(w.id)!.invited} completed` : "Invite people"}</Link>
                  </td>
                  <td>
                    <form action={setWaveStatusAction.bind(null, org.slug, w.id, w.status === "open" ? "closed" : "open")}>
                      <button className="btn btn-secondary btn-small" type="submit">
                        {w.status === "open" ? "Close" : "Reopen"}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3 style={{ marginTop: "1.5rem" }}>New wave</h3>
        <WaveForm action={createWaveAction.bind(null, org.slug)} />
      </section>

      <section className="card" aria-labelledby="leads-title">
        <h2 id="leads-title">L&amp;D leads</h2>
        <p className="muted">Leads see this organisation&apos;s dashboards and never raw responses.</p>
        <LeadsPanel
          leads={leads.map((l) => ({ id: l.id, name: l.name, email: l.email }))}
          addAction={addLeadAction.bind(null, org.slug)}
          resetActions={Object.fromEntries(leads.map((l) => [l.id, resetLeadPasswordAction.bind(null, org.slug, l.id)]))}
          removeActions={Object.fromEntries(leads.map((l) => [l.id, removeLeadAction.bind(null, org.slug, l.id)]))}
        />
      </section>
    </>
  );
}
