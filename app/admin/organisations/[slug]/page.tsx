import { DataTable, NumCell, RowHeader } from "@/app/components/data-table";
import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/server/auth/page-guards";
import { findOrganisationBySlug, listWaves } from "@/db/queries/organisations";
import { waveAvailability } from "@/lib/survey/service";
import { baseUrlOf } from "@/server/http/origin";
import { leadsOfOrganisation } from "@/db/queries/users";
import { invitationCounts } from "@/db/queries/invitations";
import { adminMessages } from "@/lib/i18n/admin-messages";
import { format } from "@/lib/i18n/messages";
import { currentLocale } from "@/server/i18n";
import { formatNumber } from "@/lib/format/numbers";
import { addLeadAction, archiveOrganisationAction, createWaveAction, removeLeadAction, resetLeadPasswordAction, setWaveStatusAction, updateOrganisationAction } from "../../actions";
import { LeadsPanel } from "./leads-panel";
import { OrganisationForm } from "../../organisation-form";
import { WaveForm } from "./wave-form";
import { estimatedMinutes, getQuestionnaire, hasChecks, questionnaireVersions } from "@/questions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminMessages(await currentLocale()).meta.organisation };
}

export default async function OrganisationAdminPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireAdminPage(`/admin/organisations/${slug}`);
  const db = getDb();
  const org = await findOrganisationBySlug(db, slug);
  if (!org) notFound();
  const waves = await listWaves(db, org.id);
  const leads = await leadsOfOrganisation(db, org.id);
  const invited = new Map<number, Awaited<ReturnType<typeof invitationCounts>>>();
  for (const w of waves) {
    const counts = await invitationCounts(db, w.id);
    if (counts.invited > 0) invited.set(w.id, counts);
  }
  const origin = baseUrlOf(await headers());
  const locale = await currentLocale();
  const m = adminMessages(locale);
  const t = m.organisation;
  const invitedLabel = (waveId: number) => {
    const counts = invited.get(waveId);
    return counts ? format(t.invitationsCompleted, { used: formatNumber(locale, counts.used), invited: formatNumber(locale, counts.invited) }) : t.invitePeople;
  };
  return (
    <>
      <section className="card" aria-labelledby="org-title">
        <p className="section-kicker">{org.archivedAt ? t.kickerArchived : t.kicker}</p>
        <h1 id="org-title">{org.name}</h1>
        <OrganisationForm
          action={updateOrganisationAction.bind(null, org.slug)}
          initial={{ name: org.name, slug: org.slug, sector: org.sector, sizeBand: org.sizeBand, departments: org.departments.join("\n") }}
          t={m.organisationForm}
          submitLabel={m.organisationForm.save}
        />
        <form action={archiveOrganisationAction.bind(null, org.slug, !org.archivedAt)} style={{ marginTop: "1.25rem" }}>
          <button className="btn btn-secondary" type="submit">
            {org.archivedAt ? t.restore : t.archive}
          </button>
          <span className="muted small" style={{ marginLeft: "0.75rem" }}>
            {t.archiveHelp}
          </span>
        </form>
      </section>

      <section className="card" aria-labelledby="waves-title">
        <h2 id="waves-title">{t.wavesTitle}</h2>
        <DataTable
          testId="wave-table"
          columns={[{ label: t.wave }, { label: t.status }, { label: t.surveyLink }, { label: t.responses, numeric: true }, { label: t.invitations }, { label: t.action }]}
        >
          {waves.map((w) => (
            <tr key={w.id}>
              <RowHeader>
                <Link href={`/admin/organisations/${org.slug}/waves/${w.id}`}>{w.label}</Link>
                {hasChecks(getQuestionnaire(w.questionnaireVersion)) && <span className="muted small"> · {t.withChecks}</span>}
              </RowHeader>
              <td>{m.common.waveStatus[waveAvailability(w)]}</td>
              <td>
                <input className="copy-link" readOnly value={`${origin}/s/${w.code}`} aria-label={format(t.surveyLinkFor, { wave: w.label })} />
              </td>
              <NumCell>{formatNumber(locale, w.submitted)}</NumCell>
              <td>
                <Link href={`/admin/organisations/${org.slug}/waves/${w.id}`}>{invitedLabel(w.id)}</Link>
              </td>
              <td>
                <form action={setWaveStatusAction.bind(null, org.slug, w.id, w.status === "open" ? "closed" : "open")}>
                  <button className="btn btn-secondary btn-small" type="submit">
                    {w.status === "open" ? t.close : t.reopen}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </DataTable>
        <h3 style={{ marginTop: "1.5rem" }}>{t.newWave}</h3>
        <WaveForm
          action={createWaveAction.bind(null, org.slug)}
          t={m.waveForm}
          versions={questionnaireVersions().map((version) => ({ version, minutes: estimatedMinutes(getQuestionnaire(version), org.departments).minutes }))}
        />
      </section>

      <section className="card" aria-labelledby="leads-title">
        <h2 id="leads-title">{t.leadsTitle}</h2>
        <p className="muted">{t.leadsHelp}</p>
        <LeadsPanel
          leads={leads.map((l) => ({ id: l.id, name: l.name, email: l.email }))}
          t={m.leads}
          addAction={addLeadAction.bind(null, org.slug)}
          resetActions={Object.fromEntries(leads.map((l) => [l.id, resetLeadPasswordAction.bind(null, org.slug, l.id)]))}
          removeActions={Object.fromEntries(leads.map((l) => [l.id, removeLeadAction.bind(null, org.slug, l.id)]))}
        />
      </section>
    </>
  );
}
