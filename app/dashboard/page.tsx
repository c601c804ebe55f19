import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { latestWaveWithResponses, listOrganisations } from "@/db/queries/organisations";
import { organisationsOfUser } from "@/db/queries/users";
import { currentUser } from "@/server/auth/permissions";
import { dashboardMessages } from "@/lib/i18n/dashboard-messages";
import { format } from "@/lib/i18n/messages";
import { currentLocale } from "@/server/i18n";
import { fmtNum } from "./format";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dashboards", robots: { index: false } };

/** The organisations whose dashboards this user may open: a lead's own, or all for an administrator. */
export default async function DashboardsPage() {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/dashboard");
  const db = getDb();
  const locale = await currentLocale();
  const m = dashboardMessages(locale);
  const orgs: { id: number; slug: string; name: string; submitted: number | null }[] =
    user.role === "admin"
      ? (await listOrganisations(db)).filter((o) => !o.archivedAt)
      : (await organisationsOfUser(db, user.id)).map((o) => ({ ...o, submitted: null }));
  if (user.role === "lead" && orgs.length === 1) redirect(`/dashboard/${orgs[0]!.slug}`);
  // Leads have a handful of organisations; an administrator's list can be long, so no per-organisation query.
  const latest = new Map<number, Awaited<ReturnType<typeof latestWaveWithResponses>>>();
  if (user.role === "lead") for (const o of orgs) latest.set(o.id, await latestWaveWithResponses(db, o.id));
  return (
    <div className="narrow">
      <section className="card" aria-labelledby="dash-list-title">
        <h1 id="dash-list-title">{m.list.title}</h1>
        {orgs.length === 0 ? (
          <p className="muted">{m.list.none}</p>
        ) : (
          <>
            <p className="muted">{m.list.lead}</p>
            <ul className="dash-list" data-testid="dashboard-list">
              {orgs.map((o) => {
                const wave = latest.get(o.id);
                return (
                  <li key={o.id}>
                    <Link href={`/dashboard/${o.slug}`}>{o.name}</Link>
                    <span className="muted small">
                      {wave ? format(m.list.latest, { wave: wave.label, n: fmtNum(wave.submitted, locale) }) : o.submitted ? format(m.list.total, { n: fmtNum(o.submitted, locale) }) : m.list.noResponses}
                    </span>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
