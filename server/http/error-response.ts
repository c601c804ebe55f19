import { NextResponse } from "next/server";
import { AppError } from "../../core/errors";

type ErrorInit = {
  headers?: Record<string, string>;
  /** Top-level members beside `error` (next-auth's client reads `url` from a refused sign-in). */
  extra?: Record<string, unknown>;
};

/**
 * The API's one error envelope, `{"error": {code, message, fields?}}` with the code's status, for
 * route handlers, the catch-all and the proxy alike. Anything but an AppError is logged and answered
 * as `internal`, so no internals reach the client. An error is never worth caching.
 */
export function errorResponse(error: unknown, init: ErrorInit = {}): NextResponse {
  let known: AppError;
  if (error instanceof AppError) known = error;
  else {
    console.error(error);
    known = new AppError("internal", "Something went wrong on our side. Nothing was saved; please try again.");
  }
  return NextResponse.json({ ...known.toJSON(), ...init.extra }, { status: known.status, headers: { "Cache-Control": "no-store", ...init.headers } });
}
