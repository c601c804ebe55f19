/*
 * The wrapper of every /api/ route handler, which proxy.ts does not run for: the request rules
 * first (./request-guard.ts: body caps, cross-site writes, rate limits), then the handler, then the
 * security headers of an API answer. JSON and CSV are never documents: their policy loads nothing,
 * with no per-request nonce.
 */
import { NextRequest } from "next/server";
import { errorResponse } from "./error-response";
import { isHttps } from "./https";
import { drainUnread, readCappedBody } from "./json";
import { bodyCap, refusal } from "./request-guard";

/** The Content-Security-Policy of API answers: they load nothing and may not be framed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

function withApiHeaders(response: Response, request: Request): Response {
  response.headers.set("Content-Security-Policy", API_CSP);
  if (isHttps(request)) response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  return response;
}

/** Runs the request rules, then `handler`; every answer gets the API's security headers. */
export function apiRoute<C>(handler: (request: Request, context: C) => Promise<Response> | Response) {
  return async (request: Request, context: C): Promise<Response> => {
    const url = new URL(request.url);
    const refused = await refusal(request, url.pathname, url.origin);
    if (refused) {
      await drainUnread(request);
      return withApiHeaders(refused, request);
    }
    return withApiHeaders(await handler(request, context), request);
  };
}

/** apiRoute for the JSON routes: every failure becomes the documented JSON error format. */
export function jsonRoute<C>(handler: (request: Request, context: C) => Promise<Response>) {
  return apiRoute<C>(async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      await drainUnread(request);
      return errorResponse(error);
    }
  });
}

/**
 * The request with its body read into memory, refused (AppError body_too_large) past the route's
 * cap: for a handler that reads the body itself without a limit (next-auth), so a chunked body
 * without a Content-Length cannot make the server buffer megabytes. Without a body: as it is.
 */
export async function withCappedBody(request: NextRequest): Promise<NextRequest> {
  if (!request.body || request.method === "GET" || request.method === "HEAD") return request;
  const body = await readCappedBody(request, bodyCap(new URL(request.url).pathname, request.headers));
  return new NextRequest(request.url, { method: request.method, headers: request.headers, body: new Uint8Array(body) });
}
