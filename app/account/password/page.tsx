import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/server/auth/permissions";
import { messages } from "@/lib/i18n/messages";
import { currentLocale } from "@/server/i18n";
import { PasswordForm } from "./password-form";

export const dynamic = "force-dynamic";

/** Absolute, so that the site name follows the language too (the root layout's template is English). */
export async function generateMetadata(): Promise<Metadata> {
  const m = messages(await currentLocale());
  return { title: { absolute: `${m.auth.changePassword} · ${m.appName}` } };
}

export default async function PasswordPage() {
  if (!(await currentUser())) redirect("/signin?callbackUrl=/account/password");
  const m = messages(await currentLocale());
  return (
    <div className="narrow">
      <section className="card" aria-labelledby="password-title">
        <h1 id="password-title">{m.auth.changePassword}</h1>
        <PasswordForm m={m.auth} />
        <p style={{ marginTop: "1rem" }}>
          <Link href="/account">{m.auth.back}</Link>
        </p>
      </section>
    </div>
  );
}
