/** The client's address as our own server saw it: the last x-forwarded-for entry (set by next start or the reverse proxy). */
export function clientIp(headers: Record<string, string | string[] | undefined> | Headers | undefined): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers?.["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : (raw ?? "");
  return value.split(",").map((s) => s.trim()).filter(Boolean).at(-1) ?? "unknown";
}
