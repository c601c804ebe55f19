import { NextResponse } from "next/server";
import { AppError } from "../errors";

export const MAX_JSON_BYTES = 16 * 1024;

/** Reads a JSON object body, refusing oversize, non-JSON and non-object bodies with a clear error. */
export async function readJsonObject(request: Request, maxBytes = MAX_JSON_BYTES): Promise<Record<string, unknown>> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("body_too_large", `Request body must be at most ${maxBytes} bytes`, { body: `must be at most ${maxBytes} bytes` });
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw new AppError("body_too_large", `Request body must be at most ${maxBytes} bytes`, { body: `must be at most ${maxBytes} bytes` });
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppError("invalid_json", "Request body must be valid JSON", { body: "must be a JSON object" });
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new AppError("invalid_json", "Request body must be a JSON object", { body: "must be a JSON object" });
  }
  return parsed as Record<string, unknown>;
}

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) return NextResponse.json(error.toJSON(), { status: error.status });
  console.error(error);
  const internal = new AppError("internal", "Something went wrong on our side. Nothing was saved; please try again.");
  return NextResponse.json(internal.toJSON(), { status: 500 });
}

/** Wraps a route handler so every failure becomes the documented JSON error format. */
export function jsonRoute<C>(handler: (request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
