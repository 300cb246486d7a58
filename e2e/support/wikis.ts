import { readFileSync } from "node:fs";
import type { Manifest, WikiManifest } from "../../test/mediawiki/manifest";

/** The fixture wikis `npm test` started for this run. */
export function fixtureWiki(key: "alpha" | "beta" | "gamma" | "delta" | "aleph"): WikiManifest {
  const path = process.env.WATCHDECK_TEST_MW_MANIFEST;
  if (!path) throw new Error("WATCHDECK_TEST_MW_MANIFEST is not set: run the browser tests through `npm test`.");
  const wiki = (JSON.parse(readFileSync(path, "utf8")) as Manifest).wikis[key];
  if (!wiki) throw new Error(`No fixture wiki "${key}".`);
  return wiki;
}

export function botPassword(wiki: WikiManifest, loginName: string): string {
  const entry = wiki.botPasswords.find((b) => b.loginName === loginName);
  if (!entry) throw new Error(`No bot password ${loginName}`);
  return entry.password;
}
