import net from "node:net";
import { env } from "../../core/env";
import { PEER_HEADER } from "./peer-address";
import { isTrusted, normaliseAddress, type TrustedProxies } from "../../core/trusted-proxies";

type HeaderSource = { get(name: string): string | null };
/** Request headers as Next (Headers, next/headers()) or next-auth (a plain object) hands them over. */
export type HeaderBag = Record<string, string | string[] | undefined> | HeaderSource | undefined;

export function header(headers: HeaderBag, name: string): string {
  const raw = typeof headers?.get === "function" ? (headers as HeaderSource).get(name) : (headers as Record<string, string | string[] | undefined> | undefined)?.[name];
  return Array.isArray(raw) ? raw.join(",") : (raw ?? "");
}

/**
 * Whether this request's connection comes from a trusted proxy (TRUSTED_PROXIES): only then are its
 * forwarded headers (X-Forwarded-For here, X-Forwarded-Proto in ./https.ts) believed.
 */
export function fromTrustedProxy(headers: HeaderBag, trusted: TrustedProxies = env().TRUSTED_PROXIES): boolean {
  return isTrusted(trusted, normaliseAddress(header(headers, PEER_HEADER)));
}

/**
 * The client's address, for rate limits and sign-in throttling.
 *
 * It starts from the address of the connection (set by this server, server/http/peer-address.ts).
 * Only while that address is a trusted proxy (TRUSTED_PROXIES) do we believe the proxy's
 * X-Forwarded-For, and then only its last entry (the address the proxy itself saw), walking left
 * one hop per trusted proxy. Entries further left were written by the client and are ignored. With
 * no trusted proxies (the default) X-Forwarded-For is ignored entirely.
 */
export function clientIp(headers: HeaderBag, trusted: TrustedProxies = env().TRUSTED_PROXIES): string {
  let address = normaliseAddress(header(headers, PEER_HEADER));
  if (!address) return "unknown";
  const hops = header(headers, "x-forwarded-for").split(",").map((s) => normaliseAddress(s)).filter(Boolean);
  while (isTrusted(trusted, address)) {
    const previous = hops.pop();
    if (!previous || !net.isIP(previous)) break;
    address = previous;
  }
  return address;
}
