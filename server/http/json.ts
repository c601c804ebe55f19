import { AppError } from "../../core/errors";

/** The largest JSON body a route reads unless it says otherwise; proxy.ts refuses a longer declared one. */
export const MAX_JSON_BYTES = 16 * 1024;
/** A roster upload (a CSV inside JSON): the one route that reads more. */
export const ROSTER_UPLOAD_MAX_BYTES = 1_200_000;

/**
 * How much of an unread or refused request body is read and thrown away before answering. A server
 * that answers while the client is still sending and then closes the connection makes most HTTP
 * clients (browsers' fetch included) report a network error instead of our 4xx; reading the rest
 * first lets them see the answer. Bodies beyond this are cut off.
 */
const DRAIN_LIMIT = 4 * 1024 * 1024;

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, already: number): Promise<void> {
  let size = already;
  try {
    while (size <= DRAIN_LIMIT) {
      const { done, value } = await reader.read();
      if (done) return;
      size += value.byteLength;
    }
    await reader.cancel();
  } catch {
    /* the client went away */
  }
}

/** Reads and discards a body nobody read (an error before the handler reached it). */
export async function drainUnread(request: Request): Promise<void> {
  if (!request.body || request.bodyUsed || request.body.locked) return;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > DRAIN_LIMIT) return;
  await drain(request.body.getReader(), 0);
}

/** The refusal of a body over `maxBytes`; the proxy sends the same one for a declared length. */
export const bodyTooLarge = (maxBytes: number) => new AppError("body_too_large", `Request body must be at most ${maxBytes} bytes`, { body: `must be at most ${maxBytes} bytes` });

/**
 * Reads the whole body, refusing (AppError body_too_large) one over `maxBytes`, declared or not:
 * never more than `maxBytes` is kept, and the rest is read and thrown away (up to a limit) so the
 * client sees the 413.
 */
export async function readCappedBody(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) {
    await drainUnread(request);
    throw bodyTooLarge(maxBytes);
  }
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await drain(reader, size);
        throw bodyTooLarge(maxBytes);
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks);
}

/** Reads a JSON object body, refusing oversize, non-JSON and non-object bodies with a clear error. */
export async function readJsonObject(request: Request, maxBytes = MAX_JSON_BYTES): Promise<Record<string, unknown>> {
  const text = (await readCappedBody(request, maxBytes)).toString("utf8");
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
