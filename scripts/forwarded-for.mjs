// The X-Forwarded-For that the app sees: the entries the TRUSTED_PROXY_HOPS proxies in front of us
// appended, then the socket address. Without trusted proxies the client's own header is dropped, so
// lib/auth/client-ip.ts reads the socket address and a client cannot pick the address it is throttled as.
export function forwardedFor(incoming, socketAddress, trustedProxyHops) {
  const header = Array.isArray(incoming) ? incoming.join(",") : (incoming ?? "");
  const chain = header
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  const believed = trustedProxyHops > 0 ? chain.slice(-trustedProxyHops) : [];
  return [...believed, socketAddress ?? "unknown"].join(", ");
}
