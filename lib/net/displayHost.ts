import { domainToUnicode } from "node:url";

/**
 * A host ("xn--bcher-kva.example:8080") as the person typed it ("bücher.example:8080"), for
 * messages: URL parsing turns a Unicode name into punycode, which nobody recognises as theirs.
 */
export function displayHost(host: string): string {
  // An IPv6 literal ("[::1]:80") has no name to convert.
  if (host.startsWith("[")) return host;
  const colon = host.lastIndexOf(":");
  const name = colon === -1 ? host : host.slice(0, colon);
  const port = colon === -1 ? "" : host.slice(colon);
  if (!name.split(".").some((label) => label.toLowerCase().startsWith("xn--"))) return host;
  // domainToUnicode gives "" for a name it cannot read; the punycode is still better than nothing.
  return (domainToUnicode(name) || name) + port;
}

/** A URL without its query (which may hold a watchlist token), its host as typed: for messages only. */
export function displayAddress(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${displayHost(parsed.host)}${parsed.pathname}`;
  } catch {
    return "The address";
  }
}
