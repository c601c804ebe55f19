import bcrypt from "bcryptjs";

const COST = 12;

export const PASSWORD_RULE = "at least 10 characters";

export function passwordProblem(password: string): string | null {
  if (password.length < 10) return `must be ${PASSWORD_RULE}`;
  if (password.length > 200) return "must be at most 200 characters";
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

// A real hash of a random password: comparing against it when the email is unknown takes as long
// as a real check, so response time does not tell whether an account exists.
const DUMMY_HASH = bcrypt.hashSync(crypto.randomUUID(), COST);

export async function verifyPassword(password: string, hash: string | undefined): Promise<boolean> {
  const ok = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return ok && hash !== undefined;
}

/** For seeding and scripts that cannot await. */
export function hashPasswordSync(password: string): string {
  return bcrypt.hashSync(password, COST);
}
