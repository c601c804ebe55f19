import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "../../db/client";
import { bumpSessionVersion, findUserByEmail, findUserById, normaliseEmail } from "../../db/queries/users";
import { BusyError } from "../../core/bcrypt-gate";
import { verifyPassword } from "../../core/passwords";
import { clientIp } from "../http/client-ip";
import { authSecret } from "./secret";
import { SessionEnded, sessionIsCurrent, tokenSessionVersion } from "../../lib/auth/session-version";
import { recordFailure, recordSuccess, retryAfter, throttleKeys } from "../../lib/auth/throttle";

const credentialsSchema = z.object({ email: z.string().trim().min(3).max(200), password: z.string().min(1).max(200) });

/** Message codes the sign-in page translates; `throttled:N` carries the seconds to wait. */
export const SIGN_IN_ERRORS = { invalid: "invalid", throttled: "throttled" } as const;

export { clientIp };

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
    pages: { signIn: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const parsed = credentialsSchema.safeParse(credentials);
          if (!parsed.success) throw new Error(SIGN_IN_ERRORS.invalid);
          const db = getDb();
          const email = normaliseEmail(parsed.data.email);
          // Throttled per (account, address), per account (gently) and per address: lib/auth/throttle.ts.
          const named = throttleKeys(email, clientIp(req?.headers));
          const keys = [named.pair, named.account, named.ip];
          const wait = Math.max(...(await Promise.all(keys.map((k) => retryAfter(db, k)))));
          if (wait > 0) throw new Error(`${SIGN_IN_ERRORS.throttled}:${wait}`);
          const user = await findUserByEmail(db, email);
          let ok: boolean;
          try {
            ok = await verifyPassword(parsed.data.password, user?.passwordHash);
          } catch (e) {
            // Too many password checks queued in this process (a flood): same answer for any email.
            if (e instanceof BusyError) throw new Error(`${SIGN_IN_ERRORS.throttled}:5`);
            throw e;
          }
          if (!ok || !user || user.disabledAt) {
            const waits: number[] = [];
            for (const k of keys) waits.push(await recordFailure(db, k));
            const next = Math.max(...waits);
            throw new Error(next > 0 ? `${SIGN_IN_ERRORS.throttled}:${next}` : SIGN_IN_ERRORS.invalid);
          }
          await recordSuccess(db, named.pair);
          return { id: String(user.id), email: user.email, name: user.name, role: user.role };
        },
      }),
    ],
    callbacks: {
      // Signing in stamps the token with the user's session version; every later read (pages, APIs,
      // /api/auth/session) re-checks it, and a token that no longer stands is dropped, not renewed.
      async jwt({ token, user }) {
        if (user) {
          token.uid = Number(user.id);
          token.role = (user as { role?: string }).role;
          token.sv = (await findUserById(getDb(), Number(user.id)))?.sessionVersion ?? 0;
          return token;
        }
        if (!sessionIsCurrent(token, typeof token.uid === "number" ? await findUserById(getDb(), token.uid) : undefined)) throw new SessionEnded();
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.uid as number, role: token.role as string, sessionVersion: tokenSessionVersion(token) } };
      },
    },
    events: {
      // Sign-out ends every session of the user (a copied cookie too), unless the token was already stale.
      async signOut({ token }) {
        if (typeof token?.uid === "number") await bumpSessionVersion(getDb(), token.uid, tokenSessionVersion(token));
      },
    },
  };
}
