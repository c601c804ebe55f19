import type { Metadata } from "next";
import Link from "next/link";
import { requireAdminPage } from "@/server/auth/page-guards";
import { adminMessages } from "@/lib/i18n/admin-messages";
import { messages } from "@/lib/i18n/messages";
import { currentLocale } from "@/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const locale = await currentLocale();
  const admin = adminMessages(locale).meta.admin;
  return { title: { default: admin, template: `%s · ${admin} · ${messages(locale).appName}` } };
}

export const dynamic = "force-dynamic";

/** Admin pages: signed-out visitors go to sign-in, signed-in non-admins get "not found" (each page checks too). */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireAdminPage("/admin");
  const t = adminMessages(await currentLocale()).nav;
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label={t.label}>
        <Link href="/admin">{t.organisations}</Link>
        <Link href="/admin/exports">{t.exports}</Link>
        <Link href="/admin/checks">{t.checks}</Link>
      </nav>
      {children}
    </div>
  );
}
