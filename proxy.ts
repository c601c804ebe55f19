/*
 * Runs before every request (Next.js proxy, Node runtime): rate limits per client address and per draft
 * (held in the database, so shared by every instance), refusal
 * of cross-site writes (API and server actions), and the security headers: a fresh CSP nonce per page
 * request, and for /api/ (JSON and CSV, never a document) the fixed policy "default-src 'none'".
 * Authorisation is not here: it lives next to the data in every page, action and route handler.
 */
import { NextResponse, type NextRequest } from "next/server";
import { env } from "./core/env";
import { AppError } from "./core/errors";
import { clientIp } from "./server/http/client-ip";
import { errorResponse } from "./server/http/error-response";
import { isHttps } from "./server/http/https";
import { bodyTooLarge, MAX_JSON_BYTES, ROSTER_UPLOAD_MAX_BYTES } from "./server/http/json";
import { crossSiteRefusal, originAllowed } from "./server/http/origin";
import { takeRateLimit } from "./server/http/rate-limit";
import { resumeToken } from "./server/http/survey-cookies";
import { DRAFT_SAVES_PER_MINUTE, SUBMITS_PER_DRAFT_PER_MINUTE } from "./lib/survey/limits";

const SURVEY_WRITE = /^\/api\/survey\/([^/]+)\/(start|submit)$/;
const DRAFT_SAVE = /^\/api\/survey\/([^/]+)\/draft$/;
const SIGN_IN = "/api/auth/callback/credentials";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/*
 * Largest body each route accepts, checked against the declared Content-Length without waiting for
 * the body (docs/api.md, "Body caps"). Chunked bodies without a length are cut off by
 * experimental.proxyClientMaxBodySize (next.config.ts) and then refused by the handler (server/http/json.ts).
 */
const KB = 1024;
const ROSTER_UPLOAD = /^\/api\/admin\/organisations\/[^/]+\/waves\/[^/]+\/invitations$/;
const BODY_CAPS: { match: (pathname: string, request: NextRequest) => boolean; maxBytes: number }[] = [
  { match: (pathname) => ROSTER_UPLOAD.test(pathname), maxBytes: ROSTER_UPLOAD_MAX_BYTES },
  // Server actions: the same limit as experimental.serverActions.bodySizeLimit.
  { match: (_pathname, request) => request.headers.has("next-action"), maxBytes: 64 * KB },
  { match: (pathname) => /^\/api\/(survey|auth|dashboard)\//.test(pathname), maxBytes: MAX_JSON_BYTES },
];
const DEFAULT_BODY_CAP = MAX_JSON_BYTES;

function bodyCap(pathname: string, request: NextRequest): number {
  return BODY_CAPS.find((cap) => cap.match(pathname, request))?.maxBytes ?? DEFAULT_BODY_CAP;
}

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

/** The policy of API responses: they load nothing and may not be framed. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

type Refusal = { seconds: number; message: string; signIn?: boolean };
const FROM_NETWORK = "Too many requests from your network";

/*
 * The rate limits (docs/api.md, "Limits"), token buckets in the database shared by every instance:
 * starts and sign-ins per client address; submits per address, then per resume token; draft saves per
 * resume token. Without a token there is no draft: the handler answers 401.
 */
async function rateLimitWait(request: NextRequest, pathname: string): Promise<Refusal | undefined> {
  if (request.method === "POST" && pathname === SIGN_IN) {
    const seconds = await takeRateLimit("signin", clientIp(request.headers), { perMinute: env().RATE_LIMIT_SIGNIN_PER_MIN });
    return seconds > 0 ? { seconds, message: FROM_NETWORK, signIn: true } : undefined;
  }
  const surveyWrite = request.method === "POST" ? SURVEY_WRITE.exec(pathname) : null;
  if (surveyWrite?.[2] === "start") {
    const seconds = await takeRateLimit("start", clientIp(request.headers), { perMinute: env().RATE_LIMIT_START_PER_MIN });
    return seconds > 0 ? { seconds, message: FROM_NETWORK } : undefined;
  }
  if (surveyWrite?.[2] === "submit") {
    const perAddress = env().RATE_LIMIT_SUBMIT_PER_MIN;
    const seconds = await takeRateLimit("submit", clientIp(request.headers), { perMinute: perAddress });
    if (seconds > 0) return { seconds, message: FROM_NETWORK };
    // The address first: a flood of made-up tokens is stopped there, before it adds a bucket per token.
    const token = resumeToken(request, safeDecode(surveyWrite[1]!));
    const perDraft = token && perAddress > 0 ? await takeRateLimit("submit-draft", token, { perMinute: SUBMITS_PER_DRAFT_PER_MINUTE }) : 0;
    return perDraft > 0 ? { seconds: perDraft, message: `Too many submissions of this draft (at most ${SUBMITS_PER_DRAFT_PER_MINUTE} a minute)` } : undefined;
  }
  const draftSave = request.method === "PUT" ? DRAFT_SAVE.exec(pathname) : null;
  const token = draftSave ? resumeToken(request, safeDecode(draftSave[1]!)) : undefined;
  if (token) {
    const seconds = await takeRateLimit("draft-save", token, { perMinute: DRAFT_SAVES_PER_MINUTE });
    return seconds > 0 ? { seconds, message: `Too many saves of this draft (at most ${DRAFT_SAVES_PER_MINUTE} a minute)` } : undefined;
  }
  return undefined;
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname } = request.nextUrl;
  const write = !SAFE_METHODS.has(request.method);

  // A declared body over the route's cap is refused at once, before any handler waits for it.
  const declared = request.headers.get("content-length");
  if (declared !== null) {
    const maxBytes = bodyCap(pathname, request);
    if (!/^\d+$/.test(declared.trim()) || Number(declared) > maxBytes) {
      // The same refusal as the handlers' (server/http/json.ts), fields.body included.
      return errorResponse(bodyTooLarge(maxBytes));
    }
  }

  // Every write, API or server action (a POST to a page), must come from the app's own origin
  // (scheme, host and port: server/http/origin.ts); a foreign one is a 403, never a 500.
  if (write && !originAllowed(request.headers)) {
    return errorResponse(crossSiteRefusal());
  }

  const wait = await rateLimitWait(request, pathname);
  if (wait) {
    // next-auth's client reads `url` to report the error; the sign-in page shows the wait.
    const extra = wait.signIn ? { url: `${request.nextUrl.origin}/signin?error=throttled:${wait.seconds}` } : {};
    return errorResponse(new AppError("rate_limited", `${wait.message}; try again in ${wait.seconds} seconds`), { extra, headers: { "Retry-After": String(wait.seconds) } });
  }

  const secure = isHttps(request);
  if (pathname.startsWith("/api/")) {
    // JSON and CSV, never a document: no nonce to hand to a page, so the request goes on untouched
    // (rewriting its headers costs about as much as the rest of the proxy), with the strictest policy.
    const response = NextResponse.next();
    response.headers.set("Content-Security-Policy", API_CSP);
    if (secure) response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    return response;
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
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
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
