import { env } from "../../core/env";
import type { TrustedProxies } from "../../core/trusted-proxies";
import { fromTrustedProxy, header, type HeaderBag } from "./client-ip";

type RequestLike = { url: string; headers: HeaderBag };

function isRequest(source: RequestLike | HeaderBag): source is RequestLike {
  return typeof source === "object" && "url" in source && typeof source.url === "string" && "headers" in source;
}

/**
 * Whether the browser reached the app over HTTPS: the request's own scheme, or X-Forwarded-Proto
 * from a trusted proxy (TRUSTED_PROXIES, as for X-Forwarded-For in ./client-ip.ts). Only the first
 * entry counts: a chain of proxies appends its own hops ("https,http"), and the first is the scheme
 * the browser used. With no trusted proxies (the default) the header is ignored.
 */
export function isHttps(source: RequestLike | HeaderBag, trusted: TrustedProxies = env().TRUSTED_PROXIES): boolean {
  if (isRequest(source) && new URL(source.url).protocol === "https:") return true;
  const headers = isRequest(source) ? source.headers : source;
  if (!fromTrustedProxy(headers, trusted)) return false;
  return header(headers, "x-forwarded-proto").split(",")[0]!.trim().toLowerCase() === "https";
}
