import { refusalForAddress } from "./addressPolicy";
import { BAD_PORTS } from "./badPorts";
import { parseIpAddress } from "./classifyAddress";
import { NetError } from "./NetError";
import type { NetPolicy } from "./netPolicy";

/**
 * Parses and vets a URL before any connection. WHATWG parsing already turns
 * odd IPv4 spellings (2130706433, 0x7f.1, 0177.0.0.1) into dotted quads, so an
 * IP literal is checked here; host names are checked at connect time by the
 * guarded lookup.
 */
export function checkUrl(input: string | URL, policy: Pick<NetPolicy, "allowPrivateNetworks">): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch (cause) {
    throw new NetError("bad_url", "This is not a valid web address. Check that it starts with https://.", { cause });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new NetError("bad_url", `Only http:// and https:// addresses are supported, not ${url.protocol}//.`);
  }
  if (url.username !== "" || url.password !== "") {
    throw new NetError("bad_url", "Remove the user name and password from the address; Watchdeck does not send them.");
  }
  // url.port is "" for the scheme's default port.
  if (url.port !== "" && BAD_PORTS.has(Number(url.port))) {
    throw new NetError(
      "bad_url",
      `Port ${url.port} is for another kind of server, not a web server; browsers refuse it too.`,
    );
  }
  if (parseIpAddress(url.hostname)) {
    const refusal = refusalForAddress(url.hostname, url.hostname, policy);
    if (refusal) throw refusal;
  }
  return url;
}
