import net from "node:net";

/**
 * TRUSTED_PROXIES: the reverse proxies whose X-Forwarded-For entries are believed, as a
 * comma-separated list of addresses and CIDR ranges (IPv4 or IPv6), e.g. "127.0.0.1, 10.0.0.0/8".
 * Empty (the default) trusts nobody: the client is the address of the connection itself.
 */
export type TrustedProxies = { entries: string[]; list: net.BlockList };

/** "::ffff:203.0.113.7" (an IPv4 client on a dual-stack socket) → "203.0.113.7"; anything else trimmed. */
export function normaliseAddress(address: string): string {
  const a = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  return mapped ? mapped[1]! : a;
}

/** The problem with one entry, or null when it is an address or a CIDR range. */
export function trustedProxyProblem(entry: string): string | null {
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = net.isIP(normaliseAddress(address));
  if (!family || rest.length) return `"${entry}" is not an IP address or CIDR range (such as 10.0.0.0/8)`;
  if (prefix === undefined) return null;
  const bits = Number(prefix);
  const max = family === 4 ? 32 : 128;
  if (!/^\d+$/.test(prefix) || bits > max) return `"${entry}" has a prefix length outside 0-${max}`;
  return null;
}

export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const entries = (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const list = new net.BlockList();
  for (const entry of entries) {
    if (trustedProxyProblem(entry)) throw new Error(trustedProxyProblem(entry)!);
    const [raw, prefix] = entry.split("/");
    const address = normaliseAddress(raw!);
    const type = net.isIP(address) === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return { entries, list };
}

export function isTrusted(proxies: TrustedProxies, address: string): boolean {
  if (!proxies.entries.length) return false;
  const a = normaliseAddress(address);
  const family = net.isIP(a);
  return family !== 0 && proxies.list.check(a, family === 4 ? "ipv4" : "ipv6");
}
