import { execFileSync } from "node:child_process";
import { XMLParser } from "fast-xml-parser";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/feed/[file]/route";
import { createFeedToken, listFeedTokens, regenerateFeedToken, revokeFeedToken } from "@/lib/feeds/feedTokens";
import { syncLink } from "@/lib/sync/syncLink";
import { deps, linkWithBotPassword, newUser } from "@/test/integration/sync/syncTestKit";
import { expectedChanges } from "@/test/mediawiki/seedPlan";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { botPassword, fixtureWiki, loopbackNetwork } from "@/test/support/wikiFixture";

process.env.WATCHDECK_URL = "https://watchdeck.test";

let databaseUrl: string;
let alice: { userId: string; linkId: string };
let bob: { userId: string; linkId: string };
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  isArray: (n) => ["item", "entry", "category", "link"].includes(n),
});

async function fetchFeed(secret: string, format: "rss" | "atom", query = "", headers: Record<string, string> = {}) {
  const request = new Request(`https://watchdeck.test/feed/${secret}.${format}${query}`, { headers });
  return GET(request, { params: Promise.resolve({ file: `${secret}.${format}` }) });
}

async function newFeed(userId: string, name: string, filterQuery: string): Promise<string> {
  const created = await createFeedToken(userId, { name, filterQuery });
  if (!created.ok) throw new Error(created.failure.message);
  return created.value.secret;
}

/** The link's newest change ids, straight from SQL: an expectation independent of the timeline query. */
async function newestChangeIds(userId: string, limit: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `SELECT DISTINCT ON (timestamp, change_id) change_id::text AS id, timestamp FROM link_changes
       WHERE user_id = $1 ORDER BY timestamp DESC, change_id DESC LIMIT $2`,
      [userId, limit],
    );
    return rows.map((r) => r.id);
  } finally {
    await client.end();
  }
}

function xmllintOk(xml: string) {
  execFileSync("xmllint", ["--noout", "-"], { input: xml });
}

beforeAll(async () => {
  databaseUrl = await useTestDatabase(import.meta.url);
  const wiki = fixtureWiki("alpha");
  const network = loopbackNetwork();
  const aliceUser = await newUser("feed-alice@example.org");
  const bobUser = await newUser("feed-bob@example.org");
  alice = {
    userId: aliceUser,
    linkId: await linkWithBotPassword(
      aliceUser,
      wiki.apiUrl,
      "Alice@watchdeck",
      botPassword(wiki, "Alice@watchdeck"),
      network,
    ),
  };
  bob = {
    userId: bobUser,
    linkId: await linkWithBotPassword(
      bobUser,
      wiki.apiUrl,
      "Bob@watchdeck",
      botPassword(wiki, "Bob@watchdeck"),
      network,
    ),
  };
  for (const link of [alice.linkId, bob.linkId])
    expect(await syncLink(link, deps(network))).toMatchObject({ status: "synced" });
}, 180_000);

describe("a feed URL", () => {
  it("serves the newest 50 changes of its owner as RSS 2.0, exactly and in order, parseable by two parsers", async () => {
    const secret = await newFeed(alice.userId, "Everything", "");
    const response = await fetchFeed(secret, "rss");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    const xml = await response.text();
    xmllintOk(xml);
    const items = parser.parse(xml).rss.channel.item as Array<{
      guid: { "#text": string };
      title: string;
      link: string[];
      pubDate: string;
    }>;
    expect(items.map((i) => i.guid["#text"])).toEqual(
      (await newestChangeIds(alice.userId, 50)).map((id) => `urn:watchdeck:change:${id}`),
    );
    for (const item of items) {
      expect(item.title).toMatch(/^\[Alpha Wiki\] /);
      expect(item.link[0]).toMatch(new RegExp(`^${fixtureWiki("alpha").baseUrl}/`));
      expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
    }
  });

  it("applies its filters: an Atom feed of log entries holds exactly the seeded log entries", async () => {
    const secret = await newFeed(alice.userId, "Logs", "type=log");
    const response = await fetchFeed(secret, "atom", "?limit=500");
    const xml = await response.text();
    xmllintOk(xml);
    const entries = (parser.parse(xml).feed.entry ?? []) as Array<{
      title: string;
      category: Array<{ "@_term": string }>;
    }>;
    const expected = expectedChanges("alpha", "Alice")
      .filter((e) => e.rcType === "log")
      .map(
        (e) =>
          `[Alpha Wiki] ${e.rcTitle} (log: ${e.logtype}${e.logaction && e.logaction !== e.logtype ? `/${e.logaction}` : ""})`,
      );
    expect(expected.length).toBeGreaterThan(0);
    expect(entries.map((e) => e.title).sort()).toEqual(expected.sort());
    for (const entry of entries) expect(entry.category.map((c) => c["@_term"])).toContain("Alpha Wiki");
  });

  it("honours limit up to 500 and explains a bad one", async () => {
    const secret = await newFeed(alice.userId, "Big", "");
    const big = parser.parse(await (await fetchFeed(secret, "rss", "?limit=500")).text()).rss.channel.item;
    expect(big).toHaveLength(Math.min(500, (await newestChangeIds(alice.userId, 1000)).length));
    for (const bad of ["0", "501", "ten", "1.5"]) {
      const response = await fetchFeed(secret, "rss", `?limit=${bad}`);
      expect(response.status).toBe(400);
      expect(await response.text()).toBe("limit must be a whole number from 1 to 500.\n");
    }
  });

  it("answers 304 Not Modified to a repeated conditional request", async () => {
    const secret = await newFeed(alice.userId, "Conditional", "");
    const first = await fetchFeed(secret, "atom");
    const etag = first.headers.get("etag")!;
    const lastModified = first.headers.get("last-modified")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers.get("cache-control")).toBe("private, max-age=300");
    const byEtag = await fetchFeed(secret, "atom", "", { "if-none-match": etag });
    expect(byEtag.status).toBe(304);
    expect(await byEtag.text()).toBe("");
    expect((await fetchFeed(secret, "atom", "", { "if-modified-since": lastModified })).status).toBe(304);
    expect((await fetchFeed(secret, "rss", "", { "if-none-match": etag })).status).toBe(200);
  });

  it("answers a revoked, regenerated-away or unknown secret with the same bare 404", async () => {
    const revoked = await newFeed(alice.userId, "Revoked", "");
    const created = await createFeedToken(alice.userId, { name: "Rotated", filterQuery: "" });
    if (!created.ok) throw new Error(created.failure.message);
    const revokedId = (await listFeedTokens(alice.userId)).find((f) => f.name === "Revoked")!.id;
    expect(await revokeFeedToken(alice.userId, revokedId)).toBe(true);
    await regenerateFeedToken(alice.userId, created.value.id);
    const bodies = new Set<string>();
    for (const secret of [revoked, created.value.secret, `wdf_${"Z".repeat(43)}`, "nonsense"]) {
      const response = await fetchFeed(secret, "rss");
      expect(response.status).toBe(404);
      bodies.add(await response.text());
    }
    expect([...bodies]).toEqual(["Not found\n"]);
  });

  it("never shows another user's changes, nor any credential or watchlist token", async () => {
    const bobSecret = await newFeed(bob.userId, "Bob's", "");
    const xml = await (await fetchFeed(bobSecret, "rss", "?limit=500")).text();
    const guids = (parser.parse(xml).rss.channel.item as Array<{ guid: { "#text": string } }>).map(
      (i) => i.guid["#text"],
    );
    const bobIds = (await newestChangeIds(bob.userId, 1000)).map((id) => `urn:watchdeck:change:${id}`);
    expect(guids.sort()).toEqual(bobIds.sort());
    const aliceOnly = (await newestChangeIds(alice.userId, 1000)).filter(
      (id) => !bobIds.includes(`urn:watchdeck:change:${id}`),
    );
    expect(aliceOnly.length).toBeGreaterThan(0);
    for (const id of aliceOnly) expect(xml).not.toContain(`urn:watchdeck:change:${id}<`);
    const wiki = fixtureWiki("alpha");
    for (const secret of [
      wiki.watchlistTokens.Alice!,
      wiki.watchlistTokens.Bob!,
      botPassword(wiki, "Alice@watchdeck"),
      botPassword(wiki, "Bob@watchdeck"),
      "wltoken",
    ]) {
      expect(xml).not.toContain(secret);
    }
  });

  it("speaks its owner's chosen language in its own words, English when none (or only a partial one) is chosen", async () => {
    const carla = await newUser("feed-carla@example.org");
    const secret = await newFeed(carla, "Todo", "");
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const answers: Record<string, { language: string; description: string; title: string; xmlLang: string }> = {};
    try {
      for (const locale of [null, "es", "de", "he"]) {
        await client.query("UPDATE users SET locale = $1 WHERE id = $2", [locale, carla]);
        const channel = parser.parse(await (await fetchFeed(secret, "rss")).text()).rss.channel;
        const atom = parser.parse(await (await fetchFeed(secret, "atom")).text()).feed;
        answers[String(locale)] = {
          language: channel.language,
          title: channel.title,
          description: channel.description,
          xmlLang: atom["@_xml:lang"],
        };
      }
    } finally {
      await client.end();
    }
    const english = { language: "en", xmlLang: "en", title: "Watchdeck: Todo" };
    expect(answers.null).toEqual({ ...english, description: "Changes to watched pages on your linked wikis" });
    expect(answers.es).toEqual({
      language: "es",
      xmlLang: "es",
      title: "Watchdeck: Todo",
      description: "Cambios en las páginas vigiladas de tus wikis vinculados",
    });
    expect(answers.de?.language).toBe("de");
    expect(answers.de?.description).toBe("Änderungen an beobachteten Seiten deiner verknüpften Wikis");
    expect(answers.he).toEqual(answers.null);
  });
});
