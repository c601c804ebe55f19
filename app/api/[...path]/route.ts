import { NextResponse } from "next/server";

/** Any /api path without a handler answers in the API's JSON error format, not with an HTML page. */
function notFound() {
  return NextResponse.json({ error: { code: "not_found", message: "No such API endpoint; see docs/api.md" } }, { status: 404, headers: { "Cache-Control": "no-store" } });
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
