import { isIPv4, isIPv6 } from "node:net";

export interface IpAddress {
  version: 4 | 6;
  /** 4 bytes for IPv4, 16 for IPv6, network order. */
  bytes: Uint8Array;
}

/**
 * Parses the textual forms that DNS answers and WHATWG-normalised URL hosts
 * use: dotted-quad IPv4 and IPv6 (brackets and a zone id are tolerated).
 * Returns null for anything else, including host names.
 */
export function parseIpAddress(text: string): IpAddress | null {
  let candidate = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  const zoneStart = candidate.indexOf("%");
  if (zoneStart !== -1) candidate = candidate.slice(0, zoneStart);

  if (isIPv4(candidate)) return { version: 4, bytes: parseIPv4(candidate) };
  if (isIPv6(candidate)) return { version: 6, bytes: parseIPv6(candidate) };
  return null;
}

function parseIPv4(text: string): Uint8Array {
  return Uint8Array.from(text.split(".").map((part) => Number.parseInt(part, 10)));
}

function parseIPv6(text: string): Uint8Array {
  const bytes = new Uint8Array(16);
  let groupsText = text;
  let embeddedIPv4: Uint8Array | null = null;

  const lastColon = text.lastIndexOf(":");
  const tail = text.slice(lastColon + 1);
  if (tail.includes(".")) {
    embeddedIPv4 = parseIPv4(tail);
    groupsText = `${text.slice(0, lastColon + 1)}0:0`;
  }

  const [headText, tailText] = groupsText.split("::") as [string, string | undefined];
  const head = headText === "" ? [] : headText.split(":");
  const rest = tailText === undefined || tailText === "" ? [] : tailText.split(":");
  const groups =
    tailText === undefined
      ? head
      : [...head, ...Array<string>(8 - head.length - rest.length).fill("0"), ...rest];

  groups.forEach((group, index) => {
    const value = Number.parseInt(group, 16);
    bytes[index * 2] = value >> 8;
    bytes[index * 2 + 1] = value & 0xff;
  });
  if (embeddedIPv4) bytes.set(embeddedIPv4, 12);
  return bytes;
}

export function formatIPv4(bytes: Uint8Array): string {
  return Array.from(bytes).join(".");
}

/** True when the first `prefixLength` bits of `address` equal those of `network`. */
export function matchesPrefix(address: Uint8Array, network: Uint8Array, prefixLength: number): boolean {
  if (address.length !== network.length) return false;
  const fullBytes = Math.floor(prefixLength / 8);
  for (let i = 0; i < fullBytes; i++) {
    if (address[i] !== network[i]) return false;
  }
  const remainingBits = prefixLength % 8;
  if (remainingBits === 0) return true;
  const mask = (0xff << (8 - remainingBits)) & 0xff;
  return ((address[fullBytes] ?? 0) & mask) === ((network[fullBytes] ?? 0) & mask);
}
