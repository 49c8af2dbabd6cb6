import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import ipaddr from 'ipaddr.js';

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

function canonical(raw: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const bare = raw.trim().replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(bare)) return null;
  const address = ipaddr.parse(bare);
  return address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress() ? address.toIPv4Address() : address;
}

/** KORSO_TRUSTED_PROXIES: single addresses or CIDR ranges; anything else is a configuration error. */
export function parseTrustedProxies(entries: readonly string[]): Range[] {
  return entries.map((entry) => {
    if (entry.includes('/')) return ipaddr.parseCIDR(entry) as Range;
    const address = canonical(entry);
    if (!address) throw new Error(`KORSO_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    return [address, address.kind() === 'ipv4' ? 32 : 128];
  });
}

function trusted(address: ipaddr.IPv4 | ipaddr.IPv6, ranges: Range[]): boolean {
  return ranges.some(([net, bits]) => net.kind() === address.kind() && address.match(net, bits));
}

/**
 * The client's address: the socket's peer, or — only when that peer is a trusted proxy — the
 * rightmost X-Forwarded-For hop that is not itself a trusted proxy (the leftmost hops are the
 * client's to write, so they are believed no further than the last proxy korso trusts).
 */
export function clientAddress(c: Context, ranges: Range[]): string {
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    // app.request() without a socket (tests)
  }
  const socket = peer ? canonical(peer) : null;
  if (!socket) return peer ?? 'local';
  if (ranges.length === 0 || !trusted(socket, ranges)) return socket.toString();
  const hops = (c.req.header('X-Forwarded-For') ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = canonical(hops[i] ?? '');
    // A hop that is not an address cannot be limited by address: the proxy that wrote it answers for it.
    if (!hop) return socket.toString();
    if (!trusted(hop, ranges)) return hop.toString();
  }
  return socket.toString();
}
