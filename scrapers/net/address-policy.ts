import ipaddr from 'ipaddr.js';

/** The verdict on one IP address: may a fetcher connect to it without an allow-list entry? */
export interface AddressVerdict {
  address: string;
  isPublic: boolean;
  /** A short name for the range, e.g. `loopback`, `private`, `ipv4Mapped(loopback)`, `unicast`. */
  range: string;
}

/**
 * IPv4 ranges ipaddr.js calls `unicast` that are still not somewhere a fetcher should go:
 * documentation, benchmarking and protocol-assignment blocks (RFC 6890 special-purpose registry).
 */
const EXTRA_V4_SPECIAL: Array<[string, string]> = [
  ['192.0.0.0/24', 'ietfProtocol'],
  ['192.0.2.0/24', 'documentation'],
  ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'],
  ['198.18.0.0/15', 'benchmarking'],
  ['192.88.99.0/24', '6to4Relay'],
  ['240.0.0.0/4', 'reserved'],
];
const V4_SPECIAL = EXTRA_V4_SPECIAL.map(([cidr, name]) => [ipaddr.IPv4.parseCIDR(cidr), name] as const);

/** Only global unicast IPv6 (2000::/3) can be public; everything else (incl. ::/96 IPv4-compatible) is not. */
const V6_GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR('2000::/3');
/** RFC 6052 well-known NAT64 prefix; the last 32 bits are the IPv4 address being reached. */
const NAT64_WELL_KNOWN = ipaddr.IPv6.parseCIDR('64:ff9b::/96');

function classifyV4(address: ipaddr.IPv4): { isPublic: boolean; range: string } {
  const range = address.range();
  if (range !== 'unicast') return { isPublic: false, range };
  for (const [cidr, name] of V4_SPECIAL) {
    if (address.match(cidr)) return { isPublic: false, range: name };
  }
  return { isPublic: true, range };
}

function v4FromBytes(bytes: number[]): ipaddr.IPv4 {
  return new ipaddr.IPv4(bytes.slice(0, 4));
}

/** A tunnelled or translated IPv6 address is only as public as the IPv4 address(es) it carries. */
function classifyEmbedding(range: string, embedded: ipaddr.IPv4[]): { isPublic: boolean; range: string } {
  for (const v4 of embedded) {
    const inner = classifyV4(v4);
    if (!inner.isPublic) return { isPublic: false, range: `${range}(${inner.range} ${v4.toString()})` };
  }
  return { isPublic: true, range };
}

function classifyV6(address: ipaddr.IPv6): { isPublic: boolean; range: string } {
  const bytes = address.toByteArray();
  const range = address.range();
  if (address.isIPv4MappedAddress()) return classifyEmbedding(range, [address.toIPv4Address()]);
  if (address.match(NAT64_WELL_KNOWN)) return classifyEmbedding(range, [v4FromBytes(bytes.slice(12))]);
  if (range === '6to4') return classifyEmbedding(range, [v4FromBytes(bytes.slice(2, 6))]);
  if (range === 'teredo') {
    // RFC 4380: server at bits 32-63, client stored bit-inverted in the last 32 bits.
    const server = v4FromBytes(bytes.slice(4, 8));
    const client = v4FromBytes(bytes.slice(12).map((b) => b ^ 0xff));
    return classifyEmbedding(range, [server, client]);
  }
  if (range !== 'unicast' || !address.match(V6_GLOBAL_UNICAST)) {
    return { isPublic: false, range: range === 'unicast' ? 'nonGlobal' : range };
  }
  return { isPublic: true, range };
}

/** Classifies an IP literal (no brackets, no zone needed). Returns `undefined` when it is not an IP address. */
export function classifyAddress(literal: string): AddressVerdict | undefined {
  const bare = literal.startsWith('[') && literal.endsWith(']') ? literal.slice(1, -1) : literal;
  if (!ipaddr.isValid(bare)) return undefined;
  // ipaddr.parse accepts odd IPv4 spellings (0x7f.1, 2130706433); only strict four-part forms reach here
  // from URLs, because WHATWG URL parsing has already normalised the host.
  const parsed = ipaddr.parse(bare);
  const verdict =
    parsed.kind() === 'ipv4' ? classifyV4(parsed as ipaddr.IPv4) : classifyV6(parsed as ipaddr.IPv6);
  return { address: parsed.toString(), ...verdict };
}

export function isIpLiteral(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return ipaddr.isValid(bare);
}
