import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/postgres";
import { createLink } from "@/lib/links/createLink";
import { listWatchedPages } from "@/lib/watching/listWatchedPages";
import { markPagesRead, markWatchlistRead } from "@/lib/watching/markRead";
import { unwatchPage, watchPage } from "@/lib/watching/watchPages";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { botPassword, fixtureWiki, loopbackNetwork } from "@/test/support/wikiFixture";
import {
  addEditorBotPassword,
  countedNetwork,
  editorOnWiki,
  freshPage,
  newUser,
  removeEditorBotPassword,
  watchStateOnWiki,
} from "./watchingFixture";

const network = loopbackNetwork();
let userId: string;
let readonlyLink: string;
let tokenLink: string;
let title: string;

async function link(input: Parameters<typeof createLink>[1]): Promise<string> {
  const result = await createLink(userId, input, network);
  if (!result.ok) throw new Error(result.failure.message);
  return result.value.linkId;
}

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  await addEditorBotPassword();
  userId = await newUser("refused");
  const alpha = fixtureWiki("alpha");
  readonlyLink = await link({
    wikiUrl: alpha.apiUrl,
    authMode: "bot_password",
    username: "Alice@readonly",
    secret: botPassword(alpha, "Alice@readonly"),
  });
  tokenLink = await link({
    wikiUrl: alpha.apiUrl,
    authMode: "watchlist_token",
    username: "Bob",
    secret: alpha.watchlistTokens.Bob!,
  });
  title = await freshPage("Refused");
});

afterAll(async () => {
  await removeEditorBotPassword();
});

describe("links that cannot change the watchlist", () => {
  it("a bot password lacking editmywatchlist gets a refusal naming the missing grant, without asking the wiki", async () => {
    const counted = countedNetwork(network);
    for (const result of [
      await watchPage(userId, readonlyLink, title, { network: counted }),
      await unwatchPage(userId, readonlyLink, title, { network: counted }),
      await markPagesRead(userId, readonlyLink, [title], { network: counted }),
      await markWatchlistRead(userId, readonlyLink, { network: counted }),
    ]) {
      expect(result).toMatchObject({ ok: false, failure: { kind: "not_allowed", code: "missing_editmywatchlist" } });
      expect(!result.ok && result.failure.message).toContain(
        'The bot password Alice@readonly lacks the "Edit your watchlist" grant (editmywatchlist)',
      );
    }
    expect(counted.requests, "requests to the wiki").toBe(0);
  });

  it("forced past Watchdeck's check, the wiki's own permissiondenied comes back as the same clear reason", async () => {
    await prisma().wikiLink.update({ where: { id: readonlyLink }, data: { canWatch: true, canMarkRead: true } });
    try {
      const watched = await watchPage(userId, readonlyLink, title, { network });
      expect(watched).toMatchObject({ ok: false, failure: { kind: "not_allowed", code: "permissiondenied" } });
      expect(!watched.ok && watched.failure.message).toMatch(
        /Alpha Wiki refused: this account may not edit its watchlist\. .*editmywatchlist/,
      );
      const read = await markPagesRead(userId, readonlyLink, ["Watchdeck Alpha"], { network });
      expect(read).toMatchObject({ ok: false, failure: { kind: "not_allowed", code: "permissiondenied" } });
    } finally {
      await prisma().wikiLink.update({ where: { id: readonlyLink }, data: { canWatch: false, canMarkRead: false } });
    }
    expect((await watchStateOnWiki(await editorOnWiki(), [title]))[title]?.watched).toBe(false);
  });

  it("a watchlist-token link is refused with the reason, yet lists its watched pages (without expiries)", async () => {
    const result = await watchPage(userId, tokenLink, title, { network });
    expect(result).toMatchObject({ ok: false, failure: { kind: "not_allowed", code: "watchlist_token_link" } });
    expect(!result.ok && result.failure.message).toContain("watchlist token, which can only read the watchlist");

    const listed = await listWatchedPages(userId, tokenLink, { namespace: 0 }, { network });
    if (!listed.ok) throw new Error(listed.failure.message);
    expect(listed.value.expiryKnown).toBe(false);
    expect(listed.value.pages.map((page) => page.title)).toEqual([
      "Bob Only Page",
      "Watchdeck Alpha",
      "Ünïcödé 日本語 ページ",
    ]);
  });
});
