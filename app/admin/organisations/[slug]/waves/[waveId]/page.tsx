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
import { adminMessages } from "@/lib/i18n/admin-messages";
import { LOCALE_NAMES, isLocale } from "@/lib/i18n/locale";
import { format } from "@/lib/i18n/messages";
import { currentLocale } from "@/lib/i18n/server";
import { formatNumber, formatUtcDateTime } from "@/lib/i18n/text";
import { waveAvailability } from "@/lib/survey/service";
import { InvitationsPanel } from "./invitations-panel";

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminMessages(await currentLocale()).meta.wave };
}

const PAGE_SIZE = 100;

type Props = { params: Promise<{ slug: string; waveId: string }>; searchParams: Promise<{ page?: string }> };

export default async function WaveAdminPage({ params, searchParams }: Props) {
  const { slug, waveId } = await params;
  await requireAdminPage(`/admin/organisations/${slug}/waves/${waveId}`);
  const db = getDb();
  const org = findOrganisationBySlug(db, slug);
  const wave = org && /^\d{1,12}$/.test(waveId) ? findWave(db, org.id, Number(waveId)) : undefined;
  if (!org || !wave) notFound();
  const locale = await currentLocale();
  const m = adminMessages(locale);
  const t = m.wave;
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
  const num = (n: number) => formatNumber(locale, n);
  const pct = (a: number, b: number) => (b > 0 ? `${Math.round((100 * a) / b)}%` : "—");
  const when = (iso: string | null) => (iso ? formatUtcDateTime(locale, iso, "short", m.common.utc) : "—");

  return (
    <>
      <p className="breadcrumbs">
        <Link href="/admin">{m.nav.organisations}</Link> › <Link href={`/admin/organisations/${org.slug}`}>{org.name}</Link> › {wave.label}
      </p>
      <section className="card" aria-labelledby="wave-title">
        <p className="section-kicker">{format(t.kicker, { status: m.common.waveStatus[availability] })}</p>
        <h1 id="wave-title">
          {org.name} — {wave.label}
        </h1>
        <dl className="stat-row" data-testid="wave-stats">
          <div>
            <dt>{t.responses}</dt>
            <dd>{num(submitted)}</dd>
          </div>
          <div>
            <dt>{t.invited}</dt>
            <dd>{num(counts.invited)}</dd>
          </div>
          <div>
            <dt>{t.completed}</dt>
            <dd>
              {num(counts.used)} <span className="muted small">({pct(counts.used, counts.invited)})</span>
            </dd>
          </div>
          <div>
            <dt>{t.notCompleted}</dt>
            <dd>{num(counts.invited - counts.used)}</dd>
          </div>
        </dl>
        <label className="field-inline">
          <span>{t.publicLink}</span>
          <input className="copy-link" readOnly value={`${base}/s/${wave.code}`} aria-label={t.publicLinkLabel} />
        </label>
      </section>

      <section className="card" aria-labelledby="invite-title">
        <h2 id="invite-title">{t.invitationsTitle}</h2>
        <p className="muted">{smtp ? t.introEmail : t.intro}</p>
        <InvitationsPanel
          locale={locale}
          t={m.invitations}
          listSeparator={m.common.listSeparator}
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
        <h2 id="invited-title">{t.invitedTitle}</h2>
        {all.length === 0 ? (
          <p className="muted">{t.nobody}</p>
        ) : (
          <div className="data-table-wrap">
            <table className="data" data-testid="invitation-table">
              <caption>{format(t.caption, { total: num(all.length), from: num((page - 1) * PAGE_SIZE + 1), to: num((page - 1) * PAGE_SIZE + shown.length) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.email}</th>
                  <th scope="col">{t.department}</th>
                  <th scope="col">{t.language}</th>
                  <th scope="col">{t.status}</th>
                  <th scope="col" className="num">
                    {t.linksIssued}
                  </th>
                  <th scope="col" className="num">
                    {t.emailsSent}
                  </th>
                  <th scope="col">{t.lastContact}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">{i.email}</th>
                    <td>{i.department ?? "—"}</td>
                    <td>{isLocale(i.locale) ? LOCALE_NAMES[i.locale] : i.locale}</td>
                    <td>{i.completed ? <span className="tag tag-done">{t.done}</span> : <span className="tag">{t.notYet}</span>}</td>
                    <td className="num">{num(i.linksIssued)}</td>
                    <td className="num">{num(i.emailsSent)}</td>
                    <td>{when([i.lastEmailedAt, i.lastLinkAt].filter(Boolean).sort().at(-1) ?? null)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {pages > 1 && (
              <nav className="pager" aria-label={t.pagesLabel}>
                {page > 1 && <Link href={`?page=${page - 1}`}>{t.previous}</Link>}
                <span>{format(m.common.pageOf, { page: num(page), pages: num(pages) })}</span>
                {page < pages && <Link href={`?page=${page + 1}`}>{t.next}</Link>}
              </nav>
            )}
          </div>
        )}
      </section>
    </>
  );
}
