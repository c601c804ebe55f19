import bcrypt from "bcryptjs";
import { PASSWORD_CHECKS } from "./bcrypt-gate";

const COST = 12;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** What is wrong with a new password, as a code: pages word it in the reader's language. */
export type PasswordProblem = "too_short" | "too_long";

export function passwordProblem(password: string): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return "too_short";
  if (password.length > PASSWORD_MAX_LENGTH) return "too_long";
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

// A real hash of a random password: comparing against it when the email is unknown takes as long
// as a real check, so response time does not tell whether an account exists.
const DUMMY_HASH = bcrypt.hashSync(crypto.randomUUID(), COST);

/**
 * Known and unknown emails take the same path: one bcrypt check through the process-wide gate (at
 * most 2 at once, core/bcrypt-gate.ts). Throws BusyError when too many checks are waiting.
 */
export async function verifyPassword(password: string, hash: string | undefined): Promise<boolean> {
  const ok = await PASSWORD_CHECKS.run(() => bcrypt.compare(password, hash ?? DUMMY_HASH));
  return ok && hash !== undefined;
}

/** For seeding and scripts that cannot await. */
export function hashPasswordSync(password: string): string {
  return bcrypt.hashSync(password, COST);
}
