import type { Metadata } from "next";
import { messages } from "@/lib/i18n/messages";
import { currentLocale } from "@/server/i18n";
import { SignInForm } from "./signin-form";

/** Absolute, so that the site name follows the language too (the root layout's template is English). */
export async function generateMetadata(): Promise<Metadata> {
  const m = messages(await currentLocale());
  return { title: { absolute: `${m.auth.signInTitle} · ${m.appName}` } };
}

/** Only same-site paths are followed after sign-in. */
function safeCallback(raw: string | undefined): string {
  if (!raw) return "/account";
  try {
    const url = new URL(raw, "http://local");
    return url.origin === "http://local" && raw.startsWith("/") && !raw.startsWith("//") ? `${url.pathname}${url.search}` : "/account";
  } catch {
    return "/account";
  }
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const m = messages(await currentLocale());
  const { callbackUrl } = await searchParams;
  return (
    <div className="narrow">
      <section className="card" aria-labelledby="signin-title">
        <h1 id="signin-title">{m.auth.signInTitle}</h1>
        <p className="muted">{m.auth.signInLead}</p>
        <SignInForm m={m.auth} callbackUrl={safeCallback(callbackUrl)} />
      </section>
    </div>
  );
}
