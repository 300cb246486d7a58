import { matchesPrefix, parseIpAddress, type IpAddress } from "./ipAddress";

export type AddressCategory =
  | "public"
  | "private"
  | "loopback"
  | "shared_cgnat"
  | "unique_local"
  | "link_local"
  | "this_network"
  | "multicast"
  | "reserved";

interface Range {
  network: Uint8Array;
  prefixLength: number;
  category: AddressCategory;
}

function range(cidr: string, category: AddressCategory): Range {
  const [networkText, prefixText] = cidr.split("/") as [string, string];
  const parsed = parseIpAddress(networkText);
  if (!parsed) throw new Error(`bad CIDR in table: ${cidr}`);
  return { network: parsed.bytes, prefixLength: Number(prefixText), category };
}

// IANA IPv4 special-purpose registry, reduced to what matters for reaching a server.
const IPV4_RANGES: Range[] = [
  range("0.0.0.0/8", "this_network"),
  range("10.0.0.0/8", "private"),
  range("100.64.0.0/10", "shared_cgnat"),
  range("127.0.0.0/8", "loopback"),
  range("169.254.0.0/16", "link_local"),
  range("172.16.0.0/12", "private"),
  range("192.0.0.0/24", "reserved"),
  range("192.0.2.0/24", "reserved"),
  range("192.88.99.0/24", "reserved"),
  range("192.168.0.0/16", "private"),
  range("198.18.0.0/15", "reserved"),
  range("198.51.100.0/24", "reserved"),
  range("203.0.113.0/24", "reserved"),
  range("224.0.0.0/4", "multicast"),
  range("240.0.0.0/4", "reserved"),
];

// IPv6 forms that carry an IPv4 address: judged by the IPv4 address inside,
// since that is where a translator or tunnel would deliver the connection.
const IPV6_EMBEDDING_IPV4: { range: Range; offset: number }[] = [
  { range: range("::ffff:0:0/96", "reserved"), offset: 12 }, // IPv4-mapped
  { range: range("::ffff:0:0:0/96", "reserved"), offset: 12 }, // IPv4-translated (SIIT)
  { range: range("64:ff9b::/96", "reserved"), offset: 12 }, // NAT64 well-known prefix
  { range: range("2002::/16", "reserved"), offset: 2 }, // 6to4
];

const IPV6_RANGES: Range[] = [
  range("::/128", "this_network"),
  range("::1/128", "loopback"),
  range("::/96", "reserved"), // deprecated IPv4-compatible
  range("64:ff9b:1::/48", "reserved"), // local-use NAT64
  range("100::/64", "reserved"), // discard-only
  range("2001::/23", "reserved"), // IETF protocol assignments, incl. Teredo
  range("2001:db8::/32", "reserved"), // documentation
  range("3fff::/20", "reserved"), // documentation
  range("fc00::/7", "unique_local"),
  range("fe80::/10", "link_local"),
  range("fec0::/10", "reserved"), // deprecated site-local
  range("ff00::/8", "multicast"),
];

const IPV6_GLOBAL_UNICAST = range("2000::/3", "public");

/** Classifies an IP address literal; returns null when `text` is not one. */
export function classifyAddress(text: string): AddressCategory | null {
  const address = parseIpAddress(text);
  return address ? classifyParsedAddress(address) : null;
}

export function classifyParsedAddress(address: IpAddress): AddressCategory {
  if (address.version === 4) return categoryIn(IPV4_RANGES, address.bytes) ?? "public";

  for (const { range: embedding, offset } of IPV6_EMBEDDING_IPV4) {
    if (matchesPrefix(address.bytes, embedding.network, embedding.prefixLength)) {
      return classifyParsedAddress({ version: 4, bytes: address.bytes.slice(offset, offset + 4) });
    }
  }
  const listed = categoryIn(IPV6_RANGES, address.bytes);
  if (listed) return listed;
  return matchesPrefix(address.bytes, IPV6_GLOBAL_UNICAST.network, IPV6_GLOBAL_UNICAST.prefixLength)
    ? "public"
    : "reserved";
}

function categoryIn(ranges: Range[], bytes: Uint8Array): AddressCategory | null {
  // Most specific match wins, so "::1/128" beats "::/96".
  let best: Range | null = null;
  for (const candidate of ranges) {
    if (!matchesPrefix(bytes, candidate.network, candidate.prefixLength)) continue;
    if (!best || candidate.prefixLength > best.prefixLength) best = candidate;
  }
  return best?.category ?? null;
}
