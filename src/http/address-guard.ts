import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import type { HttpConfig } from '../config.js';

/** Says why an address may not be contacted, or null when it may. */
export type AddressGuard = (ip: string) => string | null;

/** Raised from the DNS lookup so the socket never connects; carries the readable reason. */
export class BlockedAddressError extends Error {
  readonly code = 'KORSO_BLOCKED_ADDRESS';
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'BlockedAddressError';
  }
}

const rangePhrases: Record<string, string> = {
  unspecified: 'is the unspecified address',
  broadcast: 'is the broadcast address',
  multicast: 'is a multicast address',
  linkLocal: 'is a link-local address',
  loopback: 'is a loopback address (the machine itself)',
  carrierGradeNat: 'is in a carrier-grade NAT network',
  private: 'is in a private network',
  uniqueLocal: 'is in a private network (IPv6 unique local)',
  deprecatedSiteLocal: 'is in a private network (IPv6 site local)',
  rfc6052: 'is a NAT64 address that leads into an IPv4 network',
  rfc6145: 'is an IPv4-translated IPv6 address',
  '6to4': 'is a 6to4 tunnel address',
  teredo: 'is a Teredo tunnel address',
};

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function parseAddress(ip: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const bare = stripBrackets(ip);
  return isIP(bare) ? ipaddr.parse(bare) : null;
}

function describeRange(range: string): string {
  return rangePhrases[range] ?? `is in a special-purpose range (${range})`;
}

/** Why a public crawler must not contact this IP, in words a host can read; null for a public unicast address. */
export function isForbiddenAddress(ip: string): string | null {
  const address = parseAddress(ip);
  if (!address) return `the address ${ip} is not a valid IP address`;
  const range = address.range();
  if (range === 'unicast') return null;
  const shown = address.toString();
  if (address instanceof ipaddr.IPv6 && range === 'ipv4Mapped') {
    const inner = address.toIPv4Address();
    const innerRange = inner.range();
    const phrase =
      innerRange === 'unicast' ? 'is an IPv4 address written as IPv6' : describeRange(innerRange);
    return `the address ${shown} (${inner.toString()}) ${phrase}`;
  }
  return `the address ${shown} ${describeRange(range)}`;
}

/** The IP a host stands for, from a URL hostname or a raw legacy spelling (0x7f.1, 2130706433); null for a name. */
export function literalAddress(host: string): string | null {
  const bare = stripBrackets(host);
  if (isIP(bare)) return bare;
  // Octal, hex and short forms are IPv4 to the resolver; WHATWG URL parses them by the same rules
  if (!/^[0-9a-fx.]+$/i.test(bare)) return null;
  try {
    const { hostname } = new URL(`http://${bare}/`);
    return isIP(hostname) ? hostname : null;
  } catch {
    return null;
  }
}

/** One spelling per address so allowlist entries match whatever form DNS or a URL produced. */
function canonicalAddress(ip: string): string | null {
  const address = parseAddress(ip);
  if (!address) return null;
  return address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress()
    ? address.toIPv4Address().toString()
    : address.toNormalizedString();
}

export function createAddressGuard(
  config: Pick<HttpConfig, 'allowPrivateNetworks' | 'allowedAddresses'>,
): AddressGuard {
  if (config.allowPrivateNetworks) return () => null;
  const allowed = new Set(config.allowedAddresses.map(canonicalAddress).filter((ip) => ip !== null));
  return (ip) => (allowed.has(canonicalAddress(ip) ?? '') ? null : isForbiddenAddress(ip));
}

/** A DNS lookup that drops forbidden answers, so the check applies to the address actually connected to (no DNS rebinding). */
export function createGuardedLookup(
  guard: AddressGuard,
  resolve: LookupFunction = dnsLookup as LookupFunction,
): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, answer) => {
      if (error) return callback(error, '');
      const addresses = typeof answer === 'string' ? [{ address: answer, family: isIP(answer) }] : answer;
      const permitted = addresses.filter((entry: LookupAddress) => guard(entry.address) === null);
      const first = permitted[0];
      if (!first) {
        const refusal = guard(addresses[0]?.address ?? hostname) ?? `the name ${hostname} has no address`;
        return callback(new BlockedAddressError(refusal), '');
      }
      if (options.all) return callback(null, permitted);
      callback(null, first.address, first.family);
    });
  };
}
