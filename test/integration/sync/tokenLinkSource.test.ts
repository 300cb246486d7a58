import { beforeAll, describe, expect, it } from "vitest";
import { createLink } from "@/lib/links/createLink";
import { listLinksForUser } from "@/lib/links/linkRepository";
import { syncLink } from "@/lib/sync/syncLink";
import { isWatchlistRequest, startFaultProxy } from "@/test/support/faultProxy";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { fixtureWiki } from "@/test/support/wikiFixture";
import {
  countingNetwork,
  deps,
  linkWithToken,
  newUser,
  query,
  storedIdentities,
  storedKeys,
  wikiIdentities,
} from "./syncTestKit";

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
});

async function linkRow(linkId: string) {
  const [row] = await query<{ source: string; source_pinned: boolean; source_note: string | null }>(
    `SELECT source::text AS source, source_pinned, source_note FROM wiki_links WHERE id = $1`,
    [linkId],
  );
  return row!;
}

describe("watchlist-token links read list=watchlist whenever the wiki allows it", () => {
  it("moves an existing feed link over on its next poll: every change stored, the feed's not twice", async () => {
    const wiki = fixtureWiki("beta");
    const userId = await newUser("feed-to-api@example.org");
    const network = countingNetwork();
    // Its first poll through the feed, as links pasted from a feed address read before; then it is unpinned, as
    // such links are after the migration. (First in this file: no API rows of the wiki are stored yet.)
    const linkId = await linkWithToken(userId, wiki.apiUrl, "Alice", wiki.watchlistTokens.Alice!, "feed", network);
    expect(await syncLink(linkId, deps(network))).toMatchObject({ status: "synced", requests: 1 });
    const fromFeed = await storedKeys(linkId);
    expect(fromFeed).toHaveLength(50);
    const [feedRows] = await query<{ n: string }>(
      `SELECT count(*) AS n FROM link_changes lc JOIN changes c ON c.id = lc.change_id WHERE lc.link_id = $1 AND c.source = 'feed'`,
      [linkId],
    );
    expect(feedRows!.n).toBe("50");
    await query(`UPDATE wiki_links SET source_pinned = false WHERE id = $1`, [linkId]);

    network.requests.length = 0;
    expect(await syncLink(linkId, deps(network))).toMatchObject({ status: "synced" });
    expect(network.requests.some((url) => url.includes("action=feedwatchlist"))).toBe(false);
    expect(await linkRow(linkId)).toEqual({ source: "api", source_pinned: false, source_note: null });

    const onTheWiki = await wikiIdentities("beta");
    const stored = await storedIdentities(linkId);
    expect(stored.length).toBe(onTheWiki.identities.size);
    expect(new Set(stored)).toEqual(onTheWiki.identities);
    const [counts] = await query<{ feed_rows: string; dupes: string; link_rows: string; distinct_keys: string }>(
      `SELECT (SELECT count(*) FROM link_changes lc JOIN changes c ON c.id = lc.change_id WHERE lc.link_id = $1 AND c.source = 'feed') AS feed_rows,
              (SELECT count(*) - count(DISTINCT (site_id, change_key)) FROM changes) AS dupes,
              (SELECT count(*) FROM link_changes WHERE link_id = $1) AS link_rows,
              (SELECT count(DISTINCT c.change_key) FROM link_changes lc JOIN changes c ON c.id = lc.change_id WHERE lc.link_id = $1) AS distinct_keys`,
      [linkId],
    );
    expect(counts).toEqual({
      feed_rows: "0",
      dupes: "0",
      link_rows: String(onTheWiki.identities.size),
      distinct_keys: String(onTheWiki.identities.size),
    });
    // The feed's 50 are among them, as the same changes (move and protect now under their log entry's key).
    const final = new Set(await storedKeys(linkId));
    const logRevisions = new Map(
      onTheWiki.rows
        .filter((r) => r.type === "log" && (r.revid ?? 0) > 0)
        .map((r) => [`rev:${r.revid}`, `log:${r.logid}`]),
    );
    for (const key of fromFeed) expect(final.has(logRevisions.get(key) ?? key), key).toBe(true);
  });

  it("links a pasted feed address to the API, keeping the feed's format for falling back", async () => {
    const wiki = fixtureWiki("alpha");
    const userId = await newUser("pasted-feed@example.org");
    const feedUrl = `${wiki.apiUrl}?action=feedwatchlist&allrev=1&wlowner=Alice&wltoken=${wiki.watchlistTokens.Alice}&feedformat=rss`;
    const network = countingNetwork();
    const result = await createLink(userId, { wikiUrl: feedUrl, authMode: "bot_password" }, network);
    if (!result.ok) throw new Error(result.failure.message);
    const [link] = await listLinksForUser(userId);
    expect(link).toMatchObject({ authMode: "watchlist_token", source: "api", feedFormat: "rss", sourcePinned: false });
    expect(network.requests.some((url) => url.includes("list=watchlist") && url.includes("wltoken="))).toBe(true);

    expect(await syncLink(result.value.linkId, deps(network))).toMatchObject({ status: "synced" });
    const onTheWiki = await wikiIdentities("alpha");
    expect(onTheWiki.identities.size).toBeGreaterThan(50);
    expect(new Set(await storedIdentities(result.value.linkId))).toEqual(onTheWiki.identities);
  });

  it("keeps a link the user pinned to the feed on the feed", async () => {
    const wiki = fixtureWiki("alpha");
    const userId = await newUser("pinned-feed@example.org");
    const network = countingNetwork();
    const linkId = await linkWithToken(userId, wiki.apiUrl, "Alice", wiki.watchlistTokens.Alice!, "feed", network);
    expect(await linkRow(linkId)).toEqual({ source: "feed", source_pinned: true, source_note: null });
    network.requests.length = 0;
    expect(await syncLink(linkId, deps(network))).toMatchObject({ status: "synced", requests: 1 });
    expect(network.requests).toHaveLength(1);
    expect(network.requests[0]).toContain("action=feedwatchlist");
  });

  it("falls back to the feed while the wiki's API refuses the token, says why, and moves over once it answers", async () => {
    const wiki = fixtureWiki("alpha");
    const proxy = await startFaultProxy(wiki);
    try {
      proxy.setRules([{ fault: "html", match: isWatchlistRequest }]);
      const userId = await newUser("api-refused@example.org");
      const network = countingNetwork();
      const feedUrl = `${proxy.apiUrl}?action=feedwatchlist&wlowner=Alice&wltoken=${wiki.watchlistTokens.Alice}&feedformat=atom`;
      const result = await createLink(userId, { wikiUrl: feedUrl, authMode: "watchlist_token" }, network);
      if (!result.ok) throw new Error(result.failure.message);
      const linkId = result.value.linkId;
      const [link] = await listLinksForUser(userId);
      expect(link).toMatchObject({ source: "feed", sourcePinned: false, feedFormat: "atom" });
      expect(link!.sourceNote).toMatch(/did not answer like a MediaWiki API/);

      network.requests.length = 0;
      expect(await syncLink(linkId, deps(network))).toMatchObject({ status: "synced" });
      expect(network.requests.filter((url) => url.includes("action=feedwatchlist"))).toHaveLength(1);
      expect((await linkRow(linkId)).source).toBe("feed");
      expect(await storedKeys(linkId)).toHaveLength(50);

      proxy.clearRules();
      expect(await syncLink(linkId, deps(network))).toMatchObject({ status: "synced" });
      expect(await linkRow(linkId)).toEqual({ source: "api", source_pinned: false, source_note: null });
      expect(new Set(await storedIdentities(linkId))).toEqual((await wikiIdentities("alpha")).identities);
    } finally {
      await proxy.close();
    }
  });
});
