import { env } from "../env";
import { AppError } from "../errors";

/** The app's public address: PUBLIC_URL when set, else the address this request came to. */
export function baseUrlOf(headers: Headers): string {
  const configured = env().PUBLIC_URL;
  if (configured) return configured;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost:3000";
  return `${proto}://${host}`;
}

/**
 * Refuses a browser's cross-site write: browsers send Origin on every POST/PUT/DELETE, and it must
 * name this host. Requests without Origin (scripts, curl) carry no ambient browser credentials risk
 * beyond what they were given, so they pass.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (!origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new AppError("forbidden", "Cross-site requests are not allowed");
  }
  const expected = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!expected || host !== expected) throw new AppError("forbidden", "Cross-site requests are not allowed");
}
