import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { listOrganisations } from "@/db/queries/organisations";
import { requireAdminPage } from "@/lib/auth/page-guards";

export const metadata: Metadata = { title: "Organisations" };

export default async function AdminHome() {
  await requireAdminPage("/admin");
  const orgs = listOrganisations(getDb());
  return (
    <section className="card" aria-labelledby="orgs-title">
      <div className="btn-row" style={{ marginTop: 0 }}>
        <h1 id="orgs-title" style={{ margin: 0 }}>
          Organisations
        </h1>
        <Link className="btn" href="/admin/organisations/new">
          New organisation
        </Link>
      </div>
      <div className="data-table-wrap">
        <table className="data" data-testid="org-table">
          <caption>{orgs.length} organisations; responses are submitted responses in all waves.</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Identifier</th>
              <th scope="col">Sector</th>
              <th scope="col">Size</th>
              <th scope="col" className="num">
                Waves
              </th>
              <th scope="col" className="num">
                Responses
              </th>
              <th scope="col">Status</th>
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
                <td>{o.sizeBand}</td>
                <td className="num">{o.waves}</td>
                <td className="num">{o.submitted.toLocaleString("en")}</td>
                <td>{o.archivedAt ? "Archived" : "Active"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
