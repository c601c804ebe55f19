import "server-only";
import { notFound, redirect } from "next/navigation";
import type { Organisation, User } from "../../db/schema";
import { AppError } from "../../core/errors";
import { requireOrgAccess } from "./permissions";

/**
 * For dashboard pages: signed-out visitors go to sign-in; anyone who may not see the organisation
 * (or when it does not exist) gets the same "not found". Call it at the top of every page: a
 * layout's guard does not stop a page rendered in parallel from streaming its data.
 */
export async function requireDashboardPage(slug: string, callbackUrl: string): Promise<{ user: User; org: Organisation }> {
  let access: { user: User; org: Organisation };
  try {
    access = await requireOrgAccess(slug);
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthorized") redirect(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  return access;
}
