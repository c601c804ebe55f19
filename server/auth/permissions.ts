import "server-only";
import { getServerSession } from "next-auth";
import { getDb } from "../../db/client";
import { findOrganisationBySlug } from "../../db/queries/organisations";
import { findUserById, isMember } from "../../db/queries/users";
import type { Organisation, User, UserRole } from "../../db/schema";
import { AppError } from "../../core/errors";
import { authOptions } from "./options";
import { sessionIsCurrent } from "../../lib/auth/session-version";

/**
 * The signed-in user, re-read from the database: a disabled account, a changed role or ended
 * sessions (sign-out, password change, "sign out everywhere": the token's session version is no
 * longer the user's) apply at once. The jwt callback already drops such tokens; this checks again.
 */
export async function currentUser(): Promise<User | null> {
  const session = await getServerSession(authOptions());
  const claims = session?.user as { id?: number; sessionVersion?: number } | undefined;
  if (!claims?.id) return null;
  const user = await findUserById(getDb(), claims.id);
  return user && sessionIsCurrent({ sv: claims.sessionVersion }, user) ? user : null;
}

export async function requireUser(): Promise<User> {
  const user = await currentUser();
  if (!user) throw new AppError("unauthorized", "Sign in to continue");
  return user;
}

export async function requireRole(role: UserRole): Promise<User> {
  const user = await requireUser();
  if (user.role !== role && user.role !== "admin") throw new AppError("forbidden", `This needs the ${role} role`);
  return user;
}

/**
 * The organisation behind a slug, if this user may see it: admins see all, leads their own. Anyone
 * else gets the same "not found" as for a slug that does not exist, so existence never leaks.
 */
export async function requireOrgAccess(slug: string): Promise<{ user: User; org: Organisation }> {
  const user = await requireUser();
  const org = await findOrganisationBySlug(getDb(), slug);
  if (!org || (user.role !== "admin" && !(await isMember(getDb(), user.id, org.id)))) {
    throw new AppError("not_found", "No such organisation");
  }
  return { user, org };
}
