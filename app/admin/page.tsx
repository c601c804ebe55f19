import { DataTable, NumCell, RowHeader } from "@/app/components/data-table";
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
  const orgs = await listOrganisations(getDb());
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
      <DataTable
        testId="org-table"
        caption={plural(locale, t.caption, orgs.length)}
        columns={[{ label: t.name }, { label: t.identifier }, { label: t.sector }, { label: t.size }, { label: t.waves, numeric: true }, { label: t.responses, numeric: true }, { label: t.status }]}
      >
        {orgs.map((o) => (
          <tr key={o.id}>
            <RowHeader>
              <Link href={`/admin/organisations/${o.slug}`}>{o.name}</Link>
            </RowHeader>
            <td>{o.slug}</td>
            <td>{o.sector}</td>
            <td>{m.common.sizeBands[o.sizeBand]}</td>
            <NumCell>{formatNumber(locale, o.waves)}</NumCell>
            <NumCell>{formatNumber(locale, o.submitted)}</NumCell>
            <td>{o.archivedAt ? t.archived : t.active}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
