export function forwardedFor(
  incoming: string | string[] | undefined,
  socketAddress: string | undefined,
  trustedProxyHops: number,
): string;
