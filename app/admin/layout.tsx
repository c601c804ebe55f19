import type { Metadata } from "next";
import Link from "next/link";
import { requireAdminPage } from "@/lib/auth/page-guards";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · Admin · Digiskills Benchmark" } };
export const dynamic = "force-dynamic";

/** Admin pages: signed-out visitors go to sign-in, signed-in non-admins get "not found" (each page checks too). */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireAdminPage("/admin");
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label="Admin">
        <Link href="/admin">Organisations</Link>
        <Link href="/admin/exports">Exports and audit log</Link>
      </nav>
      {children}
    </div>
  );
}
