// The client address used for per-address sign-in throttling. scripts/server.mjs (the server behind
// `npm start`) appends the socket address to X-Forwarded-For, so the last entry is the peer and cannot
// be forged. Entries before it come from whoever sent the request: only the ones added by the
// TRUSTED_PROXY_HOPS reverse proxies in front of Sovani are believed; the client's own are ignored.
export function clientIpFrom(headers: Headers, trustedProxyHops: number): string {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  if (chain.length === 0) return "unknown";
  const index = Math.max(0, chain.length - 1 - trustedProxyHops);
  return chain[index].slice(0, 64);
}
