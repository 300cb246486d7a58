import { serverConfig } from "@/lib/config/serverConfig";
import type { UserAgentInfo } from "@/lib/mediawiki/api/userAgent";
import { createSafeFetch, type SafeFetch } from "@/lib/net/safeFetch";
import packageJson from "@/package.json";

/** How the server reaches wikis on a user's behalf: SSRF guard per the admin's setting, and an honest User-Agent. */
export interface WikiNetwork {
  fetch: SafeFetch;
  userAgent: UserAgentInfo;
}

let cached: WikiNetwork | undefined;

export function wikiNetwork(): WikiNetwork {
  if (!cached) {
    const config = serverConfig();
    cached = {
      fetch: createSafeFetch({ allowPrivateNetworks: config.allowPrivateNetworks }),
      userAgent: { appName: "Watchdeck", appVersion: packageJson.version, contactUrl: config.contactUrl },
    };
  }
  return cached;
}
