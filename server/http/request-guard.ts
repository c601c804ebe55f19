/*
 * The rules every request meets before its handler runs: the declared body caps, the refusal of
 * cross-site writes, and the rate limits (held in the database, so shared by every instance). One
 * home, two callers: proxy.ts for pages and server actions, and apiRoute (./api-route.ts) for /api/,
 * which the proxy does not match (Next.js's proxy costs about as much per request as an API
 * request's own work: docs/decisions/018-submission-throughput-on-two-cores.md).
 */
import type { NextResponse } from "next/server";
import { env } from "../../core/env";
import { AppError } from "../../core/errors";
import { DRAFT_SAVES_PER_MINUTE, SUBMITS_PER_DRAFT_PER_MINUTE } from "../../lib/survey/limits";
import { clientIp } from "./client-ip";
import { errorResponse } from "./error-response";
import { bodyTooLarge, MAX_JSON_BYTES, ROSTER_UPLOAD_MAX_BYTES } from "./json";
import { crossSiteRefusal, originAllowed } from "./origin";
import { takeRateLimit } from "./rate-limit";
import { resumeToken } from "./survey-cookies";

const SURVEY_WRITE = /^\/api\/survey\/([^/]+)\/(start|submit)$/;
const DRAFT_SAVE = /^\/api\/survey\/([^/]+)\/draft$/;
const SIGN_IN = "/api/auth/callback/credentials";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/*
 * Largest body each route accepts, checked against the declared Content-Length without waiting for
 * the body (docs/api.md, "Body caps"). A chunked body without a length is cut off where it is read:
 * the JSON routes by readJsonObject (./json.ts), next-auth's by apiRoute, server actions by
 * experimental.proxyClientMaxBodySize and serverActions.bodySizeLimit (next.config.ts).
 */
const KB = 1024;
const ROSTER_UPLOAD = /^\/api\/admin\/organisations\/[^/]+\/waves\/[^/]+\/invitations$/;
const BODY_CAPS: { match: (pathname: string, headers: Headers) => boolean; maxBytes: number }[] = [
  { match: (pathname) => ROSTER_UPLOAD.test(pathname), maxBytes: ROSTER_UPLOAD_MAX_BYTES },
  // Server actions: the same limit as experimental.serverActions.bodySizeLimit.
  { match: (_pathname, headers) => headers.has("next-action"), maxBytes: 64 * KB },
  { match: (pathname) => /^\/api\/(survey|auth|dashboard)\//.test(pathname), maxBytes: MAX_JSON_BYTES },
];
const DEFAULT_BODY_CAP = MAX_JSON_BYTES;

export function bodyCap(pathname: string, headers: Headers): number {
  return BODY_CAPS.find((cap) => cap.match(pathname, headers))?.maxBytes ?? DEFAULT_BODY_CAP;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

type Wait = { seconds: number; message: string; signIn?: boolean };
const FROM_NETWORK = "Too many requests from your network";

/*
 * The rate limits (docs/api.md, "Limits"), token buckets in the database shared by every instance:
 * starts and sign-ins per client address; submits per address, then per resume token; draft saves per
 * resume token. Without a token there is no draft: the handler answers 401.
 */
async function rateLimitWait(request: Request, pathname: string): Promise<Wait | undefined> {
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

/**
 * The answer that refuses `request` before its handler, or undefined when it may go on: a declared
 * body over the route's cap (413), a write from another origin (403), a rate limit reached (429
 * with Retry-After). `origin` is this app's origin as the request reached it (for next-auth's
 * sign-in page link).
 */
export async function refusal(request: Request, pathname: string, origin: string): Promise<NextResponse | undefined> {
  const declared = request.headers.get("content-length");
  if (declared !== null) {
    const maxBytes = bodyCap(pathname, request.headers);
    // The same refusal as the handlers' (./json.ts), fields.body included.
    if (!/^\d+$/.test(declared.trim()) || Number(declared) > maxBytes) return errorResponse(bodyTooLarge(maxBytes));
  }

  // Every write, API or server action (a POST to a page), must come from the app's own origin
  // (scheme, host and port: ./origin.ts); a foreign one is a 403, never a 500.
  if (!SAFE_METHODS.has(request.method) && !originAllowed(request.headers)) return errorResponse(crossSiteRefusal());

  const wait = await rateLimitWait(request, pathname);
  if (wait) {
    // next-auth's client reads `url` to report the error; the sign-in page shows the wait.
    const extra = wait.signIn ? { url: `${origin}/signin?error=throttled:${wait.seconds}` } : {};
    return errorResponse(new AppError("rate_limited", `${wait.message}; try again in ${wait.seconds} seconds`), { extra, headers: { "Retry-After": String(wait.seconds) } });
  }
  return undefined;
}
