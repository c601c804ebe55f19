import { AppError } from "@/core/errors";
import { apiRoute } from "@/server/http/api-route";
import { errorResponse } from "@/server/http/error-response";

/** Any /api path without a handler answers in the API's JSON error format, not with an HTML page. */
const notFound = apiRoute(async () => errorResponse(new AppError("not_found", "No such API endpoint; see docs/api.md")));

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
