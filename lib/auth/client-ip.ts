// The client address used for per-IP login throttling. `next start` appends the socket address to
// X-Forwarded-For, so the last entry is the nearest hop and cannot be forged by the client. Behind a
// reverse proxy that hop is the proxy itself; the per-account limit still applies either way.
export function clientIpFrom(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) {
    const parts = forwarded
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean);
    const last = parts[parts.length - 1];
    if (last) return last.slice(0, 64);
  }
  return headers.get("x-real-ip")?.slice(0, 64) ?? "unknown";
}
