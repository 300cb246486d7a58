import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/feed/[file]/route";
import { createFeedToken } from "@/lib/feeds/feedTokens";
import { syncLink } from "@/lib/sync/syncLink";
import { watchPages } from "@/lib/watching/watchPages";
import { deps } from "@/test/integration/sync/syncTestKit";
import {
  addEditorBotPassword,
  freshPage,
  linkEditor,
  newUser,
  removeEditorBotPassword,
  unwatchOnWiki,
  WIKI,
} from "@/test/integration/watching/watchingFixture";
import { makeEdit } from "@/test/mediawiki/wikiActions";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { loopbackNetwork } from "@/test/support/wikiFixture";

process.env.WATCHDECK_URL = "https://watchdeck.test";

const network = loopbackNetwork();
const touched: string[] = [];
let userId: string;
let linkId: string;

async function fetchFeed(secret: string, format: "rss" | "atom", headers: Record<string, string> = {}) {
  const request = new Request(`https://watchdeck.test/feed/${secret}.${format}`, { headers });
  return GET(request, { params: Promise.resolve({ file: `${secret}.${format}` }) });
}

// Editor's watchlist is nobody's fixture, so an edit here changes no other test's expected changes.
beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  await addEditorBotPassword();
  userId = await newUser("feed-etag");
  linkId = await linkEditor(userId, network);
}, 120_000);

afterAll(async () => {
  await unwatchOnWiki(touched);
  await removeEditorBotPassword();
});

describe("a feed's ETag", () => {
  it("changes after a sync brings a new change, so the reader's cached copy is no longer current", async () => {
    const title = await freshPage("feed etag");
    touched.push(title);
    const watched = await watchPages(userId, linkId, [title], { network });
    if (!watched.ok) throw new Error(watched.failure.message);
    await makeEdit(WIKI, { title, appendtext: "\nA first edit.\n", user: "Admin", summary: "before the etag" });
    expect(await syncLink(linkId, deps(network))).toMatchObject({ status: "synced" });
    const created = await createFeedToken(userId, { name: "ETag", filterQuery: "" });
    if (!created.ok) throw new Error(created.failure.message);

    const before = {
      rss: await fetchFeed(created.value.secret, "rss"),
      atom: await fetchFeed(created.value.secret, "atom"),
    };
    const etags = { rss: before.rss.headers.get("etag")!, atom: before.atom.headers.get("etag")! };
    expect((await fetchFeed(created.value.secret, "rss", { "if-none-match": etags.rss })).status).toBe(304);

    await makeEdit(WIKI, { title, appendtext: "\nA later edit.\n", user: "Admin", summary: "etag test" });
    expect(await syncLink(linkId, deps(network))).toMatchObject({ status: "synced" });

    for (const format of ["rss", "atom"] as const) {
      const after = await fetchFeed(created.value.secret, format, { "if-none-match": etags[format] });
      expect(after.status).toBe(200);
      expect(after.headers.get("etag")).not.toBe(etags[format]);
      expect(await after.text()).toContain("etag test");
    }
  }, 120_000);
});
