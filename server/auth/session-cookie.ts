import "server-only";
import { encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import type { User } from "../../db/schema";
import { authOptions } from "./options";

/*
 * Writing and clearing next-auth's session cookie from a server action, for the two cases next-auth
 * has no endpoint for: re-issuing the current session after a password change, and clearing it after
 * "sign out everywhere". The cookie is the one next-auth itself uses (same name, flags and token).
 */

const DEFAULT_NAME = "next-auth.session-token";
const SECURE_NAME = `__Secure-${DEFAULT_NAME}`;
/** next-auth splits tokens over 4 KB into `.0`, `.1`, …; ours are far smaller, but clear any chunk. */
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

async function sessionCookieName(): Promise<{ name: string; secure: boolean }> {
  const configured = authOptions().cookies?.sessionToken;
  if (configured) return { name: configured.name, secure: configured.options.secure ?? configured.name.startsWith("__Secure-") };
  // The name next-auth chose for the cookie this browser presented (it depends on NEXTAUTH_URL's scheme).
  const jar = await cookies();
  if (jar.has(SECURE_NAME) || jar.has(`${SECURE_NAME}.0`)) return { name: SECURE_NAME, secure: true };
  if (jar.has(DEFAULT_NAME) || jar.has(`${DEFAULT_NAME}.0`)) return { name: DEFAULT_NAME, secure: false };
  const secure = authOptions().useSecureCookies ?? (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
  return { name: secure ? SECURE_NAME : DEFAULT_NAME, secure };
}

/** Replaces this browser's session with a fresh one carrying the user's current session version. */
export async function reissueSession(user: Pick<User, "id" | "email" | "name" | "role">, sessionVersion: number): Promise<void> {
  const options = authOptions();
  const maxAge = options.session?.maxAge ?? 30 * 24 * 60 * 60;
  const token = await encode({
    token: { name: user.name, email: user.email, sub: String(user.id), uid: user.id, role: user.role, sv: sessionVersion },
    secret: options.secret!,
    maxAge,
  });
  const { name, secure } = await sessionCookieName();
  const jar = await cookies();
  for (const c of jar.getAll()) if (SESSION_COOKIE.test(c.name) && c.name !== name) expire(jar, c.name);
  jar.set(name, token, { httpOnly: true, sameSite: "lax", path: "/", secure, expires: new Date(Date.now() + maxAge * 1000) });
}

/** Removes this browser's session cookie (the token itself is already void once the version moved on). */
export async function clearSessionCookies(): Promise<void> {
  const jar = await cookies();
  for (const c of jar.getAll()) if (SESSION_COOKIE.test(c.name)) expire(jar, c.name);
}

function expire(jar: Awaited<ReturnType<typeof cookies>>, name: string) {
  jar.set(name, "", { httpOnly: true, sameSite: "lax", path: "/", secure: name.startsWith("__Secure-"), maxAge: 0 });
}
