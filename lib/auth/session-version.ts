import type { User } from "../../db/schema";

/*
 * Session revocation (docs/decisions/010-session-revocation.md). Every session token carries the
 * user's session version from when it was issued (`sv`); sign-out, a password change and "sign out
 * everywhere" bump the user's version, and a token whose version differs is treated as signed out.
 */

/** The version a token was issued with. Tokens from before versions existed count as version 0. */
export function tokenSessionVersion(token: { sv?: unknown; [claim: string]: unknown } | null | undefined): number {
  return typeof token?.sv === "number" ? token.sv : 0;
}

/** Whether a session token still stands for this user: the account exists, is enabled and has not ended its sessions since. */
export function sessionIsCurrent(token: { sv?: unknown; [claim: string]: unknown } | null | undefined, user: Pick<User, "disabledAt" | "sessionVersion"> | undefined): boolean {
  return !!token && !!user && !user.disabledAt && tokenSessionVersion(token) === user.sessionVersion;
}

/**
 * Thrown from the jwt callback for a token that no longer stands: next-auth then answers the
 * session request with no user and clears the cookie instead of renewing it.
 */
export class SessionEnded extends Error {
  constructor() {
    super("Session ended: signed out, password changed or account disabled");
    this.name = "SessionEnded";
    // next-auth logs it once per refused request (JWT_SESSION_ERROR): one line, not a stack trace.
    this.stack = `${this.name}: ${this.message}`;
  }
}
