import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { listOrganisations } from "@/db/queries/organisations";
import { requireAdminPage } from "@/server/auth/page-guards";
import { adminMessages } from "@/lib/i18n/admin-messages";
import { messages } from "@/lib/i18n/messages";
import { currentLocale } from "@/server/i18n";
import { formatNumber } from "@/lib/format/numbers";
import { plural } from "@/lib/i18n/text";

/** Absolute: the admin layout's title template applies to pages below it, not to this one. */
export async function generateMetadata(): Promise<Metadata> {
  const locale = await currentLocale();
  return { title: { absolute: `${adminMessages(locale).meta.organisations} · ${messages(locale).appName}` } };
}

export default async function AdminHome() {
  await requireAdminPage("/admin");
  const locale = await currentLocale();
  const m = adminMessages(locale);
  const t = m.organisations;
  const orgs = listOrganisations(getDb());
  return (
    <section className="card" aria-labelledby="orgs-title">
      <div className="btn-row" style={{ marginTop: 0 }}>
        <h1 id="orgs-title" style={{ margin: 0 }}>
          {t.title}
        </h1>
        <Link className="btn" href="/admin/organisations/new">
          {t.newOrganisation}
        </Link>
      </div>
      <div className="data-table-wrap">
        <table className="data" data-testid="org-table">
          <caption>{plural(locale, t.caption, orgs.length)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.identifier}</th>
              <th scope="col">{t.sector}</th>
              <th scope="col">{t.size}</th>
              <th scope="col" className="num">
                {t.waves}
              </th>
              <th scope="col" className="num">
                {t.responses}
              </th>
              <th scope="col">{t.status}</th>
            </tr>
          </thead>
          <tbody>
            {orgs.map((o) => (
              <tr key={o.id}>
                <th scope="row">
                  <Link href={`/admin/organisations/${o.slug}`}>{o.name}</Link>
                </th>
                <td>{o.slug}</td>
                <td>{o.sector}</td>
                <td>{m.common.sizeBands[o.sizeBand]}</td>
                <td className="num">{formatNumber(locale, o.waves)}</td>
                <td className="num">{formatNumber(locale, o.submitted)}</td>
                <td>{o.archivedAt ? t.archived : t.active}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
