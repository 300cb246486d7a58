import { isIPv4, isIPv6 } from "node:net";
import ipaddr from "ipaddr.js";

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

type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * Parses the textual forms that DNS answers and WHATWG-normalised URL hosts
 * use: dotted-quad IPv4 and IPv6 (brackets and a zone id are tolerated).
 * Returns null for anything else, including host names. node:net decides what
 * is an address, as strictly as the resolver; ipaddr.js's own parser would
 * also take forms like "1.2.3" or "0x7f.1".
 */
export function parseIpAddress(text: string): IpAddress | null {
  let candidate = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  const zoneStart = candidate.indexOf("%");
  if (zoneStart !== -1) candidate = candidate.slice(0, zoneStart);
  if (isIPv4(candidate)) return ipaddr.IPv4.parse(candidate);
  // ipaddr.js reads the deprecated "::a.b.c.d" as "::ffff:a.b.c.d", another address;
  // the WHATWG URL serialiser writes any IPv6 as plain hex groups, which it reads right.
  if (isIPv6(candidate)) return ipaddr.IPv6.parse(new URL(`http://[${candidate}]`).hostname.slice(1, -1));
  return null;
}

// The ranges are ipaddr.js's (the IANA special-purpose registries); which of them
// an admin may open is the project's policy (addressPolicy.ts). Any other range
// ipaddr.js names, now or in a later version, is special-purpose and never a wiki.
const CATEGORY_OF_RANGE: Readonly<Record<string, AddressCategory>> = {
  unicast: "public",
  unspecified: "this_network",
  loopback: "loopback",
  private: "private",
  carrierGradeNat: "shared_cgnat",
  uniqueLocal: "unique_local",
  linkLocal: "link_local",
  multicast: "multicast",
};

// IPv6 forms that carry an IPv4 address: judged by the IPv4 address inside,
// since that is where a translator or tunnel would deliver the connection.
const IPV4_INSIDE: { range: [ipaddr.IPv6, number]; offset: number }[] = [
  { range: ipaddr.IPv6.parseCIDR("::ffff:0:0/96"), offset: 12 }, // IPv4-mapped
  { range: ipaddr.IPv6.parseCIDR("::ffff:0:0:0/96"), offset: 12 }, // IPv4-translated (SIIT)
  { range: ipaddr.IPv6.parseCIDR("64:ff9b::/96"), offset: 12 }, // NAT64 well-known prefix; not the local-use 64:ff9b:1::/48
  { range: ipaddr.IPv6.parseCIDR("2002::/16"), offset: 2 }, // 6to4
];

// ipaddr.js calls all other IPv6 "unicast", but only 2000::/3 is global unicast:
// the rest (e.g. the deprecated IPv4-compatible ::/96) is reserved.
const IPV6_GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR("2000::/3");

/** Classifies an IP address literal; returns null when `text` is not one. */
export function classifyAddress(text: string): AddressCategory | null {
  const address = parseIpAddress(text);
  return address ? classifyParsedAddress(address) : null;
}

function classifyParsedAddress(address: IpAddress): AddressCategory {
  if (address.kind() === "ipv4") return CATEGORY_OF_RANGE[address.range()] ?? "reserved";
  const v6 = address as ipaddr.IPv6;
  for (const { range, offset } of IPV4_INSIDE) {
    if (v6.match(range)) return classifyParsedAddress(ipaddr.fromByteArray(v6.toByteArray().slice(offset, offset + 4)));
  }
  const category = CATEGORY_OF_RANGE[v6.range()] ?? "reserved";
  return category === "public" && !v6.match(IPV6_GLOBAL_UNICAST) ? "reserved" : category;
}
