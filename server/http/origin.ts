import { env } from "../../core/env";
import { AppError } from "../../core/errors";
import { isHttps } from "./https";

type HeaderSource = { get(name: string): string | null };

/**
 * The app's public origin (scheme, host and port): PUBLIC_URL when set; otherwise the scheme
 * (./https.ts) and Host this request came to. X-Forwarded-Host is never believed: a client can send it.
 */
export function publicOrigin(headers: HeaderSource): string {
  const configured = env().PUBLIC_URL;
  if (configured) return new URL(configured).origin;
  const proto = isHttps(headers) ? "https" : "http";
  const host = headers.get("host") ?? "localhost:3000";
  return `${proto}://${host}`;
}

/** The app's public address: PUBLIC_URL when set, else the address this request came to. */
export function baseUrlOf(headers: Headers): string {
  return env().PUBLIC_URL ?? publicOrigin(headers);
}

/**
 * Whether a browser's Origin header names this app: the exact serialised origin (scheme, host and
 * port) must equal the public origin. "http://evil@host", another scheme or port, "null" and
 * anything that does not parse are foreign. No Origin at all passes (not a browser's cross-site
 * request: browsers send Origin on every cross-site POST/PUT/DELETE).
 */
export function originAllowed(headers: HeaderSource): boolean {
  const origin = headers.get("origin");
  if (origin === null) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  // A real Origin is already serialised; anything else (credentials, a path, odd spelling) is forged.
  if (parsed.origin !== origin) return false;
  try {
    return origin === new URL(publicOrigin(headers)).origin;
  } catch {
    return false; // a Host header that is not a host
  }
}

/** The refusal of a browser's cross-site write (403), from the proxy and the handlers alike. */
export function crossSiteRefusal(): AppError {
  return new AppError("forbidden", "Cross-site requests are not allowed");
}

export function assertSameOrigin(request: Request): void {
  if (!originAllowed(request.headers)) throw crossSiteRefusal();
}
