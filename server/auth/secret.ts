import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "../../core/env";

/**
 * The secret that signs session tokens. In production (NODE_ENV=production without DEMO) it must
 * come from NEXTAUTH_SECRET; for local and demo runs one is generated on first use and kept next to
 * the database (file mode 600), so sessions survive restarts.
 */
let generated: string | undefined;

export function authSecret(): string {
  const e = env();
  if (e.NEXTAUTH_SECRET) return e.NEXTAUTH_SECRET;
  if (e.NODE_ENV === "production" && !e.DEMO) {
    throw new Error(
      "NEXTAUTH_SECRET is not set. Production needs a fixed secret of at least 32 characters, e.g. NEXTAUTH_SECRET=$(openssl rand -base64 32); or set DEMO=1 for a local demo.",
    );
  }
  // authOptions() is built per request: read or create the file once per process.
  if (generated) return generated;
  const file = path.join(path.dirname(path.resolve(e.DATABASE_PATH)), ".nextauth-secret");
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return (generated = existing);
  } catch {
    // first run: create it below
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return (generated = secret);
}

/**
 * Why the server must not start (an invalid environment, production without NEXTAUTH_SECRET), or
 * undefined. `next build` serves nobody, so it is never refused here.
 */
export function startupConfigurationProblem(): string | undefined {
  if (process.env.NEXT_PHASE === "phase-production-build") return undefined;
  try {
    authSecret();
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
