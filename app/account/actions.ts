"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { bumpSessionVersion } from "@/db/queries/users";
import { currentUser } from "@/server/auth/permissions";
import { clearSessionCookies } from "@/server/auth/session-cookie";

/**
 * "Sign out everywhere": bumps the user's session version, so every session token issued so far
 * (other devices, copied cookies, this browser) stops working at once, then clears this browser's cookie.
 */
export async function signOutEverywhere(): Promise<void> {
  const user = await currentUser();
  if (user) await bumpSessionVersion(getDb(), user.id);
  await clearSessionCookies();
  redirect("/signin");
}
