import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { organisationsOfUser } from "@/db/queries/users";
import { currentUser } from "@/server/auth/permissions";
import { messages } from "@/lib/i18n/messages";
import { currentLocale } from "@/server/i18n";
import { signOutEverywhere } from "./actions";
import { SignOutButton } from "./sign-out-button";

export const dynamic = "force-dynamic";

/** Absolute, so that the site name follows the language too (the root layout's template is English). */
export async function generateMetadata(): Promise<Metadata> {
  const m = messages(await currentLocale());
  return { title: { absolute: `${m.auth.accountTitle} · ${m.appName}` } };
}

export default async function AccountPage() {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/account");
  const m = messages(await currentLocale());
  const orgs = user.role === "lead" ? await organisationsOfUser(getDb(), user.id) : [];
  return (
    <div className="narrow">
      <section className="card" aria-labelledby="account-title">
        <h1 id="account-title">{m.auth.accountTitle}</h1>
        <p className="lead" data-testid="account-name">
          {user.name} · {user.email}
        </p>
        <p>
          <span className="band-pill">{m.auth.role[user.role]}</span>
        </p>
        {user.role === "lead" && (
          <>
            <h2>{m.auth.organisations}</h2>
            {orgs.length ? (
              <ul data-testid="account-orgs">
                {orgs.map((o) => (
                  <li key={o.id}>
                    <Link href={`/dashboard/${o.slug}`}>{o.name}</Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{m.auth.noOrganisations}</p>
            )}
          </>
        )}
        <div className="btn-row">
          <Link className="btn btn-secondary" href="/account/password">
            {m.auth.changePassword}
          </Link>
          <SignOutButton label={m.auth.signOut} />
        </div>
      </section>
      <section className="card" aria-labelledby="sessions-title">
        <h2 id="sessions-title">{m.auth.sessionsTitle}</h2>
        <p className="muted" id="sessions-hint">
          {m.auth.signOutEverywhereHint}
        </p>
        <form action={signOutEverywhere}>
          <button type="submit" className="btn btn-secondary" aria-describedby="sessions-hint">
            {m.auth.signOutEverywhere}
          </button>
        </form>
      </section>
    </div>
  );
}
