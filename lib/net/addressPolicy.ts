import { type AddressCategory, classifyAddress } from "./classifyAddress";
import { displayHost } from "./displayHost";
import { NetError } from "./NetError";
import type { NetPolicy } from "./netPolicy";

// What an admin can open up for intranet wikis. Link-local (cloud metadata at
// 169.254.169.254), multicast and reserved ranges never host a wiki, so they
// stay closed even then.
const OPENED_BY_PRIVATE_NETWORK_POLICY: ReadonlySet<AddressCategory> = new Set([
  "private",
  "loopback",
  "shared_cgnat",
  "unique_local",
]);

export function isCategoryAllowed(category: AddressCategory, policy: Pick<NetPolicy, "allowPrivateNetworks">): boolean {
  if (category === "public") return true;
  return policy.allowPrivateNetworks && OPENED_BY_PRIVATE_NETWORK_POLICY.has(category);
}

/**
 * Returns the refusal for connecting to `address` (an IP literal) under
 * `policy`, or null when the connection may go ahead. `host` is the name the
 * user gave, used only in the message.
 */
export function refusalForAddress(
  address: string,
  host: string,
  policy: Pick<NetPolicy, "allowPrivateNetworks">,
): NetError | null {
  const category = classifyAddress(address);
  if (category === null) {
    return new NetError("bad_url", `The address for ${displayHost(host)} could not be understood.`);
  }
  if (isCategoryAllowed(category, policy)) return null;
  return new NetError("blocked_address", blockedMessage(category, displayHost(host)));
}

function blockedMessage(category: AddressCategory, host: string): string {
  switch (category) {
    case "private":
    case "shared_cgnat":
    case "unique_local":
      return `${host} is on a private network; Watchdeck is not allowed to reach it.`;
    case "loopback":
    case "this_network":
      return `${host} points at the Watchdeck server itself; Watchdeck is not allowed to reach it.`;
    case "link_local":
      return `${host} is a link-local address (such as a cloud metadata service); Watchdeck never reaches it.`;
    case "multicast":
    case "reserved":
    case "public":
      return `${host} is in a reserved address range; Watchdeck never reaches it.`;
  }
}
