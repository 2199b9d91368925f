/**
 * The client's address: the one `trustedHops` proxies back from the connection. Whatever a
 * client wrote into `x-forwarded-for` beyond the proxies we trust is ignored.
 */
export function clientAddressOf(forwardedFor, socketAddress, trustedHops) {
  const chain = [...(trustedHops > 0 ? (forwardedFor ?? '').split(',') : []), socketAddress ?? 'unknown']
    .map((entry) => entry.trim())
    .filter(Boolean);
  return chain[Math.max(0, chain.length - 1 - trustedHops)] ?? 'unknown';
}
