import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { invitationCounts, listInvitations } from "@/db/queries/invitations";
import { findOrganisationBySlug, findWave, listWaves } from "@/db/queries/organisations";
import { requireAdminPage } from "@/lib/auth/page-guards";
import { env } from "@/lib/env";
import { baseUrlOf } from "@/lib/http/origin";
import { LOCALE_NAMES, isLocale } from "@/lib/i18n/locale";
import { waveAvailability } from "@/lib/survey/service";
import { InvitationsPanel } from "./invitations-panel";

export const metadata: Metadata = { title: "Survey wave" };

const STATUS_LABEL = { open: "Open", closed: "Closed", not_yet_open: "Scheduled" } as const;
const PAGE_SIZE = 100;

type Props = { params: Promise<{ slug: string; waveId: string }>; searchParams: Promise<{ page?: string }> };

const when = (iso: string | null) => (iso ? new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(iso)) + " UTC" : "—");

export default async function WaveAdminPage({ params, searchParams }: Props) {
  const { slug, waveId } = await params;
  await requireAdminPage(`/admin/organisations/${slug}/waves/${waveId}`);
  const db = getDb();
  const org = findOrganisationBySlug(db, slug);
  const wave = org && /^\d{1,12}$/.test(waveId) ? findWave(db, org.id, Number(waveId)) : undefined;
  if (!org || !wave) notFound();
  const submitted = listWaves(db, org.id).find((w) => w.id === wave.id)?.submitted ?? 0;
  const counts = invitationCounts(db, wave.id);
  const all = listInvitations(db, wave.id);
  const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, Number((await searchParams).page) || 1));
  const shown = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const base = baseUrlOf(await headers());
  const availability = waveAvailability(wave);
  const smtp = !!env().SMTP_URL;
  const api = `/api/admin/organisations/${encodeURIComponent(org.slug)}/waves/${wave.id}`;
  const pct = (a: number, b: number) => (b > 0 ? `${Math.round((100 * a) / b)}%` : "—");

  return (
    <>
      <p className="breadcrumbs">
        <Link href="/admin">Organisations</Link> › <Link href={`/admin/organisations/${org.slug}`}>{org.name}</Link> › {wave.label}
      </p>
      <section className="card" aria-labelledby="wave-title">
        <p className="section-kicker">Survey wave · {STATUS_LABEL[availability]}</p>
        <h1 id="wave-title">
          {org.name} — {wave.label}
        </h1>
        <dl className="stat-row" data-testid="wave-stats">
          <div>
            <dt>Responses</dt>
            <dd>{submitted.toLocaleString("en")}</dd>
          </div>
          <div>
            <dt>Invited</dt>
            <dd>{counts.invited.toLocaleString("en")}</dd>
          </div>
          <div>
            <dt>Invitations completed</dt>
            <dd>
              {counts.used.toLocaleString("en")} <span className="muted small">({pct(counts.used, counts.invited)})</span>
            </dd>
          </div>
          <div>
            <dt>Not yet completed</dt>
            <dd>{(counts.invited - counts.used).toLocaleString("en")}</dd>
          </div>
        </dl>
        <label className="field-inline">
          <span>Public survey link (anyone with it can respond)</span>
          <input className="copy-link" readOnly value={`${base}/s/${wave.code}`} aria-label="Public survey link" />
        </label>
      </section>

      <section className="card" aria-labelledby="invite-title">
        <h2 id="invite-title">Invitations</h2>
        <p className="muted">
          Upload a roster to give each person a single-use personal link. Only a fingerprint of each link is stored, so links are shown once, right after they are made
          {smtp ? "; with email configured they are sent straight away" : ""}. A response never records which invitation it came from.
        </p>
        <InvitationsPanel
          inviteUrl={`${api}/invitations`}
          remindUrl={`${api}/reminders`}
          smtp={smtp}
          departments={org.departments}
          pending={counts.invited - counts.used}
          closed={availability === "closed" || !!org.archivedAt}
          fileName={`invitations-${org.slug}-${wave.label}`}
        />
      </section>

      <section className="card" aria-labelledby="invited-title">
        <h2 id="invited-title">Invited people</h2>
        {all.length === 0 ? (
          <p className="muted">Nobody has been invited to this wave yet.</p>
        ) : (
          <div className="data-table-wrap">
            <table className="data" data-testid="invitation-table">
              <caption>
                {all.length.toLocaleString("en")} invited; showing {(page - 1) * PAGE_SIZE + 1}–{(page - 1) * PAGE_SIZE + shown.length}.
              </caption>
              <thead>
                <tr>
                  <th scope="col">Email</th>
                  <th scope="col">Department</th>
                  <th scope="col">Language</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">
                    Links issued
                  </th>
                  <th scope="col" className="num">
                    Emails sent
                  </th>
                  <th scope="col">Last link or email</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">{i.email}</th>
                    <td>{i.department ?? "—"}</td>
                    <td>{isLocale(i.locale) ? LOCALE_NAMES[i.locale] : i.locale}</td>
                    <td>{i.completed ? <span className="tag tag-done">Completed</span> : <span className="tag">Not yet</span>}</td>
                    <td className="num">{i.linksIssued}</td>
                    <td className="num">{i.emailsSent}</td>
                    <td>{when([i.lastEmailedAt, i.lastLinkAt].filter(Boolean).sort().at(-1) ?? null)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {pages > 1 && (
              <nav className="pager" aria-label="Invited people pages">
                {page > 1 && <Link href={`?page=${page - 1}`}>← Previous</Link>}
                <span>
                  Page {page} of {pages}
                </span>
                {page < pages && <Link href={`?page=${page + 1}`}>Next →</Link>}
              </nav>
            )}
          </div>
        )}
      </section>
    </>
  );
}
