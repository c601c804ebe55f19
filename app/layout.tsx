import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { currentLocale } from "@/server/i18n";
import { messages } from "@/lib/i18n/messages";
import { dashboardMessages } from "@/lib/i18n/dashboard-messages";
import { currentUser } from "@/server/auth/permissions";
import { LanguageSwitcher } from "./components/language-switcher";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Digiskills Benchmark", template: "%s · Digiskills Benchmark" },
  description: "Digital-literacy self-assessment and benchmarking",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b4f6c" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await currentLocale();
  const m = messages(locale);
  const user = await currentUser();
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {m.skipToContent}
        </a>
        <header className="site-header">
          <div className="site-header-inner">
            <Link href="/" className="brand">
              <span className="brand-mark" aria-hidden="true">
                ◆
              </span>
              {m.appName}
            </Link>
            <nav className="header-nav" aria-label={m.appName}>
              {user && (
                <Link href="/dashboard" className="header-link">
                  {dashboardMessages(locale).nav.dashboards}
                </Link>
              )}
              <Link href={user ? "/account" : "/signin"} className="header-link">
                {user ? user.name : m.auth.signIn}
              </Link>
              <LanguageSwitcher locale={locale} label={m.language} />
            </nav>
          </div>
        </header>
        <main id="main" className="site-main">
          {children}
        </main>
      </body>
    </html>
  );
}
