import { DataTable, NumCell, RowHeader } from "@/app/components/data-table";
import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { invitationCounts, listInvitations } from "@/db/queries/invitations";
import { findOrganisationBySlug, findWave, listWaves } from "@/db/queries/organisations";
import { requireAdminPage } from "@/server/auth/page-guards";
import { env } from "@/core/env";
import { baseUrlOf } from "@/server/http/origin";
import { adminMessages } from "@/lib/i18n/admin-messages";
import { LOCALE_NAMES, isLocale } from "@/lib/i18n/locale";
import { format } from "@/lib/i18n/messages";
import { currentLocale } from "@/server/i18n";
import { formatNumber } from "@/lib/format/numbers";
import { formatUtcDateTime } from "@/lib/i18n/text";
import { waveAvailability } from "@/lib/survey/service";
import { voidSubmissionsAction } from "../../../../actions";
import { FAST_SECONDS, submissionActivity } from "@/lib/admin/submissions";
import { plural } from "@/lib/i18n/text";
import { InvitationsPanel } from "./invitations-panel";
import { VoidForm } from "./void-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminMessages(await currentLocale()).meta.wave };
}

const PAGE_SIZE = 100;

type Props = { params: Promise<{ slug: string; waveId: string }>; searchParams: Promise<{ page?: string; from?: string; to?: string; fast?: string }> };

/** A window from the query (the bursts table's "Review" links), as datetime-local values; anything else is ignored. */
function windowFrom(query: { from?: string; to?: string; fast?: string }) {
  const local = (s: string | undefined) => (s && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s) ? s.slice(0, 16) : "");
  return { from: local(query.from), to: local(query.to), fast: query.fast === "1" };
}

export default async function WaveAdminPage({ params, searchParams }: Props) {
  const { slug, waveId } = await params;
  await requireAdminPage(`/admin/organisations/${slug}/waves/${waveId}`);
  const db = getDb();
  const org = await findOrganisationBySlug(db, slug);
  const wave = org && /^\d{1,12}$/.test(waveId) ? await findWave(db, org.id, Number(waveId)) : undefined;
  if (!org || !wave) notFound();
  const locale = await currentLocale();
  const m = adminMessages(locale);
  const t = m.wave;
  const submitted = (await listWaves(db, org.id)).find((w) => w.id === wave.id)?.submitted ?? 0;
  const counts = await invitationCounts(db, wave.id);
  const all = await listInvitations(db, wave.id);
  const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  const query = await searchParams;
  const page = Math.min(pages, Math.max(1, Number(query.page) || 1));
  const activity = await submissionActivity(db, org, wave);
  const ts = m.submissions;
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

      <section className="card" aria-labelledby="submissions-title" id="submissions">
        <h2 id="submissions-title">{ts.title}</h2>
        <p className="muted">{format(ts.intro, { seconds: num(FAST_SECONDS) })}</p>
        <dl className="stat-row" data-testid="submission-stats">
          <div>
            <dt>{ts.submitted}</dt>
            <dd>{num(activity.counts.submitted)}</dd>
          </div>
          <div>
            <dt>{ts.voidedCount}</dt>
            <dd>{num(activity.counts.voided)}</dd>
          </div>
          <div>
            <dt>{ts.drafts}</dt>
            <dd>{num(activity.counts.draft)}</dd>
          </div>
          <div>
            <dt>{format(ts.fast, { seconds: num(FAST_SECONDS) })}</dt>
            <dd>{num(activity.fast)}</dd>
          </div>
          <div>
            <dt>{ts.busiest}</dt>
            <dd>
              {activity.busiestMinute ? (
                <>
                  {num(activity.busiestMinute.submitted)} <span className="stat-note">{when(`${activity.busiestMinute.minute}:00Z`)}</span>
                </>
              ) : (
                "—"
              )}
            </dd>
          </div>
        </dl>
        <h3 className="subsection">{ts.burstsTitle}</h3>
        {activity.bursts.length === 0 ? (
          <p className="muted" data-testid="no-bursts">
            {ts.noBursts}
          </p>
        ) : (
          <DataTable
            testId="burst-table"
            caption={format(ts.burstsCaption, { usual: num(activity.usualPerMinute) })}
            columns={[{ label: ts.from }, { label: ts.to }, { label: ts.submitted, numeric: true }, { label: format(ts.fast, { seconds: num(FAST_SECONDS) }), numeric: true }, { label: <span className="visually-hidden">{ts.review}</span> }]}
          >
            {activity.bursts.map((b) => (
              <tr key={b.from}>
                <RowHeader>{when(b.from)}</RowHeader>
                <td>{when(b.to)}</td>
                <NumCell>{num(b.submitted)}</NumCell>
                <NumCell>{num(b.fast)}</NumCell>
                <td>
                  <Link href={`?from=${b.from.slice(0, 16)}&to=${b.to.slice(0, 16)}${b.fast >= b.submitted / 2 ? "&fast=1" : ""}#void-title`}>{ts.review}</Link>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        <h3 id="void-title" className="subsection">
          {ts.voidTitle}
        </h3>
        <p className="muted">{ts.voidHelp}</p>
        <VoidForm
          key={`${query.from ?? ""}|${query.to ?? ""}|${query.fast ?? ""}`}
          action={voidSubmissionsAction.bind(null, org.slug, wave.id)}
          t={ts}
          locale={locale}
          fastSeconds={FAST_SECONDS}
          initial={windowFrom(query)}
        />
        {activity.voids.length > 0 && (
          <DataTable
            testId="void-history"
            caption={plural(locale, ts.historyCaption, activity.voids.length)}
            columns={[{ label: ts.when }, { label: ts.who }, { label: ts.voidedCount, numeric: true }, { label: ts.detail }]}
          >
            {activity.voids.map((e) => (
              <tr key={e.id}>
                <RowHeader>{when(e.at)}</RowHeader>
                <td>{e.userEmail}</td>
                <NumCell>{e.rows === null ? "—" : num(e.rows)}</NumCell>
                <td className="prose-cell">{e.detail ?? "—"}</td>
              </tr>
            ))}
          </DataTable>
        )}
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
          <>
            <DataTable
              testId="invitation-table"
              caption={format(t.caption, { total: num(all.length), from: num((page - 1) * PAGE_SIZE + 1), to: num((page - 1) * PAGE_SIZE + shown.length) })}
              columns={[{ label: t.email }, { label: t.department }, { label: t.language }, { label: t.status }, { label: t.linksIssued, numeric: true }, { label: t.emailsSent, numeric: true }, { label: t.lastContact }]}
            >
              {shown.map((i) => (
                <tr key={i.id}>
                  <RowHeader>{i.email}</RowHeader>
                  <td>{i.department ?? "—"}</td>
                  <td>{isLocale(i.locale) ? LOCALE_NAMES[i.locale] : i.locale}</td>
                  <td>{i.completed ? <span className="tag tag-done">{t.done}</span> : <span className="tag">{t.notYet}</span>}</td>
                  <NumCell>{num(i.linksIssued)}</NumCell>
                  <NumCell>{num(i.emailsSent)}</NumCell>
                  <td>{when([i.lastEmailedAt, i.lastLinkAt].filter(Boolean).sort().at(-1) ?? null)}</td>
                </tr>
              ))}
            </DataTable>
            {pages > 1 && (
              <nav className="pager" aria-label={t.pagesLabel}>
                {page > 1 && <Link href={`?page=${page - 1}`}>{t.previous}</Link>}
                <span>{format(m.common.pageOf, { page: num(page), pages: num(pages) })}</span>
                {page < pages && <Link href={`?page=${page + 1}`}>{t.next}</Link>}
              </nav>
            )}
          </>
        )}
      </section>
    </>
  );
}
