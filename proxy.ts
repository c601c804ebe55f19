/*
 * Runs before every page request and server action (Next.js proxy, Node runtime): the request rules
 * (server/http/request-guard.ts: body caps, refusal of cross-site writes, rate limits) and the
 * security headers with a fresh CSP nonce per request. /api/ is not matched: its handlers run the
 * same rules themselves (server/http/api-route.ts), as the proxy costs about as much per request as
 * an API request's own work (docs/decisions/018-submission-throughput-on-two-cores.md).
 * Authorisation is not here: it lives next to the data in every page, action and route handler.
 */
import { NextResponse, type NextRequest } from "next/server";
import { isHttps } from "./server/http/https";
import { refusal } from "./server/http/request-guard";

function contentSecurityPolicy(nonce: string, secure: boolean): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    // Next's own inline scripts carry the nonce; 'strict-dynamic' lets them load the page's chunks.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React renders style attributes (progress bars, chart boxes); no scripts can come in this way.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(secure ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const refused = await refusal(request, request.nextUrl.pathname, request.nextUrl.origin);
  if (refused) return refused;

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const secure = isHttps(request);
  const csp = contentSecurityPolicy(nonce, secure);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (secure) response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  return response;
}

export const config = {
  // Not /api/ (server/http/api-route.ts), nor the static files.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/).*)" }],
};
