import { beforeAll, describe, expect, it } from "vitest";
import { registerUser } from "@/lib/accounts/registerUser";
import { linkAccountWikis, offerAccountWikis } from "@/lib/links/accountWikis";
import { createLink } from "@/lib/links/createLink";
import { listLinksForUser } from "@/lib/links/linkRepository";
import { deleteBotPassword, restoreBotPasswords } from "@/test/mediawiki/wikiActions";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { botPassword, fixtureWiki, loopbackNetwork } from "@/test/support/wikiFixture";

const network = loopbackNetwork();
const GLOBAL = "Alice@global";

async function newUser(email: string): Promise<string> {
  const result = await registerUser({ email, password: "long enough password" }, { registrationOpen: true });
  if (!result.ok) throw new Error(result.failure.message);
  return result.value.id;
}

async function linkByBotPassword(userId: string, key: "alpha" | "beta" | "delta", loginName = GLOBAL) {
  const wiki = fixtureWiki(key);
  const result = await createLink(
    userId,
    { wikiUrl: wiki.apiUrl, authMode: "bot_password", username: loginName, secret: botPassword(wiki, loginName) },
    network,
  );
  if (!result.ok) throw new Error(result.failure.message);
  return result.value.linkId;
}

async function aliceEditCount(key: "beta" | "gamma"): Promise<number> {
  const url = `${fixtureWiki(key).apiUrl}?action=query&list=users&ususers=Alice&usprop=editcount&format=json&formatversion=2`;
  const body = (await (await fetch(url)).json()) as { query: { users: Array<{ editcount: number }> } };
  return body.query.users[0]!.editcount;
}

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
});

describe("the other wikis of a global account", () => {
  it("offers the attached wikis not linked yet, with edit counts and whether each watchlist has changes", async () => {
    const userId = await newUser("offer@example.org");
    const linkId = await linkByBotPassword(userId, "alpha");
    const offers = await offerAccountWikis(userId, linkId, network);
    expect(offers.map((offer) => offer.url).sort()).toEqual(
      [fixtureWiki("beta").baseUrl, fixtureWiki("gamma").baseUrl].sort(),
    );
    const beta = offers.find((offer) => offer.wikiId === "betawiki")!;
    const gamma = offers.find((offer) => offer.wikiId === "gammawiki")!;
    expect(beta).toMatchObject({ siteName: "Beta Wiki", hasWatchlistChanges: true, problem: null });
    expect(gamma).toMatchObject({ siteName: "Gamma Wiki", hasWatchlistChanges: true, problem: null });
    expect(beta.editCount).toBe(await aliceEditCount("beta"));
    expect(gamma.editCount).toBe(await aliceEditCount("gamma"));
  });

  it("leaves out a wiki the user has already linked, whatever the bot password", async () => {
    const userId = await newUser("partly@example.org");
    await linkByBotPassword(userId, "beta", "Alice@watchdeck");
    const linkId = await linkByBotPassword(userId, "alpha");
    const offers = await offerAccountWikis(userId, linkId, network);
    expect(offers.map((offer) => offer.wikiId)).toEqual(["gammawiki"]);
  });

  it("links the ticked wikis with the same bot password; a wiki the account is not attached to is refused", async () => {
    const userId = await newUser("ticks@example.org");
    const linkId = await linkByBotPassword(userId, "alpha");
    const outsider = fixtureWiki("delta").baseUrl;
    const result = await linkAccountWikis(
      userId,
      linkId,
      [fixtureWiki("beta").baseUrl, fixtureWiki("gamma").baseUrl, outsider],
      network,
    );
    if (!result.ok) throw new Error(result.failure.message);
    expect(result.value.map((row) => [row.url, row.result.ok])).toEqual([
      [fixtureWiki("beta").baseUrl, true],
      [fixtureWiki("gamma").baseUrl, true],
      [outsider, false],
    ]);
    const links = await listLinksForUser(userId);
    expect(links.map((link) => [link.site.name, link.loginName, link.wikiUsername]).sort()).toEqual([
      ["Alpha Wiki", GLOBAL, "Alice"],
      ["Beta Wiki", GLOBAL, "Alice"],
      ["Gamma Wiki", GLOBAL, "Alice"],
    ]);
    expect(await offerAccountWikis(userId, linkId, network)).toEqual([]);
  });

  it("reports a wiki where the bot password fails on its own row and still links the others", async () => {
    const userId = await newUser("partial@example.org");
    const linkId = await linkByBotPassword(userId, "alpha");
    await deleteBotPassword("gamma", "Alice", "global");
    try {
      const offers = await offerAccountWikis(userId, linkId, network);
      const gamma = offers.find((offer) => offer.wikiId === "gammawiki")!;
      expect(gamma.hasWatchlistChanges).toBeNull();
      expect(gamma.problem).toMatch(/password/i);
      expect(offers.at(-1)).toBe(gamma);
      const result = await linkAccountWikis(
        userId,
        linkId,
        [fixtureWiki("beta").baseUrl, fixtureWiki("gamma").baseUrl],
        network,
      );
      if (!result.ok) throw new Error(result.failure.message);
      const [beta, failed] = result.value;
      expect(beta!.result.ok).toBe(true);
      expect(failed!.result).toMatchObject({ ok: false, failure: { kind: "auth", field: "secret" } });
      expect((await listLinksForUser(userId)).map((link) => link.site.name).sort()).toEqual([
        "Alpha Wiki",
        "Beta Wiki",
      ]);
    } finally {
      await restoreBotPasswords("gamma");
    }
  });

  it("offers nothing, and raises nothing, on a wiki without CentralAuth", async () => {
    const userId = await newUser("plain@example.org");
    const linkId = await linkByBotPassword(userId, "delta", "Alice@watchdeck");
    expect(await offerAccountWikis(userId, linkId, network)).toEqual([]);
    const result = await linkAccountWikis(userId, linkId, [fixtureWiki("beta").baseUrl], network);
    expect(result).toMatchObject({ ok: true, value: [{ result: { ok: false, failure: { code: "not_attached" } } }] });
  });

  it("offers nothing for a link of another user or a watchlist-token link", async () => {
    const owner = await newUser("owner@example.org");
    const stranger = await newUser("stranger@example.org");
    const linkId = await linkByBotPassword(owner, "alpha");
    expect(await offerAccountWikis(stranger, linkId, network)).toEqual([]);
    expect(await linkAccountWikis(stranger, linkId, [fixtureWiki("beta").baseUrl], network)).toMatchObject({
      ok: false,
      failure: { kind: "not_found" },
    });
    const wiki = fixtureWiki("alpha");
    const tokenLink = await createLink(
      stranger,
      { wikiUrl: wiki.apiUrl, authMode: "watchlist_token", username: "Alice", secret: wiki.watchlistTokens.Alice },
      network,
    );
    if (!tokenLink.ok) throw new Error(tokenLink.failure.message);
    expect(await offerAccountWikis(stranger, tokenLink.value.linkId, network)).toEqual([]);
  });
});
