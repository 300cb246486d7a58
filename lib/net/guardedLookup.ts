import dns from "node:dns";
import type { LookupFunction } from "node:net";
import { refusalForAddress } from "./addressPolicy";
import type { NetPolicy } from "./netPolicy";

export type ResolveAllAddresses = (
  hostname: string,
  options: dns.LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void,
) => void;

const systemResolveAll: ResolveAllAddresses = (hostname, options, callback) => dns.lookup(hostname, options, callback);

/**
 * A `lookup` for net/tls.connect that resolves every address of the host and
 * refuses the connection if any of them is off-limits. Because the socket
 * connects to exactly what this returns, a DNS answer cannot change between
 * the check and the connection (DNS rebinding).
 */
export function createGuardedLookup(
  policy: Pick<NetPolicy, "allowPrivateNetworks">,
  resolveAll: ResolveAllAddresses = systemResolveAll,
): LookupFunction {
  return (hostname, options, callback) => {
    resolveAll(hostname, { family: options.family, hints: options.hints, all: true }, (error, addresses) => {
      if (error) return callback(error, "");
      if (addresses.length === 0) {
        const notFound: NodeJS.ErrnoException = new Error(`no addresses for ${hostname}`);
        notFound.code = "ENOTFOUND";
        return callback(notFound, "");
      }
      for (const { address } of addresses) {
        const refusal = refusalForAddress(address, hostname, policy);
        if (refusal) return callback(refusal, "");
      }
      if (options.all) return callback(null, addresses);
      const [first] = addresses as [dns.LookupAddress];
      return callback(null, first.address, first.family);
    });
  };
}
