import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · Admin · Digiskills Benchmark" } };
export const dynamic = "force-dynamic";

/** Every admin page: signed-out visitors go to sign-in, signed-in non-admins get "not found". */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/admin");
  if (user.role !== "admin") notFound();
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label="Admin">
        <Link href="/admin">Organisations</Link>
      </nav>
      {children}
    </div>
  );
}
