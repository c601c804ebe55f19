import "server-only";
import { notFound, redirect } from "next/navigation";
import type { User } from "../../db/schema";
import { currentUser } from "./permissions";

/**
 * For admin pages. Call it at the top of every page, not only in the layout: Next renders a
 * layout and its page in parallel, so a guard in the layout alone does not stop the page's data
 * from being sent.
 */
export async function requireAdminPage(callbackUrl: string): Promise<User> {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  if (user.role !== "admin") notFound();
  return user;
}
