import { z } from "zod";
import { parseTrustedProxies, trustedProxyProblem } from "./trusted-proxies";

/** A per-minute request limit: a whole number, 0 or more. */
function perMinute(name: string, fallback: number) {
  const message = `${name} must be a whole number of requests a minute, 0 or more (0 turns the limit off)`;
  return z.coerce.number({ message }).int(message).min(0, message).default(fallback);
}

const envSchema = z.object({
  DATABASE_PATH: z.string().min(1, "DATABASE_PATH must be a file path").default("data/digiskills.db"),
  /** postgres://… selects PostgreSQL (docs/decisions/016-async-data-layer.md); unset, the SQLite file at DATABASE_PATH. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, "DATABASE_URL must be a PostgreSQL URL, postgres://user@host:port/database (leave it unset for the SQLite file at DATABASE_PATH)")
    .optional(),
  /** Smallest group whose aggregates may be shown; configurable upward, never below 3. */
  MIN_GROUP_SIZE: z.coerce
    .number({ message: "MIN_GROUP_SIZE must be a whole number of at least 3" })
    .int("MIN_GROUP_SIZE must be a whole number of at least 3")
    .min(3, "MIN_GROUP_SIZE must be at least 3 (privacy rule)")
    .default(5),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Signs session tokens; required in production (see server/auth/secret.ts). */
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters; make one with: openssl rand -base64 32").optional(),
  /** Any non-empty value marks a local demo run (a generated secret is allowed). */
  DEMO: z.string().optional(),
  /** Public address of the app (e.g. https://skills.example.com), used in invitation emails and links. */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "PUBLIC_URL must be an http(s) address such as https://skills.example.com" })
    .transform((u) => u.replace(/\/+$/, ""))
    .optional(),
  /**
   * Survey starts accepted per client address per minute, as a burst of this many then this many a
   * minute: the default lets an office of 1,000 behind one address all start in the same minute.
   * Limits live in the database, shared by every instance. 0 turns it off (benchmarks only).
   */
  RATE_LIMIT_START_PER_MIN: perMinute("RATE_LIMIT_START_PER_MIN", 1200),
  /**
   * Survey submissions accepted per client address per minute (the same burst), besides the fixed
   * limit per draft (lib/survey/limits.ts). 0 turns both submit limits off (benchmarks only).
   */
  RATE_LIMIT_SUBMIT_PER_MIN: perMinute("RATE_LIMIT_SUBMIT_PER_MIN", 1200),
  /** Sign-in attempts accepted per client address per minute, before the per-account back-off; 0 turns it off. */
  RATE_LIMIT_SIGNIN_PER_MIN: perMinute("RATE_LIMIT_SIGNIN_PER_MIN", 20),
  /** Drafts not saved for this many days are deleted (at start and daily, or npm run cli -- purge-drafts). */
  DRAFT_RETENTION_DAYS: z.coerce
    .number({ message: "DRAFT_RETENTION_DAYS must be a whole number of days, at least 1" })
    .int("DRAFT_RETENTION_DAYS must be a whole number of days, at least 1")
    .min(1, "DRAFT_RETENTION_DAYS must be a whole number of days, at least 1")
    .default(30),
  /**
   * Reverse proxies whose X-Forwarded-For is believed: comma-separated addresses or CIDR ranges,
   * e.g. "127.0.0.1,::1" for nginx on the same machine. Empty (default): nobody; the client is the
   * connection's own address. See server/http/client-ip.ts and the README's reverse-proxy section.
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .superRefine((value, ctx) => {
      for (const entry of value.split(",").map((s) => s.trim()).filter(Boolean)) {
        const problem = trustedProxyProblem(entry);
        if (problem) ctx.addIssue({ code: "custom", message: `TRUSTED_PROXIES: ${problem}; use a comma-separated list such as 127.0.0.1,10.0.0.0/8` });
      }
    })
    .transform(parseTrustedProxies),
  /** The app's address for next-auth; in production it must be https:// (Secure session cookies). */
  NEXTAUTH_URL: z.url({ protocol: /^https?$/, error: "NEXTAUTH_URL must be an http(s) address such as https://skills.example.com" }).optional(),
  /** "1" allows an http:// NEXTAUTH_URL under NODE_ENV=production: local runs only (npm run demo, the test servers). */
  ALLOW_INSECURE_NEXTAUTH_URL: z.string().optional(),
  /** When set, invitations and reminders are sent by email, e.g. smtps://user:password@smtp.example.com:465 */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "SMTP_URL must look like smtp://user:password@host:587 or smtps://user:password@host:465" }).optional(),
  /** Sender of invitation emails, e.g. "Digiskills <skills@example.com>"; required with SMTP_URL. */
  SMTP_FROM: z.string().min(3, "SMTP_FROM must be a sender address such as skills@example.com").optional(),
})
  .refine((e) => !e.SMTP_URL || !!e.SMTP_FROM, { path: ["SMTP_FROM"], message: "SMTP_FROM is required when SMTP_URL is set (the sender of invitation emails)" })
  // Production (not the build, not a local demo) needs the public address: invitation links and the
  // origin check (server/http/origin.ts) use it instead of anything a request says about its host.
  .refine((e) => !servingProduction(e) || !!e.DEMO || !!e.PUBLIC_URL, {
    path: ["PUBLIC_URL"],
    message: "PUBLIC_URL is required in production: the address people use, such as https://skills.example.com (invitation links and the same-origin check use it)",
  })
  .refine((e) => !servingProduction(e) || !e.NEXTAUTH_URL?.startsWith("http://") || e.ALLOW_INSECURE_NEXTAUTH_URL === "1", {
    path: ["NEXTAUTH_URL"],
    message: "NEXTAUTH_URL must start with https:// in production (otherwise the session cookie is not Secure); for a local run over plain http set ALLOW_INSECURE_NEXTAUTH_URL=1",
  });

/** Serving with NODE_ENV=production; `next build` also runs with it but serves nobody. */
function servingProduction(e: { NODE_ENV: string }): boolean {
  return e.NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build";
}

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Environment read once through one schema; a bad value stops start-up with a message naming it. */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${lines}`);
  }
  cached = parsed.data;
  return cached;
}
