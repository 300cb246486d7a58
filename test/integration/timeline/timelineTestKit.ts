import { registerUser } from "@/lib/accounts/registerUser";
import { createLink } from "@/lib/links/createLink";
import { buildSyncSettings } from "@/lib/sync/settings";
import { syncLink } from "@/lib/sync/syncLink";
import type { TimelineEntry } from "@/lib/timeline/timelineEntry";
import type { WikiManifest } from "@/test/mediawiki/manifest";
import { expectedChanges } from "@/test/mediawiki/seedPlan";
import { botPassword, fixtureWiki, loopbackNetwork } from "@/test/support/wikiFixture";

export type WikiKey = "alpha" | "beta";

/** One change the fixture seeded into a watchlist, as the seed plan and the manifest describe it. */
export interface SeededChange {
  wiki: WikiKey;
  label: string;
  /** `${site name}|${kind}:${rev or log id}`, the same as entryKey() of the timeline row. */
  key: string;
  kind: "new" | "edit" | "log" | "categorize";
  title: string;
  namespace: number;
  /** Null when revision-deleted. */
  user: string | null;
  minor: boolean;
  bot: boolean;
  anon: boolean;
  tags: string[];
  timestamp: Date;
}

export async function newUser(email: string): Promise<string> {
  const result = await registerUser({ email, password: "long enough password" }, { registrationOpen: true });
  if (!result.ok) throw new Error(result.failure.message);
  return result.value.id;
}

/** Links the wiki as Alice (bot password) for the user and runs one real sync of it. */
export async function linkAndSync(
  userId: string,
  wiki: WikiKey | "aleph",
  loginName = "Alice@watchdeck",
): Promise<string> {
  const manifest = fixtureWiki(wiki);
  const network = loopbackNetwork();
  const linked = await createLink(
    userId,
    {
      wikiUrl: manifest.apiUrl,
      authMode: "bot_password",
      username: loginName,
      secret: botPassword(manifest, loginName),
    },
    network,
  );
  if (!linked.ok) throw new Error(`could not link ${wiki}: ${linked.failure.message}`);
  const outcome = await syncLink(linked.value.linkId, {
    network,
    settings: buildSyncSettings({}, 120),
    random: () => 0.5,
  });
  if (outcome.status !== "synced") throw new Error(`sync of ${wiki} did not complete: ${JSON.stringify(outcome)}`);
  return linked.value.linkId;
}

export function entryKey(entry: TimelineEntry): string {
  return `${entry.site.name}|${entry.kind}:${entry.kind === "log" ? entry.logId : entry.revId}`;
}

function namespaceOf(title: string, wiki: WikiManifest): number {
  const colon = title.indexOf(":");
  if (colon < 0) return 0;
  const prefix = title.slice(0, colon);
  const found = Object.entries(wiki.namespaces).find(([id, name]) => name === prefix && id !== "0");
  return found ? Number(found[0]) : 0;
}

/** The seeded changes in a watcher's watchlist on a wiki (Alice's by default). */
export function seededChanges(wiki: WikiKey, watcher: "Alice" | "Bob" = "Alice"): SeededChange[] {
  const manifest = fixtureWiki(wiki);
  return expectedChanges(wiki, watcher).map((expect): SeededChange => {
    const record = manifest.seed.changes[expect.label];
    if (!record?.timestamp) throw new Error(`The manifest has no record of ${wiki}/${expect.label}.`);
    const id = expect.rcType === "log" ? record.logid : record.revid;
    return {
      wiki,
      label: expect.label,
      key: `${manifest.sitename}|${expect.rcType}:${id}`,
      kind: expect.rcType,
      title: record.title,
      namespace: namespaceOf(record.title, manifest),
      user: expect.userhidden ? null : expect.user,
      minor: expect.minor ?? false,
      bot: expect.bot ?? false,
      anon: expect.anon ?? false,
      tags: expect.tags ?? [],
      timestamp: new Date(record.timestamp),
    };
  });
}

/**
 * A timeline row the seed did not make (other tests edit the shared wikis too), in the seeded rows' shape,
 * so that a filter is judged on every row the user has: one that let a foreign row through would fail.
 */
export function unseededChange(entry: TimelineEntry): SeededChange {
  return {
    wiki: entry.site.name === fixtureWiki("beta").sitename ? "beta" : "alpha",
    label: "",
    key: entryKey(entry),
    kind: entry.kind as SeededChange["kind"],
    title: entry.title,
    namespace: entry.namespace ?? 0,
    user: entry.user,
    minor: entry.minor,
    bot: entry.bot,
    anon: entry.anon,
    tags: entry.tags,
    timestamp: entry.timestamp,
  };
}
