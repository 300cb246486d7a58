import { readFileSync } from "node:fs";
import { inject } from "vitest";
import type { WikiNetwork } from "@/lib/links/serverNetwork";
import { createSafeFetch } from "@/lib/net/safeFetch";
import packageJson from "@/package.json";
import type { Manifest, WikiManifest } from "@/test/mediawiki/manifest";

/** The running fixture wikis, as described by the manifest the test run was given. */
export function fixtureWiki(key: "alpha" | "beta" | "gamma" | "delta" | "aleph"): WikiManifest {
  const manifest = JSON.parse(readFileSync(inject("mediawikiManifestPath"), "utf8")) as Manifest;
  const wiki = manifest.wikis[key];
  if (!wiki) throw new Error(`The MediaWiki fixture has no wiki "${key}".`);
  return wiki;
}

export function botPassword(wiki: WikiManifest, loginName: string): string {
  const entry = wiki.botPasswords.find((b) => b.loginName === loginName);
  if (!entry) throw new Error(`No bot password ${loginName} on ${wiki.key}.`);
  return entry.password;
}

/** The tests' network: the fixture wikis are on loopback, which the admin setting allows here. */
export function loopbackNetwork(allowPrivateNetworks = true): WikiNetwork {
  return {
    fetch: createSafeFetch({ allowPrivateNetworks, timeoutMs: 15_000 }),
    userAgent: {
      appName: "Watchdeck-tests",
      appVersion: packageJson.version,
      contact: "https://example.org/watchdeck",
    },
  };
}
